/**
 * A worker killed between its effects and its `complete` (issue 13, "Idempotent on redelivery"):
 * the real workers run as child processes (`workers/main.ts`) against our engine through a proxy
 * that holds the chosen `complete`; the test SIGKILLs the worker, lets the lock expire on the
 * engine's clock, and starts another worker on the same DATA_DIR. The task comes back with the same
 * id, and there is still exactly one record entry, one email per recipient and one document.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../../src/main.test-harness.js';
import { HoldingProxy } from '../support/holding-proxy.js';
import { Stack, type Raised } from './stack.js';

const LOCK_MS = 10_000;

describe('Workers: a task redelivered after a worker was killed is done once (issue 13)', () => {
  let stack: Stack;
  let proxy: HoldingProxy;
  let worker: ChildProcess | null = null;
  let started = 0;

  before(async () => {
    stack = await Stack.start({ workers: false, lockDuration: LOCK_MS });
    proxy = await new HoldingProxy(new URL(stack.restUrl)).start();
  });
  after(async () => {
    worker?.kill('SIGKILL');
    await proxy?.stop();
    await stack?.stop();
  });

  /** Holds the first `complete` of the external task at `activityId`. */
  function holdCompleteOf(activityId: string): void {
    let done = false;
    proxy.holdWhen(async (method, path) => {
      const id = /\/external-task\/([^/]+)\/complete$/.exec(path)?.[1];
      if (done || method !== 'POST' || !id) return false;
      done = (await stack.engine.getExternalTask(decodeURIComponent(id))).activityId === activityId;
      return done;
    });
  }

  /** A real worker process on the stack's DATA_DIR, polling through the proxy. */
  function startWorker(): void {
    started += 1;
    const c = stack.config;
    worker = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', process.env.DEBUG_WORKERS ? 'inherit' : 'ignore'],
      env: {
        ...process.env,
        ENGINE_URL: proxy.url,
        DATA_DIR: c.dataDir,
        SMTP_URL: c.smtpUrl!,
        MAIL_FROM: c.mailFrom,
        DIRECTORY_FILE: c.directoryFile!,
        PUBLIC_URL: c.publicUrl!,
        WORKER_ID: `worker-${started}`,
        WORKER_LOCK_DURATION: String(LOCK_MS),
        WORKER_ASYNC_RESPONSE_TIMEOUT: '1000',
      },
    });
  }

  /** Waits for the held complete, kills the worker, and lets the task's lock run out. */
  async function crashAtHold(): Promise<void> {
    await proxy.nextHold();
    const dead = new Promise((resolve) => worker!.once('exit', resolve));
    worker!.kill('SIGKILL');
    await dead;
    await stack.advance(LOCK_MS + 1_000);
  }

  const kinds = (r: Raised) => stack.app.stores.record.forEscalation(r.escalationId).map((e) => e.kind);
  const stageStarted = () => stack.smtp!.received.filter((m) => m.subject.includes('Stage 1 has started'));

  it('Given workers killed after recording the raise, after mailing Stage 1 and after making Appendix 1, When each task comes back, Then one entry, one mail per recipient and one document', async () => {
    holdCompleteOf('Raise_Record');
    startWorker();
    const r = await stack.raise('liverpool');
    await crashAtHold();
    expect(kinds(r)).to.deep.equal(['escalation-raised']);

    holdCompleteOf('Stage1_NotifyParties');
    startWorker();
    await crashAtHold();
    const recipients = stageStarted().map((m) => m.to.join());
    expect(recipients).to.have.length(2);

    holdCompleteOf('Stage1_SummaryLog');
    startWorker();
    await waitForUserTask(r, 'Stage1_RecordOutcome');
    const [task] = await stack.engine.listUserTasks({ processInstanceId: r.processInstanceId });
    await stack.engine.completeUserTask(task!.id, {
      variables: {
        outcome: { type: 'String', value: 'resolved' },
        agreedOutcome: { type: 'String', value: 'Agreed' },
      },
    });
    await crashAtHold();
    expect(stack.app.stores.documents.forEscalation(r.escalationId).map((d) => d.form)).to.deep.equal([
      'liverpool-appendix-1-summary-log',
    ]);

    proxy.holdWhen(() => false);
    startWorker();
    await waitForEnd(r);
    expect(kinds(r).filter((k) => k === 'escalation-raised')).to.have.length(1);
    expect(
      stageStarted()
        .map((m) => m.to.join())
        .sort(),
    ).to.deep.equal([...recipients].sort());
    expect(stack.app.stores.documents.forEscalation(r.escalationId)).to.have.length(1);
    expect(stack.app.stores.record.verify().ok).to.equal(true);
    const outbox = stack.app.stores.outbox.forEscalation(r.escalationId);
    expect(new Set(outbox.map((m) => m.effectKey)).size).to.equal(outbox.length);
    expect(outbox.every((m) => m.status === 'sent')).to.equal(true);
    // Each held task really came back: the same task id was completed later by another worker.
    expect(proxy.held).to.have.length(3);
    for (const path of proxy.held) expect(proxy.forwarded).to.include(`POST ${path}`);
  });

  async function waitForUserTask(r: Raised, key: string): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const tasks = await stack.engine.listUserTasks({
        processInstanceId: r.processInstanceId,
        taskDefinitionKey: key,
      });
      const external = await stack.engine.countExternalTasks({ processInstanceId: r.processInstanceId });
      if (tasks.length === 1 && external === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${key} within 30 s`);
  }

  async function waitForEnd(r: Raised): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const [h] = await stack.engine.listHistoricProcessInstances({ processInstanceId: r.processInstanceId });
      if (h?.state === 'COMPLETED') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the escalation did not end within 30 s');
  }
});
