import { expect } from 'chai';
import { openHarness, path, type Harness } from './harness.js';

describe('Engine: message correlation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('messages.bpmn');
  });
  afterEach(() => h.close());

  const raise = async (businessKey: string, caseRef: string) => {
    const [result] = await h.engine.correlateMessage({
      messageName: 'escalation-raised',
      businessKey,
      processVariables: { caseRef: { type: 'String', value: caseRef } },
      resultEnabled: true,
    });
    return result!.processInstance!.id;
  };

  it('Given a message start event, when the message is correlated with a business key, then a new instance starts with it and its variables', async () => {
    const [result] = await h.engine.correlateMessage({
      messageName: 'escalation-raised',
      businessKey: 'esc-1',
      processVariables: { caseRef: { type: 'String', value: 'C-1' } },
      resultEnabled: true,
    });
    expect(result).to.include({ resultType: 'ProcessDefinition', execution: null });
    expect(result!.processInstance).to.include({ businessKey: 'esc-1', ended: false });
    expect(await h.engine.getProcessVariables(result!.processInstance!.id)).to.deep.equal({
      caseRef: { type: 'String', value: 'C-1' },
    });
  });

  it('Given two waiting instances, when a message names one by business key, then only that one moves on', async () => {
    const one = await raise('esc-1', 'C-1');
    const two = await raise('esc-2', 'C-2');
    const [result] = await h.engine.correlateMessage({
      messageName: 'agency-replied',
      businessKey: 'esc-2',
      resultEnabled: true,
    });
    expect(result).to.include({ resultType: 'Execution' });
    expect(result!.execution!.processInstanceId).to.equal(two);
    expect((await h.fetch('review')).map((t) => t.processInstanceId)).to.deep.equal([two]);
    expect(await path(h.engine, one)).to.deep.equal(['raised', 'await-reply']);
  });

  it('Given two waiting instances, when a message names one by a correlation variable, then only that one moves on', async () => {
    await raise('esc-1', 'C-1');
    const two = await raise('esc-2', 'C-2');
    await h.engine.correlateMessage({
      messageName: 'agency-replied',
      correlationKeys: { caseRef: { type: 'String', value: 'C-2' } },
    });
    expect((await h.fetch('review')).map((t) => t.processInstanceId)).to.deep.equal([two]);
  });

  it('Given two waiting instances, when a message matches both without all, then it is refused and nothing moves', async () => {
    await raise('esc-1', 'C-1');
    await raise('esc-2', 'C-2');
    const error = await h.engine.correlateMessage({ messageName: 'agency-replied' }).catch((e: unknown) => e);
    expect(error).to.include({ camundaType: 'MismatchingMessageCorrelationException', httpStatus: 400 });
    expect((error as Error).message).to.match(
      /^ENGINE-13031 Cannot correlate a message with name 'agency-replied' to a single execution\. 2 executions match/,
    );
    expect(await h.engine.countExternalTasks()).to.equal(0);
    const results = await h.engine.correlateMessage({
      messageName: 'agency-replied',
      all: true,
      resultEnabled: true,
    });
    expect(results).to.have.length(2);
    expect(await h.engine.countExternalTasks()).to.equal(2);
  });

  it('Given one waiting instance, when the same message is correlated twice at once, then one moves it on and the other is a mismatch', async () => {
    const id = await raise('esc-1', 'C-1');
    const results = await Promise.allSettled([
      h.engine.correlateMessage({ messageName: 'agency-replied', processInstanceId: id }),
      h.engine.correlateMessage({ messageName: 'agency-replied', processInstanceId: id }),
    ]);
    expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost!.reason).to.include({ camundaType: 'MismatchingMessageCorrelationException' });
    expect(await h.engine.countExternalTasks({ processInstanceId: id, activityId: 'review' })).to.equal(1);
  });

  it("Given no instance waits, when a message arrives, then Camunda's mismatch error names it", async () => {
    const error = await h.engine
      .correlateMessage({ messageName: 'agency-replied', processInstanceId: 'nope' })
      .catch((e: unknown) => e);
    expect((error as Error).message).to.equal(
      "Cannot correlate message 'agency-replied': No process definition or execution matches the parameters",
    );
  });

  it('Given a task with a message boundary event, when the message arrives, then the task is cancelled and the other path taken', async () => {
    const id = await raise('esc-1', 'C-1');
    await h.engine.correlateMessage({ messageName: 'agency-replied', processInstanceId: id });
    await h.engine.correlateMessage({ messageName: 'withdrawn', processInstanceId: id });
    expect(await path(h.engine, id)).to.deep.equal([
      'raised',
      'await-reply',
      'review',
      'was-withdrawn',
      'closed-withdrawn',
    ]);
    expect(await h.engine.countExternalTasks()).to.equal(0);
  });

  it('Given the non-interrupting immediate-risk event sub-process, when the message arrives twice mid-stage, then two referrals start and the stage carries on', async () => {
    const id = await raise('esc-1', 'C-1');
    await h.engine.correlateMessage({ messageName: 'immediate-risk', businessKey: 'esc-1' });
    await h.engine.correlateMessage({ messageName: 'immediate-risk', businessKey: 'esc-1' });
    const referrals = await h.fetch('escalation-notify');
    expect(referrals.map((t) => t.activityId)).to.deep.equal(['refer', 'refer']);
    const tree = await h.engine.getActivityInstanceTree(id);
    expect(tree.childActivityInstances.map((a) => a.activityId).sort()).to.deep.equal([
      'await-reply',
      'immediate-risk',
      'immediate-risk',
    ]);
    for (const task of referrals) await h.engine.completeExternalTask(task.id, { workerId: 'w' });
    await h.engine.correlateMessage({ messageName: 'agency-replied', businessKey: 'esc-1' });
    const [review] = await h.fetch('review');
    await h.engine.completeExternalTask(review!.id, { workerId: 'w' });
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(historic!.state).to.equal('COMPLETED');
  });
});
