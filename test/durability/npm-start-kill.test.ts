/**
 * `npm start` killed mid-work (issue 14, "Tests": "Start `npm start` as a child process on a temp
 * DATA_DIR, drive it over HTTP, SIGKILL it, restart: nothing acknowledged is lost"). The product runs
 * as `npm start` runs it (`node --import tsx src/main.ts`, src/main.test-harness.ts) on a temporary
 * DATA_DIR, with a user and a personal access token made by the CLI as README says. Escalations are
 * raised through `/api/v1`; the process is SIGKILLed the moment the last raise is acknowledged, while
 * the workers are still computing its deadlines, sending its notices and writing its record. After
 * a restart on the same DATA_DIR each acknowledged escalation is there once, runs in one process
 * instance, reaches its first stage, has its record entries once each with the chain verified
 * (GET /api/v1/records/verify), and its first-stage notice went out once to each reader.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { originOf, startMain, type Started } from '../../src/main.test-harness.js';
import { apiRequest, runEscalation } from '../support/product-client.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';
import { tempDir } from '../support/temp-dir.js';

/** Raised before the kill; the kill follows the last one's 201 at once. */
const RAISES = 3;
const PASSWORD = 'durable correct horse battery';

/** The environment of both runs: no SMTP (messages stay in the outbox), the embedded engine. */
function environment(dataDir: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SMTP_URL: '',
    ENGINE_URL: '',
    ENGINE_REST_USER: '',
    ENGINE_REST_PASSWORD: '',
    // A task a worker had locked when the process died is fetched again once its lock expires; a
    // short lock makes that happen within the test rather than after the default minute.
    WORKER_LOCK_DURATION: '2000',
  };
}

interface Stage {
  elementId: string;
}
interface Escalation {
  id: string;
  stages: Stage[];
  records: { kind: string; elementId: string; outcome: string | null; chain: { intact: boolean } }[];
  messages: { template: string; role: string | null; recipient: string }[];
}

