import { expect } from 'chai';
import { fixture, openHarness, path, type Harness } from './harness.js';

describe('Engine: pools, lanes, annotations, groups and data objects carry no behaviour; the other events run', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.engine.deploy({
      name: 'collaboration',
      resources: ['collaboration.bpmn', 'stage-outcome.form'].map((name) => ({
        name,
        content: fixture(name),
      })),
    });
  });
  afterEach(() => h.close());

  async function review(outcome: string): Promise<string> {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'collaboration' });
    const [task] = await h.engine.listUserTasks({ processInstanceId: id });
    expect(task).to.include({ formKey: 'camunda-forms:deployment:stage-outcome.form', camundaFormRef: null });
    expect(task!.candidateGroups).to.deep.equal(['managers']);
    // An offset-less camunda:dueDate is wall-clock time in the engine's zone (GMT in November).
    expect(task!.due!.toISOString()).to.equal('2026-11-30T17:00:00.000Z');
    expect((await h.engine.getDeployedForm(task!.id)).name).to.equal('stage-outcome.form');
    await h.engine.completeUserTask(task!.id, { variables: { outcome: { type: 'String', value: outcome } } });
    return id;
  }

  it('Given a diagram in a pool with lanes, when it runs, then the none throw event passes and the path is as drawn', async () => {
    const id = await review('resolved');
    expect(await path(h.engine, id)).to.deep.equal(['raise', 'noted', 'review', 'how', 'tell-closed']);
    const [history] = await h.engine.listHistoricActivityInstances({
      processInstanceId: id,
      activityId: 'noted',
    });
    expect(history!.activityType).to.equal('intermediateNoneThrowEvent');
  });

  it('Given a message end event implemented as an external task, when reached, then a worker gets it and completing it ends the instance', async () => {
    const id = await review('resolved');
    const [notice] = await h.fetch('escalation-notify');
    expect(notice).to.include({ activityId: 'tell-closed', processInstanceId: id });
    await h.engine.completeExternalTask(notice!.id, { workerId: 'w' });
    const [end] = await h.engine.listHistoricActivityInstances({
      processInstanceId: id,
      activityId: 'tell-closed',
    });
    expect(end).to.include({ activityType: 'messageEndEvent', completeScope: true });
    expect(await h.engine.countProcessInstances()).to.equal(0);
  });

  it('Given an escalation end event, when reached, then the non-interrupting escalation event sub-process logs it and the instance ends after it', async () => {
    const id = await review('unresolved');
    const [log] = await h.fetch('escalation-record');
    expect(log!.activityId).to.equal('log');
    await h.engine.completeExternalTask(log!.id, { workerId: 'w' });
    expect(await path(h.engine, id)).to.deep.equal([
      'raise',
      'noted',
      'review',
      'how',
      'refer-up',
      'partnership-review',
      'escalated',
      'log',
      'logged',
    ]);
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(historic!.state).to.equal('COMPLETED');
  });
});
