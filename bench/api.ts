/**
 * npm run bench:api — the escalations API (`/api/v1`) on this machine. Prints, asserts nothing.
 *
 * `npm start`'s own entry point (src/main.ts) runs in a child process on a temporary DATA_DIR (the
 * embedded engine, the workers in process, messages kept in the outbox); users and their tokens are
 * made with the CLI (`escalation users add`, `tokens create`), as README says.
 *
 * 1. Raise → first stage visible: BENCH_RAISES (default 100) raises one after another, each timed
 *    from sending `POST /api/v1/escalations` to the first `GET /api/v1/escalations/:id` whose
 *    `stages` holds Stage 1 (the workers have computed its deadline and the engine reached it;
 *    polled every 5 ms). The 201 alone is timed too.
 * 2. `GET /api/v1/escalations` (page 1, 20 a page) with BENCH_ESCALATIONS (default 100,000)
 *    escalations in the index, BENCH_LISTS (default 300) times each as a Liverpool partnership user
 *    (LSCB Business Manager: every Liverpool escalation), as an agency user of one school (a
 *    practitioner: the escalations their school is a party to or was told of) and as an agency user
 *    of the whole other agency (Children's Services, named by no escalation's organisation, so a
 *    party to every one raised against it). The index is filled
 *    with the server stopped, through EscalationIndex (src/escalations) on the same database file:
 *    40% Liverpool, the rest spread over the other four partnerships; the school is a party to one
 *    Liverpool escalation in 20; each escalation has its two parties' Stage 1 audience.
 * 3. `GET /api/v1/escalations/counts?status=open` (the dashboard's open escalations by stage) with
 *    those 100,000 escalations each at an open stage (one in ten at two), BENCH_COUNTS (default 50)
 *    times as the same three users. Their open tasks are written with the index, straight into the embedded
 *    engine's task history (what the count asks the engine for: its unfinished tasks), since
 *    driving 100,000 process instances through the engine would take hours here.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EscalationIndex } from '../src/escalations/escalation-index.js';
import { originOf, startMain, type Started } from '../src/main.test-harness.js';
import { apiRequest, runEscalation } from '../test/support/product-client.js';
import { SCHOOL_RAISE } from '../test/support/raise-body.js';
import { tempDir } from '../test/support/temp-dir.js';
import { fmt, ms, pct, sleep } from './figures.js';

const RAISES = Number(process.env.BENCH_RAISES ?? 100);
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 100_000);
const LISTS = Number(process.env.BENCH_LISTS ?? 300);
const COUNTS = Number(process.env.BENCH_COUNTS ?? 50);
const PASSWORD = 'bench correct horse battery';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const dir = tempDir('bench-api');
const dataDir = join(dir.path, 'data');
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SMTP_URL: '', ENGINE_URL: '' };

const cli = (args: string[], input?: string) => runEscalation(dataDir, args, input);

async function call(s: Started, token: string, method: string, path: string, body?: unknown) {
  const res = await apiRequest(originOf(s), token, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** Part 1: each raise's 201 and its first stage visible, in ms. */
async function raises(s: Started, token: string): Promise<{ created: number[]; visible: number[] }> {
  const created: number[] = [];
  const visible: number[] = [];
  for (let i = 0; i < RAISES; i++) {
    const t0 = performance.now();
    const raised = await call(s, token, 'POST', '/escalations', {
      ...SCHOOL_RAISE,
      caseReference: `BENCH/${i}`,
    });
    created.push(ms(t0));
    for (;;) {
      const e = await call(s, token, 'GET', `/escalations/${String(raised.id)}`);
      if ((e.stages as unknown[]).length > 0) break;
      await sleep(5);
    }
    visible.push(ms(t0));
  }
  return { created, visible };
}

const OTHERS = ['wiltshire', 'northamptonshire', 'east-riding', 'safeguarding-unit'];

