import { expect } from 'chai';
import { BadUserRequestError, NotFoundError } from '../../src/engine/errors/index.js';
import { errorBoundaryDiagram, externalTaskDiagram, runSuffix } from './fixtures/diagrams.js';
import { deploy, fetchOne, fetchTasks, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('External tasks', (target) => {
  let d: ReturnType<typeof externalTaskDiagram>;
  let e: ReturnType<typeof errorBoundaryDiagram>;

  // A fresh diagram (so fresh topics) per test: nothing one test leaves behind reaches another.
  beforeEach(async () => {
    const s = runSuffix();
    d = externalTaskDiagram(s);
    e = errorBoundaryDiagram(s);
    await deploy(target().engine, `conf-external-${s}`, [
      { name: d.file, content: d.xml },
      { name: e.file, content: e.xml },
    ]);
  });

  it('Given a waiting task, When fetched with extension properties, Then it carries them, its business key and lock', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: d.key, businessKey: 'ER-2026-001' });
    const task = await fetchOne(engine, d.topic, { includeExtensionProperties: true, lockDuration: 30_000 });
    expect(task).to.include({
      processInstanceId: p.id,
      activityId: 'Work',
      topicName: d.topic,
      businessKey: 'ER-2026-001',
      workerId: 'conformance-worker',
      processDefinitionKey: d.key,
    });
    expect(task.extensionProperties).to.deep.equal({ template: 'stage-started', stage: '2' });
    expect(task.lockExpirationTime).to.be.instanceOf(Date);
    expect((await engine.getExternalTask(task.id)).workerId).to.equal('conformance-worker');
    expect(await engine.countExternalTasks({ topicName: d.topic, locked: true })).to.be.at.least(1);
    await engine.completeExternalTask(task.id, { workerId: 'conformance-worker' });
  });

  it('Given an input parameter, When fetched with and without localVariables, Then local-only returns just the task’s input', async () => {
    const { engine } = target();
    await engine.startProcessInstance({
      definitionKey: d.key,
      variables: { childRef: { type: 'String', value: 'C-1' } },
    });
    const all = await fetchOne(engine, d.topic, { lockDuration: 1_000 });
    expect(Object.keys(all.variables).sort()).to.deep.equal(['childRef', 'recordKind']);
    await engine.unlockExternalTask(all.id);
    const local = await fetchOne(engine, d.topic, { localVariables: true });
    expect(local.id).to.equal(all.id);
    expect(local.variables).to.deep.equal({ recordKind: { type: 'String', value: 'case-record' } });
    await engine.completeExternalTask(local.id, { workerId: 'conformance-worker' });
  });

  it('Given a task locked by one worker, When another completes it, Then BadUserRequestError and the task stays', async () => {
    const { engine } = target();
    await engine.startProcessInstance({ definitionKey: d.key });
    const task = await fetchOne(engine, d.topic, { workerId: 'worker-a' });
    const err = await rejection(engine.completeExternalTask(task.id, { workerId: 'worker-b' }));
    expect(err).to.be.instanceOf(BadUserRequestError);
    expect((await engine.getExternalTask(task.id)).workerId).to.equal('worker-a');
    await engine.completeExternalTask(task.id, { workerId: 'worker-a' });
    expect(await rejection(engine.completeExternalTask(task.id, { workerId: 'worker-a' }))).to.be.instanceOf(
      NotFoundError,
    );
  });

  it('Given a BPMN error with variables, When raised, Then the error boundary takes over and the variables land on the instance', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: e.key });
    const task = await fetchOne(engine, e.topic);
    await engine.handleExternalTaskBpmnError(task.id, {
      workerId: 'conformance-worker',
      errorCode: 'REJECTED',
      errorMessage: 'Not agreed',
      variables: { reason: { type: 'String', value: 'threshold not met' } },
    });
    const [handle] = await engine.listUserTasks({ processInstanceId: p.id });
    expect(handle?.taskDefinitionKey).to.equal('HandleRejection');
    expect(await engine.getProcessVariable(p.id, 'reason')).to.deep.equal({
      type: 'String',
      value: 'threshold not met',
    });
  });

  it('Given failures, When retries count down to 0, Then an incident appears; setting retries resolves it', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: d.key });
    const task = await fetchOne(engine, d.topic);
    await engine.handleExternalTaskFailure(task.id, {
      workerId: 'conformance-worker',
      errorMessage: 'SMTP down',
      errorDetails: 'stack…',
      retries: 1,
      retryTimeout: 0,
    });
    expect((await engine.getExternalTask(task.id)).retries).to.equal(1);
    expect(await engine.getExternalTaskErrorDetails(task.id)).to.equal('stack…');
    const again = await fetchOne(engine, d.topic);
    expect(again).to.include({ id: task.id, errorMessage: 'SMTP down', retries: 1 });
    await engine.handleExternalTaskFailure(task.id, {
      workerId: 'conformance-worker',
      errorMessage: 'SMTP still down',
      retries: 0,
      retryTimeout: 0,
    });
    const [incident] = await engine.listIncidents({ processInstanceId: p.id });
    expect(incident).to.include({
      incidentType: 'failedExternalTask',
      activityId: 'Work',
      configuration: task.id,
      incidentMessage: 'SMTP still down',
    });
    expect(
      await fetchTasks(engine, d.topic, { wait: 0 }).then((l) => l.filter((t) => t.id === task.id)),
    ).to.deep.equal([]);
    await engine.setExternalTaskRetries(task.id, 2);
    expect(await engine.countIncidents({ processInstanceId: p.id })).to.equal(0);
    const [resolved] = await engine.listHistoricIncidents({ processInstanceId: p.id });
    expect(resolved).to.include({ resolved: true, open: false });
    await engine.completeExternalTask((await fetchOne(engine, d.topic)).id, {
      workerId: 'conformance-worker',
    });
  });

  it('Given a lock, When extended, unlocked and locked again, Then the lock follows', async () => {
    const { engine } = target();
    await engine.startProcessInstance({ definitionKey: d.key });
    const task = await fetchOne(engine, d.topic, { lockDuration: 10_000 });
    await engine.extendExternalTaskLock(task.id, { workerId: 'conformance-worker', newDuration: 600_000 });
    const extended = (await engine.getExternalTask(task.id)).lockExpirationTime!;
    expect(extended.getTime()).to.be.greaterThan(task.lockExpirationTime!.getTime());
    expect(
      await rejection(engine.extendExternalTaskLock(task.id, { workerId: 'intruder', newDuration: 1_000 })),
    ).to.be.instanceOf(BadUserRequestError);
    await engine.unlockExternalTask(task.id);
    expect((await engine.getExternalTask(task.id)).lockExpirationTime).to.equal(null);
    await engine.lockExternalTask(task.id, { workerId: 'other-worker', lockDuration: 60_000 });
    expect((await engine.getExternalTask(task.id)).workerId).to.equal('other-worker');
    await engine.completeExternalTask(task.id, { workerId: 'other-worker' });
  });

  it('Given a waiting long poll, When a task is created, Then the poll answers with it', async () => {
    const { engine } = target();
    const topic = d.topic;
    const poll = fetchTasks(engine, topic, { wait: 20_000 });
    const p = await engine.startProcessInstance({ definitionKey: d.key });
    const [task] = await poll;
    expect(task?.processInstanceId).to.equal(p.id);
    await engine.completeExternalTask(task!.id, { workerId: 'conformance-worker' });
  });

  it('Given a waiting long poll, When its caller aborts, Then it resolves with []', async () => {
    const { engine } = target();
    const abort = new AbortController();
    const poll = engine.fetchAndLock(
      {
        workerId: 'w',
        maxTasks: 1,
        asyncResponseTimeout: 60_000,
        topics: [{ topicName: `nothing-${runSuffix()}`, lockDuration: 1_000 }],
      },
      { signal: abort.signal },
    );
    abort.abort();
    expect(await poll).to.deep.equal([]);
  });

  it('Given unknown task ids, When commanded, Then NotFoundError', async () => {
    const { engine } = target();
    for (const call of [
      engine.getExternalTask('no-such-task'),
      engine.completeExternalTask('no-such-task', { workerId: 'w' }),
      engine.handleExternalTaskFailure('no-such-task', { workerId: 'w', retries: 0 }),
      engine.unlockExternalTask('no-such-task'),
      engine.setExternalTaskRetries('no-such-task', 1),
    ]) {
      expect(await rejection(call)).to.be.instanceOf(NotFoundError);
    }
  });
});
