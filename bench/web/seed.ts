/**
 * The escalations bench:web fills the store with, all in Liverpool (LSCB Resolution & Escalation
 * Procedure): a health practitioner at Alder Hey raises against Liverpool Children's Services, each
 * for its own case reference and child. Two ways, both through the real product, so that the index,
 * the protected store, the record, the outbox and the engine's history are what real raises leave:
 * through `POST /api/v1/escalations` (what the raise page does), or through the engine port with
 * the same start contract (`processes/variables.ts`), as a raise from another engine client is,
 * which the record worker indexes. The workers run either way; {@link settle} waits for them.
 */
import { loadPartnerships } from '../../processes/catalogue.js';
import { parseStartVariables, startVariablesFor, toStartVariableMap } from '../../processes/variables.js';
import { systemClock } from '../../src/clock/system-clock.js';
import { fmt, sleep } from '../figures.js';
import type { BenchProduct } from './product.js';
import { SCHOOL_RAISE } from '../../test/support/raise-body.js';

/**
 * The Liverpool escalation the web bench raises: the school's raise, about a child on a child
 * protection plan (as test/browser/escalation-page.test.ts sends it).
 */
export const LIVERPOOL_RAISE = {
  ...SCHOOL_RAISE,
  otherOrganisation: 'liverpool-csc',
  childStatus: 'CPP',
} as const;

/** The case reference of the `i`th escalation raised here. */
export const caseReference = (i: number) => `LIV/2026/${String(i).padStart(5, '0')}`;
const child = (i: number) => ({
  name: `Bench Child ${i}`,
  dateOfBirth: `2015-0${(i % 9) + 1}-1${i % 10}`,
  address: `${i} Example Row, Liverpool L1 ${i % 10}AA`,
});

/** Runs `task(i)` for i in [from, from + n), `concurrency` at a time. */
async function pool(from: number, n: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = from;
  const end = from + n;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < end) await task(next++);
    }),
  );
}

/** Raises escalations [from, from + n) through `POST /api/v1/escalations` as `token`'s user; their ids. */
export async function raiseThroughApi(
  bp: BenchProduct,
  token: string,
  from: number,
  n: number,
  concurrency: number,
): Promise<string[]> {
  const ids: string[] = [];
  await pool(from, n, concurrency, async (i) => {
    const res = await fetch(`${bp.base}/api/v1/escalations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...LIVERPOOL_RAISE, caseReference: caseReference(i), subject: child(i) }),
    });
    const body = (await res.json()) as { id: string };
    if (res.status !== 201) throw new Error(`raise ${i}: ${res.status} ${JSON.stringify(body)}`);
    ids.push(body.id);
  });
  return ids;
}

/**
 * Raises escalations [from, from + n) through the engine port, as `username` of Alder Hey would:
 * the child's details in the protected store, then the process started with the start contract the
 * API sends; the record worker indexes each raise. Their escalation ids.
 */
export async function raiseThroughEngine(
  bp: BenchProduct,
  username: string,
  from: number,
  n: number,
  concurrency: number,
): Promise<string[]> {
  const entry = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
  const { engine, stores } = bp.product;
  const ids: string[] = [];
  await pool(from, n, concurrency, async (i) => {
    const raisedAt = new Date(systemClock.now());
    stores.subjects.put('liverpool', caseReference(i), child(i), raisedAt);
    const vars = parseStartVariables(
      startVariablesFor(entry.settings, {
        ...LIVERPOOL_RAISE,
        partnership: 'liverpool',
        raisedByAgency: 'health',
        raisedByOrganisation: 'alder-hey',
        raisedBy: username,
        escalationId: crypto.randomUUID(),
        raisedAt,
        caseReference: caseReference(i),
      }),
    );
    const diagram = entry.settings.diagrams.find((d) => d.contexts.includes(vars.disagreementContext))!;
    await engine.startProcessInstance({
      definitionKey: diagram.key,
      businessKey: vars.escalationId,
      variables: toStartVariableMap(vars),
    });
    ids.push(vars.escalationId);
  });
  return ids;
}

/** Waits until the workers have ended every external task (none left with retries); the ms it took. */
export async function settle(bp: BenchProduct): Promise<number> {
  const t0 = performance.now();
  while ((await bp.product.engine.countExternalTasks({ withRetriesLeft: true })) > 0) await sleep(100);
  return performance.now() - t0;
}

/**
 * Fills the store up to `total` escalations: the first `apiRaises` through the API as `username`
 * (4 at a time), the rest through the engine port (16 at a time), then waits for the workers. A
 * store that holds `total` already is left as it is. Lines saying what was done and how long it took.
 */
export async function fillStore(
  bp: BenchProduct,
  username: string,
  total: number,
  apiRaises: number,
): Promise<string[]> {
  const held = indexed(bp);
  if (held >= total) return [`the store already holds ${held.toLocaleString('en-GB')} escalations`];
  if (held > 0) throw new Error(`the store holds ${held} escalations, not ${total}: give an empty directory`);
  const cpu0 = process.cpuUsage();
  let t0 = performance.now();
  await raiseThroughApi(bp, bp.token(username), 0, apiRaises, 4);
  const apiMs = performance.now() - t0;
  const apiSettle = await settle(bp);
  t0 = performance.now();
  await raiseThroughEngine(bp, username, apiRaises, total - apiRaises, 16);
  const engineMs = performance.now() - t0;
  const engineSettle = await settle(bp);
  const cpu = process.cpuUsage(cpu0);
  const s = (x: number) => fmt(x / 1000);
  return [
    `${apiRaises} raised through POST /api/v1/escalations in ${s(apiMs)} s, the workers done ${s(apiSettle)} s ` +
      `later: ${fmt((apiRaises * 1000) / (apiMs + apiSettle))} escalations a second`,
    `${(total - apiRaises).toLocaleString('en-GB')} raised through the engine port in ${s(engineMs)} s, the ` +
      `workers done ${s(engineSettle)} s later: ${fmt(((total - apiRaises) * 1000) / (engineMs + engineSettle))} ` +
      `escalations a second; ${indexed(bp).toLocaleString('en-GB')} in the index`,
    // The product is one Node process: on a busy machine it gets a share of one core, not all of it.
    `this process's CPU while filling: ${s((cpu.user + cpu.system) / 1000)} s ` +
      `(${fmt((cpu.user + cpu.system) / 1000 / total)} ms an escalation)`,
  ];
}

/** How many escalations the index holds. */
export function indexed(bp: BenchProduct): number {
  return (bp.product.stores.db.prepare('SELECT count(*) AS n FROM escalations').get() as { n: number }).n;
}

/** The id of the escalation raised for `reference` (throws if there is none). */
export function escalationFor(bp: BenchProduct, reference: string): string {
  const row = bp.product.stores.db
    .prepare('SELECT id FROM escalations WHERE case_reference = ?')
    .get(reference) as { id: string } | undefined;
  if (!row) throw new Error(`no escalation for ${reference}`);
  return row.id;
}
