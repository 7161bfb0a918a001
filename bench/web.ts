/**
 * `npm run bench:web` (issue 15): the web UI's time to interactive in Debian's Chromium with
 * BENCH_ESCALATIONS (default 10,000) escalations in the store. Prints figures; asserts nothing
 * (docs/benchmarks.md records them with the command and the machine's load).
 *
 * 1. The real product in this process (bench/web/product.ts: embedded engine, API, web UI, the four
 *    workers, system clock), on a temporary DATA_DIR, or on BENCH_WEB_DATA (kept: a later run with
 *    the same directory finds the escalations there and skips step 2).
 * 2. The store filled (bench/web/seed.ts): BENCH_API_RAISES (default 100) Liverpool escalations
 *    raised through `POST /api/v1/escalations` as Hana (health, Alder Hey), timed, 4 at a time; the
 *    rest through the engine port with the same start contract, 16 at a time, which the record
 *    worker indexes; then the workers settle (no external task left). All stand at Stage 1.
 * 3. In Chromium (bench/web/measure.ts), as Hana: the escalation page of the middle one of the API's
 *    raises BENCH_RUNS (default 20) times cold and warm, then the dashboard likewise
 *    (BENCH_WEB_PAGES=escalation or =dashboard: only that one). Two figures from navigation start:
 *    usable (the main region not busy apart from the diagram, which may still be drawing, and
 *    Stage 1's form ready with its button enabled) and all drawn (also the diagram drawn with the
 *    `current` marker). The dashboard: its figures and list shown (both figures the same).
 */
import { cpus, loadavg } from 'node:os';
import { fmt, pct } from './figures.js';
import { startBenchProduct } from './web/product.js';
import { caseReference, escalationFor, fillStore } from './web/seed.js';
import { cold, launch, warm, type Target, type Visit } from './web/measure.js';

const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 10_000);
const API_RAISES = Math.min(ESCALATIONS, Number(process.env.BENCH_API_RAISES ?? 100));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Which pages to measure (`escalation`, `dashboard`; both by default). */
const PAGES = (process.env.BENCH_WEB_PAGES ?? 'escalation,dashboard').split(',');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `# bench:web: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
      `${ESCALATIONS.toLocaleString('en-GB')} escalations, ${RUNS} runs; load average ${load()}`,
  );
  const bp = await startBenchProduct(process.env.BENCH_WEB_DATA || undefined);
  try {
    await bp.user('hana', {
      partnership: 'liverpool',
      agency: 'health',
      organisation: 'alder-hey',
      organisationName: 'Alder Hey',
      roles: ['raising-professional'],
    });
    for (const line of await fillStore(bp, 'hana', ESCALATIONS, API_RAISES)) console.log(`  ${line}`);
    console.log(`  load average ${load()} before the browser`);
    const browser = await launch();
    try {
      const session = bp.session('hana');
      const id = escalationFor(bp, caseReference(Math.floor(API_RAISES / 2)));
      const targets: [string, Target][] = [
        ['Escalation page', { base: bp.base, session, path: `/escalations/${id}`, ready: 'escalation' }],
        ['Dashboard', { base: bp.base, session, path: '/', ready: 'dashboard' }],
      ];
      const rows: [string, Visit[]][] = [];
      for (const [name, target] of targets.filter(([, t]) => PAGES.includes(t.ready))) {
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
  console.log(`  load average ${load()} at the end; ${fmt((performance.now() - started) / 1000)} s in all`);
}

function print(rows: [string, Visit[]][]): void {
  const median = (visits: Visit[], of: (v: Visit) => number) => fmt(pct(visits.map(of), 50), 0);
  console.log('');
  console.log(
    '| Page | runs | usable median ms | usable p90 ms | all drawn median ms | all drawn p90 ms | fastest ms | slowest ms | scripts in by | API answered by |',
  );
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const [name, visits] of rows) {
    const ms = visits.map((v) => v.ms);
    const usable = visits.map((v) => v.usableMs);
    const cells = [
      pct(usable, 50),
      pct(usable, 90),
      pct(ms, 50),
      pct(ms, 90),
      Math.min(...ms),
      Math.max(...ms),
    ].map((x) => fmt(x, 0));
    const when = [median(visits, (v) => v.assetsMs), median(visits, (v) => v.apiMs)];
    console.log(`| ${name} | ${ms.length} | ${cells.join(' | ')} | ${when.join(' | ')} |`);
  }
  console.log('');
  console.log('  (scripts in by, API answered by: medians, ms from navigation start, of when the last');
  console.log(
    '  script or stylesheet and the last /api/v1 answer had arrived by the time it was interactive)',
  );
  for (const [name, visits] of rows) {
    const kb = fmt(visits[0]?.scriptKb ?? 0, 0);
    console.log(`  ${name}: ${kb} kB of JavaScript; showed ${visits[0]?.shown ?? ''}; slowest API requests:`);
    for (const [path, ms] of slowestRequests(visits, 3)) console.log(`    ${fmt(ms, 0)} ms (median) ${path}`);
  }
}

/** The `n` API requests with the longest median time over the visits (ids shown as :id). */
function slowestRequests(visits: Visit[], n: number): [string, number][] {
  const times = new Map<string, number[]>();
  for (const { path, ms } of visits.flatMap((v) => v.requests)) {
    const key = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    times.set(key, [...(times.get(key) ?? []), ms]);
  }
  return [...times]
    .map(([path, ms]): [string, number] => [path, pct(ms, 50)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
