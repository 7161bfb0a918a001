import { expect } from 'chai';
import type { TypedValue } from '../../src/engine/variables.js';
import { openHarness, type Harness } from './harness.js';

describe('Engine: races and bad input', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn', 'gateways.bpmn');
  });
  afterEach(() => h.close());

  it("Given one locked task, when its worker completes it twice at once, then exactly one wins and the other gets Camunda's 404", async () => {
    for (let round = 0; round < 20; round++) {
      const { id } = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
      const [task] = await h.fetch('escalation-notify');
      const results = await Promise.allSettled([
        h.engine.completeExternalTask(task!.id, { workerId: 'w' }),
        h.engine.completeExternalTask(task!.id, { workerId: 'w' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(lost!.reason).to.include({ httpStatus: 404 });
      expect((lost!.reason as Error).message).to.equal(`External task with id ${task!.id} does not exist`);
      const ends = await h.engine.listHistoricActivityInstances({
        processInstanceId: id,
        activityId: 'done',
      });
      expect(ends).to.have.length(1);
    }
  });

  it('Given an unclaimed user task, when two people claim it at once, then one gets it and the other TaskAlreadyClaimed', async () => {
    await h.deploy('loop.bpmn');
    await h.engine.startProcessInstance({
      definitionKey: 'level-loop',
      variables: { atTop: { type: 'Boolean', value: true } },
    });
    const [task] = await h.engine.listUserTasks();
    const results = await Promise.allSettled([
      h.engine.claimUserTask(task!.id, 'ann'),
      h.engine.claimUserTask(task!.id, 'bob'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost!.reason).to.include({ camundaType: 'TaskAlreadyClaimedException' });
    expect(['ann', 'bob']).to.include((await h.engine.getUserTask(task!.id)).assignee);
  });

  it('Given a variable whose value does not fit its type, when an instance starts, then a 400 names the variable and nothing is stored', async () => {
    const bad = { type: 'Integer', value: 'abc' } as unknown as TypedValue;
    const error = await h.engine
      .startProcessInstance({ definitionKey: 'one-task', variables: { count: bad } })
      .catch((e: unknown) => e);
    expect(error).to.include({
      httpStatus: 400,
      camundaType: 'InvalidRequestException',
      field: 'variables.count',
    });
    expect(await h.engine.countHistoricProcessInstances()).to.equal(0);
  });

  it('Given an unknown type name, when a task completes with it, then a 400 and the task stays', async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify');
    const bad = { type: 'Money', value: 3 } as unknown as TypedValue;
    const error = await h.engine
      .completeExternalTask(task!.id, { workerId: 'w', variables: { x: bad } })
      .catch((e: unknown) => e);
    expect(error).to.include({ httpStatus: 400 });
    expect(await h.engine.countExternalTasks()).to.equal(1);
  });

  it('Given unknown ids, when anything is asked of them, then each answer is a 404, never a crash', async () => {
    const calls: Promise<unknown>[] = [
      h.engine.getProcessInstance('nope'),
      h.engine.getExternalTask('nope'),
      h.engine.completeExternalTask('nope', { workerId: 'w' }),
      h.engine.getUserTask('nope'),
      h.engine.getJob('nope'),
      h.engine.executeJob('nope'),
      h.engine.getDeployment('nope'),
      h.engine.getProcessDefinition('nope'),
      h.engine.startProcessInstance({ definitionKey: 'nope' }),
      h.engine.getProcessVariable('nope', 'x'),
      h.engine.deleteProcessInstance('nope'),
    ];
    for (const result of await Promise.allSettled(calls)) {
      expect(result.status).to.equal('rejected');
      expect((result as PromiseRejectedResult).reason).to.include({ httpStatus: 404 });
    }
  });

  it("Given negative retries, when set, then Camunda's 400 and nothing changes", async () => {
    await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const [task] = await h.fetch('escalation-notify');
    const error = await h.engine.setExternalTaskRetries(task!.id, -1).catch((e: unknown) => e);
    expect(error).to.include({ httpStatus: 400, camundaType: 'BadUserRequestException' });
    expect((error as Error).message).to.equal(
      'The number of retries cannot be negative: retries is not greater than or equal to 0',
    );
  });
});
