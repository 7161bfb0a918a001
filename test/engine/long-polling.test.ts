import { expect } from 'chai';
import type { FetchAndLockInput } from '../../src/engine/port.js';
import { openHarness, type Harness } from './harness.js';

const poll = (workerId: string, timeout = 60_000): FetchAndLockInput => ({
  workerId,
  maxTasks: 1,
  asyncResponseTimeout: timeout,
  topics: [{ topicName: 'escalation-notify', lockDuration: 30_000 }],
});

describe('Engine: lock expiry and long polling', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn');
  });
  afterEach(() => h.close());

  it('Given a locked task, when its lock expires on the clock, then another worker can fetch it', async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [first] = await h.fetch('escalation-notify', 'a');
    await h.clock.advance(59_999);
    expect(await h.fetch('escalation-notify', 'b')).to.have.length(0);
    await h.clock.advance(1);
    const [again] = await h.fetch('escalation-notify', 'b');
    expect(again).to.include({ id: first!.id, workerId: 'b' });
    const late = await h.engine.completeExternalTask(first!.id, { workerId: 'a' }).catch((e: unknown) => e);
    expect(late).to.include({ httpStatus: 400 });
  });

  it('Given a waiting long poll, when a task is created, then the poll is answered at once with it', async () => {
    const waiting = h.engine.fetchAndLock(poll('a'));
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await waiting;
    expect(task).to.include({ processInstanceId: id, workerId: 'a' });
  });

  it('Given many waiting polls, when three tasks are created, then three polls get one task each and none twice', async () => {
    const polls = ['a', 'b', 'c', 'd', 'e'].map((worker) => h.engine.fetchAndLock(poll(worker)));
    for (let i = 0; i < 3; i++) await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    await h.engine.close();
    const answers = await Promise.all(polls);
    const delivered = answers.flat().map((t) => t.id);
    expect(delivered).to.have.length(3);
    expect(new Set(delivered).size).to.equal(3);
    expect(answers.filter((a) => a.length === 0)).to.have.length(2);
    h.engine = await h.restart();
  });

  it('Given a waiting poll, when a locked task is unlocked or its lock expires, then the poll is woken', async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify', 'a');
    const viaUnlock = h.engine.fetchAndLock(poll('b'));
    await h.engine.unlockExternalTask(task!.id);
    expect((await viaUnlock).map((t) => t.workerId)).to.deep.equal(['b']);
    const viaExpiry = h.engine.fetchAndLock(poll('c'));
    await h.clock.advance(30_000);
    expect((await viaExpiry).map((t) => t.workerId)).to.deep.equal(['c']);
  });

  it('Given a failure with a retry timeout, when the timeout passes, then a waiting poll gets the task with its retries and error', async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify', 'a');
    await h.engine.handleExternalTaskFailure(task!.id, {
      workerId: 'a',
      errorMessage: 'SMTP down',
      errorDetails: 'connect ECONNREFUSED',
      retries: 2,
      retryTimeout: 5_000,
    });
    const waiting = h.engine.fetchAndLock(poll('b'));
    await h.clock.advance(5_000);
    const [again] = await waiting;
    expect(again).to.include({ retries: 2, errorMessage: 'SMTP down', errorDetails: 'connect ECONNREFUSED' });
  });

  it('Given retries counting down to 0, when the last failure is reported, then a failedExternalTask incident opens; setting retries resolves it', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify', 'a');
    await h.engine.handleExternalTaskFailure(task!.id, {
      workerId: 'a',
      errorMessage: 'gave up',
      retries: 0,
    });
    expect(await h.fetch('escalation-notify', 'b')).to.have.length(0);
    const [incident] = await h.engine.listIncidents({ processInstanceId: id });
    expect(incident).to.include({
      incidentType: 'failedExternalTask',
      configuration: task!.id,
      incidentMessage: 'gave up',
      activityId: 'notify',
    });
    await h.engine.setExternalTaskRetries(task!.id, 1);
    expect(await h.engine.countIncidents()).to.equal(0);
    expect(await h.fetch('escalation-notify', 'b')).to.have.length(1);
  });

  it('Given a waiting poll, when it is aborted or the engine closes, then it is answered with an empty list', async () => {
    const controller = new AbortController();
    const aborted = h.engine.fetchAndLock(poll('a'), { signal: controller.signal });
    controller.abort();
    expect(await aborted).to.deep.equal([]);
    const closing = h.engine.fetchAndLock(poll('b'));
    await h.engine.close();
    expect(await closing).to.deep.equal([]);
    h.engine = await h.restart();
  });

  it('Given locks, when a worker extends its lock, then it holds longer; another worker cannot extend it; an expired lock cannot be extended', async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify', 'a');
    await h.engine.extendExternalTaskLock(task!.id, { workerId: 'a', newDuration: 120_000 });
    expect((await h.engine.getExternalTask(task!.id)).lockExpirationTime!.toISOString()).to.equal(
      '2026-11-23T09:02:00.000Z',
    );
    const other = await h.engine
      .extendExternalTaskLock(task!.id, { workerId: 'b', newDuration: 1 })
      .catch((e: unknown) => e);
    expect((other as Error).message).to.equal(
      `The lock of the External Task ${task!.id} cannot be extended by worker 'b''. It is locked by worker 'a'.`,
    );
    await h.clock.advance(120_001);
    const expired = await h.engine
      .extendExternalTaskLock(task!.id, { workerId: 'a', newDuration: 1 })
      .catch((e: unknown) => e);
    expect((expired as Error).message).to.equal('Cannot extend a lock that expired');
  });
});