describe('Durability: npm start SIGKILLed mid-work and restarted loses and doubles nothing', function () {
  this.timeout(300_000);
  const dir = tempDir('npm-start-kill');
  const dataDir = join(dir.path, 'data');
  let server: Started | null = null;
  after(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    dir.remove();
  });

  it('Given escalations raised through /api/v1 with a token, When npm start is SIGKILLed at the last 201 and started again on its DATA_DIR, Then each escalation is there once with one process instance, its first stage, its record entries once each with the chain verified, and one first-stage notice to each reader', async () => {
    // As README's Quick start: `npm start`, then the user and the token by the CLI while it runs.
    server = await startMain(environment(dataDir));
    const first = server;
    runEscalation(
      dataDir,
      [
        'users', 'add', 'sam', '--email', 'sam@stmarys.example.org', '--partnership', 'liverpool',
        '--agency', 'school', '--organisation', 'st-marys', '--roles', 'raising-professional',
        '--password-stdin',
      ], // prettier-ignore
      `${PASSWORD}\n`,
    );
    const token = runEscalation(dataDir, ['tokens', 'create', 'sam']);
    expect(token).to.match(/^esc_/);

    const acknowledged: string[] = [];
    for (let i = 1; i <= RAISES; i++) {
      const res = await api(first, token, 'POST', '/escalations', {
        ...SCHOOL_RAISE,
        caseReference: `DUR/${i}`,
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      acknowledged.push((res.body as { id: string }).id);
    }
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).to.equal('SIGKILL');
    // Mid-work: the workers had not finished every acknowledged raise (notices still to send).
    const noticesAtKill = outboxCounts(dataDir, acknowledged);
    expect(
      acknowledged.some((id) => (noticesAtKill.get(id) ?? 0) < 2),
      `notices at the kill: ${JSON.stringify([...noticesAtKill])}`,
    ).to.equal(true);

    server = await startMain(environment(dataDir));
    const second = server;
    const settled: Escalation[] = [];
    for (const id of acknowledged) settled.push(await untilSettled(second, token, id));

    const list = await api(second, token, 'GET', '/escalations?pageSize=100');
    const listed = list.body as { items: { id: string }[]; total: number };
    expect(listed.total, 'escalations listed').to.equal(RAISES);
    expect(listed.items.map((e) => e.id).sort()).to.deep.equal([...acknowledged].sort());

    let entries = 0;
    for (const e of settled) {
      const instances = await engineRest<unknown[]>(second, `/process-instance?businessKey=${e.id}`);
      expect(instances, `${e.id}: process instances`).to.have.length(1);
      const started = await engineRest<unknown[]>(
        second,
        `/history/process-instance?processInstanceBusinessKey=${e.id}`,
      );
      expect(started, `${e.id}: process instances ever started`).to.have.length(1);

      expect(e.stages.map((s) => s.elementId)).to.deep.equal(['Stage1_RecordOutcome']);
      // The raise's one record entry (Raise_Record), once, its chain intact.
      expect(
        e.records.map((r) => `${r.kind} ${r.elementId}`),
        `${e.id}: record`,
      ).to.deep.equal(['escalation-raised Raise_Record']);
      expect(e.records.every((r) => r.chain.intact)).to.equal(true);
      entries += e.records.length;

      // Stage 1's notice, once to each side: the raiser personally and the other agency's group.
      expect(e.messages.map((m) => `${m.template} ${m.role} ${m.recipient}`).sort(), `${e.id}`).to.deep.equal(
        [
          'stage-started other-agency-professional lscb-stage1-workers.childrens-services@liverpool.example.org',
          'stage-started raising-professional sam@stmarys.example.org',
        ],
      );
    }
    const verify = await api(second, token, 'GET', '/records/verify');
    expect(verify.body).to.include({ valid: true, entriesYouCanSee: entries });
    expect(verify.body).to.have.property('firstBroken', null);

    second.child.kill('SIGTERM');
    expect((await second.exited).code, 'stops cleanly').to.equal(0);
  });
});

/** Messages in the outbox per escalation, read from the stopped product's database. */
function outboxCounts(dataDir: string, ids: string[]): Map<string, number> {
  const db = new Database(join(dataDir, 'escalations.sqlite'), { readonly: true });
  try {
    const count = db.prepare('SELECT count(*) AS n FROM outbox WHERE escalation_id = ?');
    return new Map(ids.map((id) => [id, (count.get(id) as { n: number }).n]));
  } finally {
    db.close();
  }
}

const api = (s: Started, token: string, method: string, path: string, body?: unknown) =>
  apiRequest(originOf(s), token, method, path, body);

async function engineRest<T>(s: Started, path: string): Promise<T> {
  const res = await fetch(`${originOf(s)}/engine-rest${path}`);
  expect(res.status, path).to.equal(200);
  return (await res.json()) as T;
}

/**
 * The escalation once the workers are done with what its raise started: its first stage reached,
 * no external task left for its process instance, and a notice in its messages. Waits as long as
 * the redelivery of a task locked at the kill takes (its lock, then the work), at most two minutes.
 */
async function untilSettled(s: Started, token: string, id: string): Promise<Escalation> {
  const until = Date.now() + 120_000;
  for (;;) {
    const res = await api(s, token, 'GET', `/escalations/${id}`);
    expect(res.status, `${id} after the restart`).to.equal(200);
    const e = res.body as Escalation;
    const [instance] = await engineRest<{ id: string }[]>(s, `/process-instance?businessKey=${id}`);
    const pending = instance
      ? await engineRest<unknown[]>(s, `/external-task?processInstanceId=${instance.id}`)
      : [];
    if (e.stages.length > 0 && pending.length === 0 && e.messages.length > 0) return e;
    if (Date.now() > until)
      throw new Error(`${id} not settled after the restart: ${JSON.stringify(e)}\n${s.stderr()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