/** Stages an indexed escalation is at in part 3 (Liverpool's first four user tasks). */
const STAGES = [
  'Stage1_RecordOutcome',
  'Stage1LineManager_RecordOutcome',
  'Stage2_RecordOutcome',
  'Stage3_RecordOutcome',
];

/** Part 3's data: each process instance's open stage(s) as unfinished tasks in the engine's history. */
function fillOpenTasks(processInstanceIds: string[]): void {
  const db = new Database(join(dataDir, 'engine.sqlite'));
  const insert = db.prepare(
    `INSERT INTO hist_task (id, definition_key, definition_id, process_instance_id, execution_id, activity_instance_id,
       name, start_time, task_definition_key, priority, due) VALUES (?, 'BenchEscalation', 'BenchEscalation:1:bench', ?, ?, ?, ?, ?, ?, 50, ?)`,
  );
  const start = Date.parse('2020-01-01T09:00:00Z');
  db.transaction(() => {
    processInstanceIds.forEach((pi, i) => {
      for (const stage of i % 10 === 0 ? [STAGES[i % 4]!, STAGES[(i + 1) % 4]!] : [STAGES[i % 4]!]) {
        const at = start + i * 60_000;
        insert.run(randomUUID(), pi, pi, randomUUID(), stage, at, stage, at + 5 * 86_400_000);
      }
    });
  })();
  db.close();
}

/** Part 2's data: `n` escalations (beside those already there) written straight into the index. */
function fillIndex(n: number): { liverpool: number; stMarys: number } {
  const db = new Database(join(dataDir, 'escalations.sqlite'));
  const index = new EscalationIndex(db);
  const processInstanceIds: string[] = [];
  const counts = { liverpool: 0, stMarys: 0 };
  const start = Date.parse('2020-01-01T09:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const partnership = i % 5 < 2 ? 'liverpool' : OTHERS[i % OTHERS.length]!;
      const school = partnership === 'liverpool' && counts.liverpool++ % 20 === 0;
      if (school) counts.stMarys++;
      const raisedByOrganisation = school ? 'st-marys' : `school-${i % 300}`;
      const id = randomUUID();
      const processInstanceId = randomUUID();
      processInstanceIds.push(processInstanceId);
      index.add({
        id,
        partnership,
        caseReference: `IDX/${i}`,
        processInstanceId,
        definitionKey: 'BenchEscalation',
        disagreementContext: 'referral',
        raisedAt: new Date(start + i * 60_000).toISOString(),
        raisedBy: `user-${i % 1000}`,
        raisedByRole: 'raising-professional',
        raisedByAgency: 'school',
        raisedByOrganisation,
        otherAgency: 'childrens-services',
        otherOrganisation: null,
      });
      index.addAudience(id, [
        {
          role: 'raising-professional',
          agency: 'school',
          organisation: raisedByOrganisation,
          documents: false,
        },
        {
          role: 'other-agency-professional',
          agency: 'childrens-services',
          organisation: '',
          documents: false,
        },
      ]);
    }
  })();
  db.close();
  fillOpenTasks(processInstanceIds);
  return counts;
}

/** Part 2 (or 3): `GET /escalations` page 1 of 20 (or `path`), `n` times, in ms; and the total it answered. */
async function lists(
  s: Started,
  token: string,
  n = LISTS,
  path = '/escalations?page=1&pageSize=20',
): Promise<{ times: number[]; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const page = await call(s, token, 'GET', path);
    times.push(ms(t0));
    total = page.total as number;
  }
  return { times, total };
}

const row = (what: string, xs: number[]) =>
  `| ${what} | ${xs.length} | ${fmt(pct(xs, 50))} | ${fmt(pct(xs, 99))} |`;

