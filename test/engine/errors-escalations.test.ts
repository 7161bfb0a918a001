import { expect } from 'chai';
import { openHarness, path, type Harness } from './harness.js';

const text = (value: string) => ({ type: 'String' as const, value });

describe('Engine: BPMN errors, escalations and event sub-processes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('errors.bpmn', 'event-subprocesses.bpmn', 'terminate.bpmn');
  });
  afterEach(() => h.close());

  async function toMeeting(): Promise<string> {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'errors' });
    const [notify] = await h.fetch('escalation-notify');
    await h.engine.completeExternalTask(notify!.id, { workerId: 'w' });
    return id;
  }

  it('Given a worker reports a BPMN error with a boundary for its code, when reported, then the task is cancelled and the boundary path taken', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'errors' });
    const [task] = await h.fetch('escalation-notify');
    await h.engine.handleExternalTaskBpmnError(task!.id, {
      workerId: 'w',
      errorCode: 'NO_CONTACT',
      variables: { reason: text('mailbox full') },
    });
    expect(await path(h.engine, id)).to.deep.equal(['start', 'notify', 'no-contact', 'find-contact']);
    expect(await h.engine.getProcessVariable(id, 'reason')).to.deep.equal(text('mailbox full'));
  });

  it('Given a BPMN error code nobody catches, when reported, then the token ends as at a none end event (Camunda 7)', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'errors' });
    const [task] = await h.fetch('escalation-notify');
    await h.engine.handleExternalTaskBpmnError(task!.id, { workerId: 'w', errorCode: 'SOMETHING_ELSE' });
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(historic!.state).to.equal('COMPLETED');
  });

  it('Given an error end event inside a sub-process, when reached, then the error boundary on the sub-process catches it', async () => {
    const id = await toMeeting();
    const [meet] = await h.engine.listUserTasks({ processInstanceId: id });
    await h.engine.completeUserTask(meet!.id, { variables: { outcome: text('failed') } });
    expect(await path(h.engine, id)).to.deep.equal([
      'start',
      'notify',
      'stage',
      'stage-start',
      'meet',
      'how',
      'failed',
      'stage-failed',
      'ended-unresolved',
    ]);
    const [stage] = await h.engine.listHistoricActivityInstances({
      processInstanceId: id,
      activityId: 'stage',
    });
    expect(stage!.canceled).to.equal(true);
  });

  it('Given an escalation thrown inside a sub-process, when a non-interrupting boundary catches it, then both the sub-process and the senior review go on', async () => {
    const id = await toMeeting();
    const [meet] = await h.engine.listUserTasks({ processInstanceId: id });
    await h.engine.completeUserTask(meet!.id, { variables: { outcome: text('escalate') } });
    const [review] = await h.fetch('escalation-record');
    expect(review!.activityId).to.equal('senior-review');
    await h.engine.completeExternalTask(review!.id, { workerId: 'w' });
    expect(await path(h.engine, id)).to.include.members([
      'seniors-told',
      'tell-seniors',
      'stage-end',
      'ended-resolved',
    ]);
    expect(await h.engine.countProcessInstances()).to.equal(0);
  });

  it('Given an error end event at process level, when reached, then the interrupting error event sub-process runs instead', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'event-subprocesses' });
    const [work] = await h.fetch('work');
    await h.engine.completeExternalTask(work!.id, { workerId: 'w', variables: { next: text('stuck') } });
    const [mediate] = await h.fetch('mediate');
    expect(mediate!.processInstanceId).to.equal(id);
    expect(await h.engine.countJobs({ processInstanceId: id })).to.equal(0);
    await h.engine.completeExternalTask(mediate!.id, { workerId: 'w' });
    expect(await path(h.engine, id)).to.deep.equal([
      'start',
      'work',
      'route',
      'stuck',
      'on-stuck',
      'stuck-caught',
      'mediate',
      'mediated',
    ]);
  });

  it('Given an escalation at process level, when the non-interrupting escalation event sub-process catches it, then the main path continues too', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'event-subprocesses' });
    const [work] = await h.fetch('work');
    await h.engine.completeExternalTask(work!.id, { workerId: 'w', variables: { next: text('chair') } });
    expect((await h.fetch('after')).map((t) => t.processInstanceId)).to.deep.equal([id]);
    expect((await h.fetch('escalation-notify')).map((t) => t.activityId)).to.deep.equal(['chair-notice']);
  });

  it('Given an interrupting message event sub-process, when its message arrives, then everything else in the instance is cancelled', async () => {
    const { id } = await h.engine.startProcessInstance({
      definitionKey: 'event-subprocesses',
      businessKey: 'e-1',
    });
    await h.engine.correlateMessage({ messageName: 'close-now', businessKey: 'e-1' });
    expect(await h.engine.countExternalTasks()).to.equal(0);
    expect(await h.engine.countJobs()).to.equal(0);
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(historic!.state).to.equal('COMPLETED');
  });

  it('Given a non-interrupting timer event sub-process, when ten days pass, then the overdue notice starts and the work still waits', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'event-subprocesses' });
    await h.clock.advance(10 * 24 * 60 * 60 * 1000);
    await h.engine.idle();
    expect((await h.fetch('escalation-notify')).map((t) => t.activityId)).to.deep.equal(['overdue-notice']);
    expect(await h.engine.countExternalTasks({ processInstanceId: id, activityId: 'work' })).to.equal(1);
  });

  it('Given two parallel branches, when one reaches a terminate end event, then the other is cancelled and the instance completes', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'terminate' });
    const [decide] = await h.fetch('decide');
    await h.engine.completeExternalTask(decide!.id, { workerId: 'w' });
    expect(await h.engine.countUserTasks()).to.equal(0);
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(historic!.state).to.equal('COMPLETED');
    const [slow] = await h.engine.listHistoricTasks({ processInstanceId: id });
    expect(slow!.deleteReason).to.equal('deleted');
  });
});
