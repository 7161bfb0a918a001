import { expect } from 'chai';
import { openHarness, path, type Harness } from './harness.js';

const HOUR = 60 * 60 * 1000;

describe('Engine: a missing variable fails the step that needs it (Camunda 7 "Unknown property")', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('stage-timer.bpmn', 'failing-timer.bpmn');
  });
  afterEach(() => h.close());

  it('Given the schedule worker forgets stage2Due, when it completes, then the completion is refused naming the expression and the task stays exactly as it was', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'stage-timer' });
    const [task] = await h.fetch('escalation-schedule');
    const before = await h.engine.getExternalTask(task!.id);
    const error = await h.engine
      .completeExternalTask(task!.id, { workerId: 'w', variables: { other: { type: 'String', value: 'x' } } })
      .catch((e: unknown) => e);
    expect(error).to.include({
      httpStatus: 500,
      camundaType: 'ProcessEngineException',
      code: 'UNKNOWN_PROPERTY',
    });
    expect((error as Error).message).to.equal(
      "Unknown property used in expression: ${stage2Due}. Cause: Cannot resolve identifier 'stage2Due'",
    );
    expect(await h.engine.getExternalTask(task!.id)).to.deep.equal(before);
    expect(await h.engine.getProcessVariables(id)).to.deep.equal({});
    expect(await h.engine.countUserTasks()).to.equal(0);
    expect(await path(h.engine, id)).to.deep.equal(['raised', 'schedule']);
    expect(await h.engine.countHistoricVariableInstances()).to.equal(0);
  });

  it('Given the refused completion, when the worker retries with stage2Due, then the stage starts normally', async () => {
    await h.engine.startProcessInstance({ definitionKey: 'stage-timer' });
    const [task] = await h.fetch('escalation-schedule');
    await h.engine.completeExternalTask(task!.id, { workerId: 'w' }).catch(() => undefined);
    await h.engine.completeExternalTask(task!.id, {
      workerId: 'w',
      variables: { stage2Due: { type: 'Date', value: new Date(h.clock.now() + 48 * HOUR) } },
    });
    expect(await h.engine.countUserTasks({ taskDefinitionKey: 'stage' })).to.equal(1);
  });

  it('Given a timer whose next step needs a missing variable, when it fires, then it is retried three times and becomes a failedJob incident on that activity', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'failing-timer' });
    await h.clock.advance(HOUR);
    await h.engine.idle();
    const [job] = await h.engine.listJobs({ processInstanceId: id });
    // As Operaton: the incident sits on the timer; the failure happened at the gateway after it.
    expect(job).to.include({ retries: 0, activityId: 'wait', failedActivityId: 'decide' });
    expect(job!.exceptionMessage).to.contain("Cannot resolve identifier 'riskConfirmed'");
    const [incident] = await h.engine.listIncidents({ processInstanceId: id });
    expect(incident).to.include({
      incidentType: 'failedJob',
      activityId: 'wait',
      failedActivityId: 'decide',
      configuration: job!.id,
    });
    expect(incident!.incidentMessage).to.contain('${riskConfirmed}');
    const tree = await h.engine.getActivityInstanceTree(id);
    expect(tree.childActivityInstances[0]!.incidentIds).to.deep.equal([incident!.id]);
    expect(await h.engine.countProcessInstances({ withIncident: true })).to.equal(1);
  });

  it('Given that incident, when a person sets the variable and the job retries, then the timer fires and the incident is resolved', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'failing-timer' });
    await h.clock.advance(HOUR);
    await h.engine.idle();
    const [job] = await h.engine.listJobs({ processInstanceId: id });
    await h.engine.modifyProcessVariables(id, {
      modifications: { riskConfirmed: { type: 'Boolean', value: true } },
    });
    await h.engine.setJobRetries(job!.id, 1);
    await h.engine.idle();
    expect(await path(h.engine, id)).to.deep.equal(['start', 'wait', 'decide', 'yes']);
    expect(await h.engine.countIncidents()).to.equal(0);
    const [historic] = await h.engine.listHistoricIncidents({ processInstanceId: id });
    expect(historic).to.include({ open: false, resolved: true, incidentType: 'failedJob' });
  });

  it('Given a failed job, when an operator executes it while the variable is still missing, then the error is returned', async () => {
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'failing-timer' });
    const [job] = await h.engine.listJobs({ processInstanceId: id });
    const error = await h.engine.executeJob(job!.id).catch((e: unknown) => e);
    expect((error as Error).message).to.contain("Cannot resolve identifier 'riskConfirmed'");
    expect((await h.engine.getJob(job!.id)).retries).to.equal(2);
  });
});