async function main(): Promise<void> {
  const loadAtStart = load();
  let server = await startMain(env);
  cli(
    [
      'users', 'add', 'sam', '--email', 'sam@stmarys.example.org', '--partnership', 'liverpool',
      '--agency', 'school', '--organisation', 'st-marys', '--roles', 'raising-professional', '--password-stdin',
    ], // prettier-ignore
    `${PASSWORD}\n`,
  );
  cli(
    [
      'users', 'add', 'bea', '--email', 'bea@lscb.example.org', '--partnership', 'liverpool',
      '--roles', 'lscb-business-manager', '--password-stdin',
    ], // prettier-ignore
    `${PASSWORD}\n`,
  );
  cli(
    [
      'users', 'add', 'cara', '--email', 'cara@csc.example.org', '--partnership', 'liverpool',
      '--agency', 'childrens-services', '--roles', 'other-agency-professional', '--password-stdin',
    ], // prettier-ignore
    `${PASSWORD}\n`,
  );
  const sam = cli(['tokens', 'create', 'sam']);
  const bea = cli(['tokens', 'create', 'bea']);
  const cara = cli(['tokens', 'create', 'cara']);
  try {
    console.log(`bench:api: ${RAISES} raises…`);
    const raised = await raises(server, sam);
    server.child.kill('SIGTERM');
    await server.exited;
    console.log(`bench:api: filling the index with ${ESCALATIONS.toLocaleString('en-GB')} escalations…`);
    const t0 = performance.now();
    const counts = fillIndex(ESCALATIONS);
    const fillMs = ms(t0);
    server = await startMain(env);
    // One warm-up each: the first request after a start reads the pages from disk.
    await lists(server, bea, 5);
    const partnership = await lists(server, bea);
    const agency = await lists(server, sam);
    const wholeAgency = await lists(server, cara);
    const countsOf = (token: string, n = COUNTS) =>
      lists(server, token, n, '/escalations/counts?status=open');
    await countsOf(bea, 2);
    const countsPartnership = await countsOf(bea);
    const countsAgency = await countsOf(sam);
    const countsWholeAgency = await countsOf(cara);
    const lines = [
      '',
      `npm run bench:api (BENCH_RAISES=${RAISES}, BENCH_ESCALATIONS=${ESCALATIONS}, BENCH_LISTS=${LISTS}, BENCH_COUNTS=${COUNTS}), ` +
        `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadAtStart} at the start, ${load()} at the end`,
      '',
      '| What | n | p50 (ms) | p99 (ms) |',
      '| --- | --: | --: | --: |',
      row('`POST /api/v1/escalations` → 201', raised.created),
      row('`POST /api/v1/escalations` → Stage 1 in `GET /escalations/:id`', raised.visible),
      row(`\`GET /api/v1/escalations\` page of 20, partnership user (total ${partnership.total.toLocaleString('en-GB')})`, partnership.times),
      row(`\`GET /api/v1/escalations\` page of 20, agency user, one school (total ${agency.total.toLocaleString('en-GB')})`, agency.times),
      row(`\`GET /api/v1/escalations\` page of 20, agency user, the whole other agency (total ${wholeAgency.total.toLocaleString('en-GB')})`, wholeAgency.times),
      row(`\`GET /api/v1/escalations/counts?status=open\`, partnership user (total ${countsPartnership.total.toLocaleString('en-GB')})`, countsPartnership.times),
      row(`\`GET /api/v1/escalations/counts?status=open\`, agency user, one school (total ${countsAgency.total.toLocaleString('en-GB')})`, countsAgency.times),
      row(`\`GET /api/v1/escalations/counts?status=open\`, agency user, the whole other agency (total ${countsWholeAgency.total.toLocaleString('en-GB')})`, countsWholeAgency.times),
      '',
      `Index filled in ${fmt(fillMs / 1000)} s (${counts.liverpool.toLocaleString('en-GB')} Liverpool, ` +
        `${counts.stMarys.toLocaleString('en-GB')} with St Mary's as a party).`,
    ]; // prettier-ignore
    console.log(lines.join('\n'));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    dir.remove();
  }
}

await main();
