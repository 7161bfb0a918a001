import { expect } from 'chai';
import { ProcessEngineError } from '../../src/engine/errors/index.js';
import { runSuffix, timerDiagram } from './fixtures/diagrams.js';
import { daysFromNow, deploy, fetchOne, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('Timers as jobs, fired through executeJob', (target) => {
  let t: ReturnType<typeof timerDiagram>;

  // A fresh diagram per test: First and Second share a topic, so leftovers must not cross tests.
  beforeEach(async () => {
    t = timerDiagram(runSuffix());
    await deploy(target().engine, `conf-${t.key}`, [{ name: t.file, content: t.xml }]);
  });

  it('Given a stage with a deadline, When it starts, Then its timer is a job due at stageDue', async () => {
    const { engine } = target();
    const due = daysFromNow(9);
    const p = await engine.startProcessInstance({
      definitionKey: t.key,
      variables: { stageDue: { type: 'Date', value: due } },
    });
    await engine.completeExternalTask((await fetchOne(engine, t.topic)).id, {
      workerId: 'conformance-worker',
    });
    const jobs = await engine.listJobs({ processInstanceId: p.id, timers: true });
    expect(jobs.length).to.equal(1);
    expect(jobs[0]!.dueDate?.getTime()).to.equal(due.getTime());
    expect(jobs[0]!.activityId).to.equal('Deadline');
    expect(
      await engine.countJobs({
        processInstanceId: p.id,
        dueDates: [{ operator: 'gt', value: daysFromNow(8) }],
      }),
    ).to.equal(1);
    expect(
      await engine.countJobs({
        processInstanceId: p.id,
        dueDates: [{ operator: 'lt', value: daysFromNow(8) }],
      }),
    ).to.equal(0);
  });

  it('Given a timer job, When executed now, Then the boundary fires: Second is cancelled and Escalate waits', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({
      definitionKey: t.key,
      variables: { stageDue: { type: 'Date', value: daysFromNow(9) } },
    });
    await engine.completeExternalTask((await fetchOne(engine, t.topic)).id, {
      workerId: 'conformance-worker',
    });
    const [job] = await engine.listJobs({ processInstanceId: p.id, timers: true });
    await engine.executeJob(job!.id);
    const tasks = await engine.listExternalTasks({ processInstanceId: p.id });
    expect(tasks.map((x) => x.activityId)).to.deep.equal(['Escalate']);
    expect(await engine.countJobs({ processInstanceId: p.id })).to.equal(0);
    const acts = await engine.listHistoricActivityInstances({
      processInstanceId: p.id,
      activityId: 'Second',
    });
    expect(acts[0]?.canceled).to.equal(true);
  });

  it('Given a timer job, When its due date is changed, Then the job shows the new date', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({
      definitionKey: t.key,
      variables: { stageDue: { type: 'Date', value: daysFromNow(9) } },
    });
    await engine.completeExternalTask((await fetchOne(engine, t.topic)).id, {
      workerId: 'conformance-worker',
    });
    const [job] = await engine.listJobs({ processInstanceId: p.id, timers: true });
    const later = daysFromNow(12);
    await engine.setJobDueDate(job!.id, later);
    expect((await engine.getJob(job!.id)).dueDate?.getTime()).to.equal(later.getTime());
  });

  it('Given no stageDue, When the step that needs it is completed, Then a ProcessEngineError names it and the task stays', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: t.key });
    const first = await fetchOne(engine, t.topic);
    const err = await rejection(engine.completeExternalTask(first.id, { workerId: 'conformance-worker' }));
    expect(err).to.be.instanceOf(ProcessEngineError);
    expect(err.message).to.contain('stageDue');
    const still = await engine.getExternalTask(first.id);
    expect(still).to.include({ id: first.id, activityId: 'First', workerId: 'conformance-worker' });
    expect(await engine.countJobs({ processInstanceId: p.id })).to.equal(0);
    await engine.modifyProcessVariables(p.id, {
      modifications: { stageDue: { type: 'Date', value: daysFromNow(3) } },
    });
    await engine.completeExternalTask(first.id, { workerId: 'conformance-worker' });
    expect(await engine.countJobs({ processInstanceId: p.id, timers: true })).to.equal(1);
  });
});
