import { expect } from 'chai';
import { silentLogger } from '../../src/log/logger.js';
import { PermanentError } from './errors/permanent-error.js';
import { TransientError } from './errors/transient-error.js';
import type { Handler, PollingClient, TaskService } from './official-client.js';
import { nextRetry, DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { startWorkers } from './runner.js';
import type { RawTask } from './task.js';
import { complete, type TopicWorker } from './topic-worker.js';

/** A stand-in for the official client's polling loop: the test hands tasks to the subscribed handler. */
class ScriptedClient implements PollingClient {
  handlers = new Map<string, Handler>();
  stopped = false;
  subscribe(topic: string, _o: object, handler: Handler): void {
    this.handlers.set(topic, handler);
  }
  on(): void {}
  start(): void {}
  stop(): void {
    this.stopped = true;
  }
}

class RecordingService implements TaskService {
  calls: [string, ...unknown[]][] = [];
  async complete(task: RawTask, variables?: unknown) {
    this.calls.push(['complete', task.id, variables]);
  }
  async handleFailure(task: RawTask, options: object) {
    this.calls.push(['handleFailure', task.id, options]);
  }
  async handleBpmnError(task: RawTask, code: string) {
    this.calls.push(['handleBpmnError', task.id, code]);
  }
  async unlock(task: RawTask) {
    this.calls.push(['unlock', task.id]);
  }
}

const task = (id: string, retries: number | null = null): RawTask => ({
  id,
  topicName: 'escalation-notify',
  activityId: 'Stage1_NotifyParties',
  processInstanceId: 'pi',
  retries,
  variables: { getTyped: () => null, getAllTyped: () => ({}) },
});

function run(handle: TopicWorker['handle']) {
  const client = new ScriptedClient();
  const service = new RecordingService();
  const running = startWorkers({
    baseUrl: 'http://unused',
    auth: null,
    workerId: 'w',
    maxTasks: 1,
    lockDuration: 1000,
    asyncResponseTimeout: 0,
    workers: [{ topic: 'escalation-notify', handle }],
    logger: silentLogger,
    client,
  });
  const deliver = (t: RawTask) =>
    client.handlers.get('escalation-notify')!({ task: t, taskService: service });
  return { client, service, running, deliver };
}

describe('Worker runtime: every task ends explicitly (issue 13)', () => {
  it('Given retries counting down, When a transient fault repeats, Then retries go 4..0 and the wait doubles from 5 s to at most 60 s', () => {
    const seen: [number, number][] = [];
    let retries: number | null = null;
    for (let i = 0; i < 5; i++) {
      const next = nextRetry(retries, DEFAULT_RETRY_POLICY);
      seen.push([next.retries, next.retryTimeout]);
      retries = next.retries;
    }
    expect(seen).to.deep.equal([
      [4, 5_000],
      [3, 10_000],
      [2, 20_000],
      [1, 40_000],
      [0, 0],
    ]);
    expect(
      nextRetry(null, { retries: 10, firstTimeoutMs: 5_000, maxTimeoutMs: 60_000 }).retryTimeout,
    ).to.equal(5_000);
    expect(nextRetry(3, { retries: 10, firstTimeoutMs: 5_000, maxTimeoutMs: 60_000 }).retryTimeout).to.equal(
      60_000,
    );
  });

  it('Given a handler that completes, When a task arrives, Then it is completed with the typed variables', async () => {
    const { service, deliver } = run(async () =>
      complete({ stage1Due: { type: 'Date', value: new Date(0) } }),
    );
    await deliver(task('t1'));
    expect(service.calls.map((c) => c[0])).to.deep.equal(['complete']);
    const variables = service.calls[0]![2] as { getDirtyVariables(): object };
    expect(variables.getDirtyVariables()).to.deep.equal({
      // The client serialises for the wire: Camunda's date format, lower-case type.
      stage1Due: { type: 'date', value: '1970-01-01T00:00:00.000+0000', valueInfo: {} },
    });
  });

  it('Given a transient fault on the third delivery, When reported, Then the failure carries the next retries, the timeout and the code', async () => {
    const { service, deliver } = run(async () => {
      throw new TransientError('SMTP ECONNREFUSED: connect', 'SMTP_UNAVAILABLE');
    });
    await deliver(task('t2', 3));
    expect(service.calls).to.deep.equal([
      [
        'handleFailure',
        't2',
        {
          errorMessage: 'TransientError: SMTP ECONNREFUSED: connect',
          errorDetails: 'SMTP_UNAVAILABLE: TransientError: SMTP ECONNREFUSED: connect',
          retries: 2,
          retryTimeout: 20_000,
        },
      ],
    ]);
  });

  it('Given a permanent fault, When reported, Then retries are 0 at once, which opens an incident', async () => {
    const { service, deliver } = run(async () => {
      throw new PermanentError('unknown message template "nope"', 'UNKNOWN_TEMPLATE');
    });
    await deliver(task('t3'));
    expect(service.calls[0]![2]).to.deep.include({ retries: 0, retryTimeout: 0 });
    expect((service.calls[0]![2] as { errorDetails: string }).errorDetails).to.match(/^UNKNOWN_TEMPLATE: /);
  });

  it('Given a bug in a handler, When it throws a TypeError, Then the task fails with retries (never swallowed)', async () => {
    const { service, deliver } = run(async () => {
      throw new TypeError('boom');
    });
    await deliver(task('t4'));
    expect(service.calls[0]![0]).to.equal('handleFailure');
    expect(service.calls[0]![2]).to.deep.include({ retries: 4, errorMessage: 'TypeError: boom' });
  });

  it('Given a task in flight, When stop() is called, Then it waits for it, and a task arriving after is unlocked', async () => {
    let release!: () => void;
    const { service, running, deliver, client } = run(
      () => new Promise((resolve) => (release = () => resolve(complete()))),
    );
    const first = deliver(task('t5'));
    const stopped = running.stop();
    expect(client.stopped).to.equal(true);
    expect(running.inFlight()).to.equal(1);
    await deliver(task('late'));
    release();
    await Promise.all([first, stopped]);
    expect(service.calls.map((c) => [c[0], c[1]])).to.deep.equal([
      ['unlock', 'late'],
      ['complete', 't5'],
    ]);
  });
});
