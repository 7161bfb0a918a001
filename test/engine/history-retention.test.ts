import { expect } from 'chai';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { openHarness, type Harness } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Engine: history and retention (camunda:historyTimeToLive)', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function finishOne(key: string): Promise<string> {
    const { id } = await h.engine.startProcessInstance({
      definitionKey: key,
      variables: { caseRef: { type: 'String', value: 'C-1' } },
    });
    const [task] = await h.fetch('escalation-notify');
    await h.engine.completeExternalTask(task!.id, {
      workerId: 'w',
      variables: { caseRef: { type: 'String', value: 'C-2' } },
    });
    return id;
  }

  it('Given a finished instance, when history is read, then instance, activities, variable updates and removal time are there', async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn');
    const id = await finishOne('one-task');
    const [instance] = await h.engine.listHistoricProcessInstances({ processInstanceId: id, finished: true });
    expect(instance).to.include({
      state: 'COMPLETED',
      processDefinitionKey: 'one-task',
      processDefinitionVersion: 1,
    });
    expect(instance!.removalTime!.getTime()).to.equal(instance!.endTime!.getTime() + 30 * DAY);
    const activities = await h.engine.listHistoricActivityInstances({ processInstanceId: id });
    expect(activities.map((a) => [a.activityId, a.activityType, a.completeScope])).to.deep.equal([
      ['raised', 'startEvent', false],
      ['notify', 'serviceTask', false],
      ['done', 'noneEndEvent', true],
    ]);
    const [variable] = await h.engine.listHistoricVariableInstances({
      processInstanceId: id,
      variableName: 'caseRef',
    });
    expect(variable).to.include({ value: 'C-2', type: 'String', state: 'CREATED', activityInstanceId: id });
  });

  it('Given instances past their time to live, when clean-up runs, then exactly their history is removed', async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn');
    const old = await finishOne('one-task');
    await h.clock.advance(20 * DAY);
    const recent = await finishOne('one-task');
    const running = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    await h.clock.advance(10 * DAY);
    expect(await h.engine.runHistoryCleanup()).to.deep.equal({ removedInstances: 1 });
    expect(await h.engine.countHistoricProcessInstances({ processInstanceId: old })).to.equal(0);
    expect(await h.engine.countHistoricActivityInstances({ processInstanceId: old })).to.equal(0);
    expect(await h.engine.countHistoricVariableInstances({ processInstanceId: old })).to.equal(0);
    expect(await h.engine.countHistoricProcessInstances({ processInstanceId: recent })).to.equal(1);
    expect(await h.engine.countHistoricProcessInstances({ processInstanceId: running.id })).to.equal(1);
  });

  it('Given a daily clean-up window, when the clock reaches it, then expired history is removed without being asked', async () => {
    h = await openHarness({
      clock: new FakeClock('2026-11-23T09:00:00.000Z'),
      historyCleanup: { windowStart: '01:00', windowEnd: '03:00' },
    });
    await h.deploy('one-task.bpmn');
    const id = await finishOne('one-task');
    await h.clock.advanceTo('2026-12-24T00:59:00.000Z');
    await h.engine.idle();
    expect(await h.engine.countHistoricProcessInstances({ processInstanceId: id })).to.equal(1);
    await h.clock.advanceTo('2026-12-24T01:00:00.000Z');
    await h.engine.idle();
    expect(await h.engine.countHistoricProcessInstances({ processInstanceId: id })).to.equal(0);
  });

  it('Given a running instance, when it is deleted with a reason, then history says EXTERNALLY_TERMINATED with the reason', async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn');
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    await h.engine.deleteProcessInstance(id, { reason: 'raised in error' });
    const [instance] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(instance).to.include({ state: 'EXTERNALLY_TERMINATED', deleteReason: 'raised in error' });
    const notify = await h.engine.listHistoricActivityInstances({
      processInstanceId: id,
      activityId: 'notify',
    });
    expect(notify[0]!.canceled).to.equal(true);
    expect(await h.engine.countExternalTasks()).to.equal(0);
    const missing = await h.engine.getProcessInstance(id).catch((e: unknown) => e);
    expect(missing).to.include({ httpStatus: 404 });
    expect((missing as Error).message).to.equal(`Process instance with id ${id} does not exist`);
  });
});
