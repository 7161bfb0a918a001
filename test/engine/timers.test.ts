import { expect } from 'chai';
import { FakeClock } from '../../src/clock/fake-clock.js';
import type { EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { openHarness, path, type Harness } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;

async function startStage(h: Harness, due: Date): Promise<string> {
  const { id } = await h.engine.startProcessInstance({ definitionKey: 'stage-timer' });
  const [schedule] = await h.fetch('escalation-schedule');
  await h.engine.completeExternalTask(schedule!.id, {
    workerId: 'w',
    variables: { stage2Due: { type: 'Date', value: due } },
  });
  return id;
}

async function activeActivities(engine: EmbeddedEngine, id: string): Promise<string[]> {
  const tree = await engine.getActivityInstanceTree(id);
  return tree.childActivityInstances.map((a) => a.activityId).sort();
}

describe('Engine: durable timers on the fake clock', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('stage-timer.bpmn', 'timers.bpmn', 'event-gateway.bpmn');
  });
  afterEach(() => h.close());

  it('Given a 40-day stage deadline set by a worker, when 39 days pass, then the stage still waits; at day 40 the breach path starts', async () => {
    const due = new Date(h.clock.now() + 40 * DAY);
    const id = await startStage(h, due);
    const jobs = await h.engine.listJobs({ processInstanceId: id, activityId: 'breached' });
    expect(jobs.map((j) => j.dueDate!.toISOString())).to.deep.equal([due.toISOString()]);
    await h.clock.advance(39 * DAY);
    await h.engine.idle();
    expect(await activeActivities(h.engine, id))
      .to.include('stage')
      .and.not.include('tell-managers');
    await h.clock.advance(1 * DAY);
    await h.engine.idle();
    expect(await activeActivities(h.engine, id))
      .to.include('tell-managers')
      .and.not.include('stage');
    expect(await h.engine.countUserTasks({ processInstanceId: id })).to.equal(0);
    const [cancelled] = await h.engine.listHistoricActivityInstances({
      processInstanceId: id,
      activityId: 'stage',
    });
    expect(cancelled!.canceled).to.equal(true);
  });

  it('Given a non-interrupting R3/P1D reminder, when ten days pass, then it fired exactly three times and the stage still waits', async () => {
    const id = await startStage(h, new Date(h.clock.now() + 30 * DAY));
    await h.clock.advance(10 * DAY);
    await h.engine.idle();
    const reminders = (await path(h.engine, id)).filter((a) => a === 'reminder');
    expect(reminders).to.have.length(3);
    expect(await h.engine.countExternalTasks({ processInstanceId: id, activityId: 'remind' })).to.equal(3);
    expect(await h.engine.countJobs({ processInstanceId: id, activityId: 'reminder' })).to.equal(0);
    expect(await activeActivities(h.engine, id)).to.deep.equal(['remind', 'remind', 'remind', 'stage']);
  });

  it('Given P1D started the day before the clocks go back, when it fires, then it keeps the wall-clock time (25 hours later)', async () => {
    await h.close();
    h = await openHarness({ clock: new FakeClock('2026-10-24T08:00:00.000Z') }); // 09:00 BST
    await h.deploy('timers.bpmn');
    const { id } = await h.engine.startProcessInstance({
      definitionKey: 'timers',
      variables: { waitFor: { type: 'String', value: 'P1D' } },
    });
    const [job] = await h.engine.listJobs({ processInstanceId: id });
    expect(job!.dueDate!.toISOString()).to.equal('2026-10-25T09:00:00.000Z'); // 09:00 GMT
    await h.clock.advanceTo('2026-10-25T08:59:59.999Z');
    await h.engine.idle();
    expect(await h.engine.countExternalTasks({ processInstanceId: id })).to.equal(0);
    await h.clock.advanceTo('2026-10-25T09:00:00.000Z');
    await h.engine.idle();
    expect(await h.engine.countExternalTasks({ processInstanceId: id })).to.equal(1);
  });

  it('Given PT24H across the same change, when scheduled, then hours are absolute (24 hours later)', async () => {
    await h.close();
    h = await openHarness({ clock: new FakeClock('2026-10-24T08:00:00.000Z') });
    await h.deploy('timers.bpmn');
    const { id } = await h.engine.startProcessInstance({
      definitionKey: 'timers',
      variables: { waitFor: { type: 'String', value: 'PT24H' } },
    });
    const [job] = await h.engine.listJobs({ processInstanceId: id });
    expect(job!.dueDate!.toISOString()).to.equal('2026-10-25T08:00:00.000Z');
  });

  it('Given timers fell due while the engine was down, when it starts again, then each fires exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const started = await h.engine.startProcessInstance({
        definitionKey: 'timers',
        variables: { waitFor: { type: 'String', value: `PT${i + 1}H` } },
      });
      ids.push(started.id);
    }
    await h.engine.close();
    await h.clock.advance(3 * DAY);
    await h.restart();
    await h.engine.idle();
    const after = await h.fetch('after');
    expect(after.map((t) => t.processInstanceId).sort()).to.deep.equal([...ids].sort());
    expect(await h.engine.countJobs()).to.equal(0);
    await h.restart();
    await h.engine.idle();
    expect(await h.engine.countExternalTasks({ activityId: 'after' })).to.equal(5);
  });

  it('Given a waiting timer, when an operator executes its job or moves its due date, then it fires then and only then', async () => {
    const first = await h.engine.startProcessInstance({ definitionKey: 'event-gateway' });
    const [timer] = await h.engine.listJobs({ processInstanceId: first.id });
    expect(timer!.dueDate!.toISOString()).to.equal('2026-11-26T09:00:00.000Z');
    await h.engine.executeJob(timer!.id);
    expect(await path(h.engine, first.id)).to.deep.equal(['start', 'first', 'adjourned', 'end-arbitration']);

    const second = await h.engine.startProcessInstance({ definitionKey: 'event-gateway' });
    const [job] = await h.engine.listJobs({ processInstanceId: second.id });
    await h.engine.setJobDueDate(job!.id, new Date(h.clock.now() + 60_000));
    await h.clock.advance(59_000);
    await h.engine.idle();
    expect(await h.engine.countJobs({ processInstanceId: second.id })).to.equal(1);
    await h.clock.advance(1_000);
    await h.engine.idle();
    expect(await h.engine.countProcessInstances({ processInstanceIds: [second.id] })).to.equal(0);
  });

  it('Given an event-based gateway, when the message arrives first, then the timer is withdrawn', async () => {
    const { id } = await h.engine.startProcessInstance({
      definitionKey: 'event-gateway',
      businessKey: 'conf-1',
    });
    await h.engine.correlateMessage({ messageName: 'agreed', businessKey: 'conf-1' });
    expect(await path(h.engine, id)).to.deep.equal(['start', 'first', 'agreed', 'end-agreed']);
    expect(await h.engine.countJobs()).to.equal(0);
  });
});
