/**
 * `npm run bench:web` (issue 15): the web UI's time to interactive in Debian's Chromium with
 * BENCH_ESCALATIONS (default 10,000) escalations in the store. Prints figures; asserts nothing
 * (docs/benchmarks.md records them with the command and the machine's load).
 *
 * 1. The real product in this process (bench/web/product.ts: embedded engine, API, web UI, the four
 *    workers, system clock, temporary DATA_DIR).
 * 2. The store filled (bench/web/seed.ts): BENCH_API_RAISES (default 100) Liverpool escalations
 *    raised through `POST /api/v1/escalations` as Hana (health, Alder Hey), timed, 4 at a time; the
 *    rest through the engine port with the same start contract, 16 at a time, which the record
 *    worker indexes; then the workers settle (no external task left). All stand at Stage 1.
 * 3. In Chromium (bench/web/measure.ts), as Hana: the escalation page of one of the API's raises
 *    (the middle one) BENCH_RUNS (default 20) times cold and warm, and the dashboard likewise.
 *    Time to interactive: from navigation start to the main region not busy, the diagram drawn with
 *    the `current` marker and Stage 1's form ready (the dashboard: its figures and list shown).
 */
import { cpus, loadavg } from 'node:os';
import { fmt, pct } from './figures.js';
import { startBenchProduct } from './web/product.js';
import { raiseThroughApi, raiseThroughEngine, settle } from './web/seed.js';
import { cold, launch, warm, type Target, type Visit } from './web/measure.js';

const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 10_000);
const API_RAISES = Math.min(ESCALATIONS, Number(process.env.BENCH_API_RAISES ?? 100));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const seconds = (t0: number) => fmt((performance.now() - t0) / 1000);

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `# bench:web: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
      `${ESCALATIONS.toLocaleString('en-GB')} escalations, ${RUNS} runs; load average ${load()}`,
  );
  const bp = await startBenchProduct();
  try {
    await bp.user('hana', {
      partnership: 'liverpool',
      agency: 'health',
      organisation: 'alder-hey',
      organisationName: 'Alder Hey',
      roles: ['raising-professional'],
    });
    let t0 = performance.now();
    const raised = await raiseThroughApi(bp, bp.token('hana'), 0, API_RAISES, 4);
    const apiMs = performance.now() - t0;
    const apiSettle = await settle(bp);
    console.log(
      `  ${API_RAISES} raised through POST /api/v1/escalations in ${fmt(apiMs / 1000)} s ` +
        `(${fmt((API_RAISES * 1000) / (apiMs + apiSettle))} a second with the workers' ${fmt(apiSettle / 1000)} s after)`,
    );
    t0 = performance.now();
    const rest = ESCALATIONS - API_RAISES;
    await raiseThroughEngine(bp, 'hana', API_RAISES, rest, 16);
    const startedIn = seconds(t0);
    const settledIn = await settle(bp);
    const indexed = bp.product.stores.db.prepare('SELECT count(*) AS n FROM escalations').get() as {
      n: number;
    };
    console.log(
      `  ${rest.toLocaleString('en-GB')} raised through the engine port in ${startedIn} s, workers settled ` +
        `${fmt(settledIn / 1000)} s later; ${indexed.n.toLocaleString('en-GB')} in the index (load ${load()})`,
    );

    const browser = await launch();
    try {
      const session = bp.session('hana');
      const escalation: Target = {
        base: bp.base,
        session,
        path: `/escalations/${raised[Math.floor(raised.length / 2)]!}`,
        ready: 'escalation',
      };
      const dashboard: Target = { base: bp.base, session, path: '/', ready: 'dashboard' };
      const rows: [string, Visit[]][] = [];
      for (const [name, target] of [
        ['Escalation page', escalation],
        ['Dashboard', dashboard],
      ] as const) {
        rows.push([`${name}, cold`, await cold(browser, target, RUNS)]);
        rows.push([`${name}, warm`, await warm(browser, target, RUNS)]);
      }
      print(rows);
    } finally {
      await browser.close();
    }
  } finally {
    await bp.stop();
  }
  console.log(`  load average ${load()} at the end; ${seconds(started)} s in all`);
}

function print(rows: [string, Visit[]][]): void {
  console.log('');
  console.log('| Page | runs | median ms | p90 ms | fastest ms | slowest ms | API answered by, median ms |');
  console.log('| --- | --: | --: | --: | --: | --: | --: |');
  for (const [name, visits] of rows) {
    const ms = visits.map((v) => v.ms);
    const cells = [pct(ms, 50), pct(ms, 90), Math.min(...ms), Math.max(...ms)].map((x) => fmt(x, 0));
    const api = fmt(
      pct(
        visits.map((v) => v.apiMs),
        50,
      ),
      0,
    );
    console.log(`| ${name} | ${ms.length} | ${cells.join(' | ')} | ${api} |`);
  }
  console.log('');
  for (const [name, visits] of rows) console.log(`  ${name} showed: ${visits[0]?.shown ?? ''}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
