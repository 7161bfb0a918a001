import { expect } from 'chai';
import { openHarness, path, type Harness } from './harness.js';

describe('Engine: an external task from start to completion', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn');
  });
  afterEach(() => h.close());

  it('Given a deployed diagram, when an instance starts, then its external task is fetchable and locked for the worker', async () => {
    const started = await h.engine.startProcessInstance({
      definitionKey: 'one-task',
      businessKey: 'case-1',
      variables: { caseRef: { type: 'String', value: 'C-1' } },
    });
    const [task, ...rest] = await h.fetch('escalation-notify');
    expect(rest).to.have.length(0);
    expect(task).to.include({
      processInstanceId: started.id,
      activityId: 'notify',
      workerId: 'w',
      businessKey: 'case-1',
    });
    expect(task!.lockExpirationTime!.toISOString()).to.equal('2026-11-23T09:01:00.000Z');
    expect(task!.variables).to.deep.equal({ caseRef: { type: 'String', value: 'C-1' } });
    expect(await h.fetch('escalation-notify')).to.have.length(0);
  });

  it('Given a locked task, when its worker completes it with variables, then the instance ends and history records the path and the variables', async () => {
    const started = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify');
    await h.engine.completeExternalTask(task!.id, {
      workerId: 'w',
      variables: { sent: { type: 'Boolean', value: true } },
    });
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: started.id });
    expect(historic).to.include({ state: 'COMPLETED', startActivityId: 'raised' });
    expect(historic!.removalTime!.toISOString()).to.equal('2026-12-23T09:00:00.000Z');
    expect(await path(h.engine, started.id)).to.deep.equal(['raised', 'notify', 'done']);
    const variables = await h.engine.listHistoricVariableInstances({ processInstanceId: started.id });
    expect(variables.map((v) => [v.name, v.value, v.state])).to.deep.equal([['sent', true, 'CREATED']]);
    expect(await h.engine.countProcessInstances()).to.equal(0);
  });

  it("Given a task locked by one worker, when another worker completes it, then Camunda's 400 names both workers and the task stays", async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify', 'owner');
    const error = await h.engine
      .completeExternalTask(task!.id, { workerId: 'intruder' })
      .catch((e: unknown) => e);
    expect(error).to.include({ httpStatus: 400, camundaType: 'BadUserRequestException' });
    expect((error as Error).message).to.equal(
      `External Task ${task!.id} cannot be completed by worker 'intruder'. It is locked by worker 'owner'.`,
    );
    expect(await h.engine.getExternalTask(task!.id)).to.include({ workerId: 'owner' });
  });

  it('Given the engine restarts while a task waits, when the worker completes it, then the instance carries on', async () => {
    const started = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    await h.restart();
    const [task] = await h.fetch('escalation-notify');
    await h.engine.completeExternalTask(task!.id, { workerId: 'w' });
    expect(await path(h.engine, started.id)).to.deep.equal(['raised', 'notify', 'done']);
  });
});
