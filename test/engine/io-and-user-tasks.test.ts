import { expect } from 'chai';
import { fixture, openHarness, type Harness } from './harness.js';

const text = (value: string) => ({ type: 'String' as const, value });

describe('Engine: camunda:inputOutput, camunda:properties and user tasks', () => {
  let h: Harness;
  let id: string;
  const recordDue = new Date('2026-11-25T17:00:00.000Z');

  beforeEach(async () => {
    h = await openHarness();
    await h.engine.deploy({
      name: 'io',
      resources: ['io-mapping.bpmn', 'stage-outcome.form'].map((name) => ({ name, content: fixture(name) })),
    });
    ({ id } = await h.engine.startProcessInstance({
      definitionKey: 'io-mapping',
      variables: {
        urgent: { type: 'Boolean', value: true },
        stage: { type: 'Integer', value: 2 },
        caseRef: { type: 'Json', value: '{"ref":"C-9"}' },
        otherAgency: text('health'),
        raiser: text('p.smith'),
        recordDue: { type: 'Date', value: recordDue },
      },
    }));
  });
  afterEach(() => h.close());

  const fetchNotify = (localVariables: boolean) =>
    h.engine.fetchAndLock({
      workerId: 'w',
      maxTasks: 1,
      topics: [
        {
          topicName: 'escalation-notify',
          lockDuration: 1000,
          localVariables,
          includeExtensionProperties: true,
        },
      ],
    });

  it('Given input parameters, when the task is fetched with localVariables, then it carries only its typed local inputs', async () => {
    const [task] = await fetchNotify(true);
    expect(task!.variables).to.deep.equal({
      role: text('next-level-manager'),
      subject: text('Stage 2 needs a speedy response'),
      caseRef: { type: 'Json', value: '{"ref":"C-9"}' },
      recipients: {
        type: 'Object',
        value: '["raiser","health"]',
        valueInfo: { objectTypeName: 'java.util.ArrayList', serializationDataFormat: 'application/json' },
      },
      labels: {
        type: 'Object',
        value: '{"stage":2}',
        valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
      },
    });
    expect(task!.extensionProperties).to.deep.equal({ template: 'stage-2-breach' });
    expect(task!.priority).to.equal(80);
    expect(await h.engine.getExecutionLocalVariable(task!.executionId, 'role')).to.deep.equal(
      text('next-level-manager'),
    );
  });

  it('Given a task with local inputs, when fetched without localVariables, then it sees its inputs and the process variables', async () => {
    const [task] = await fetchNotify(false);
    expect(Object.keys(task!.variables).sort()).to.deep.equal([
      'caseRef',
      'labels',
      'otherAgency',
      'raiser',
      'recipients',
      'recordDue',
      'role',
      'stage',
      'subject',
      'urgent',
    ]);
  });

  it('Given an output parameter, when the task completes, then the output lands on the process and the inputs vanish', async () => {
    const [task] = await fetchNotify(true);
    const sentAt = new Date('2026-11-23T09:05:00.000Z');
    await h.engine.completeExternalTask(task!.id, {
      workerId: 'w',
      localVariables: { sentAt: { type: 'Date', value: sentAt } },
    });
    const variables = await h.engine.getProcessVariables(id);
    expect(variables.notifiedAt).to.deep.equal({ type: 'Date', value: sentAt });
    expect(variables).to.not.have.property('role');
    expect(variables).to.not.have.property('sentAt');
  });

  it('Given assignee, candidate groups, due date and formRef expressions, when the user task is created, then each is evaluated', async () => {
    const [task] = await fetchNotify(true);
    await h.engine.completeExternalTask(task!.id, {
      workerId: 'w',
      localVariables: { sentAt: { type: 'Date', value: recordDue } },
    });
    const [record] = await h.engine.listUserTasks({ processInstanceId: id });
    expect(record).to.include({
      name: 'Record the outcome',
      assignee: 'p.smith',
      taskDefinitionKey: 'record',
      priority: 50,
    });
    expect(record!.candidateGroups).to.deep.equal(['health', 'managers']);
    expect(record!.due!.toISOString()).to.equal(recordDue.toISOString());
    expect(record!.camundaFormRef).to.deep.equal({ key: 'stage-outcome', binding: 'latest', version: null });
    expect(await h.engine.countUserTasks({ candidateGroup: 'health' })).to.equal(1);
    expect(
      await h.engine.countUserTasks({ assignee: 'p.smith', dueBefore: new Date('2026-11-26T00:00:00Z') }),
    ).to.equal(1);
    const form = await h.engine.getDeployedForm(record!.id);
    expect(form.name).to.equal('stage-outcome.form');
    expect(JSON.parse(form.content.toString('utf8'))).to.include({ id: 'stage-outcome' });
  });

  it("Given a claimed user task, when someone else claims it, then Camunda's TaskAlreadyClaimed; unclaim frees it; completion carries variables on", async () => {
    const [task] = await fetchNotify(true);
    await h.engine.completeExternalTask(task!.id, {
      workerId: 'w',
      localVariables: { sentAt: { type: 'Date', value: recordDue } },
    });
    const [record] = await h.engine.listUserTasks({ processInstanceId: id });
    const error = await h.engine.claimUserTask(record!.id, 'someone-else').catch((e: unknown) => e);
    expect(error).to.include({ camundaType: 'TaskAlreadyClaimedException' });
    expect((error as Error).message).to.equal(`Task '${record!.id}' is already claimed by someone else.`);
    await h.engine.unclaimUserTask(record!.id);
    await h.engine.claimUserTask(record!.id, 'someone-else');
    expect((await h.engine.getUserTask(record!.id)).assignee).to.equal('someone-else');
    const returned = await h.engine.completeUserTask(record!.id, {
      variables: { outcome: text('resolved') },
      withVariablesInReturn: true,
    });
    expect(returned).to.have.property('outcome');
    const [historic] = await h.engine.listHistoricTasks({ processInstanceId: id });
    expect(historic).to.include({ assignee: 'someone-else', deleteReason: 'completed' });
    expect(await h.engine.countProcessInstances()).to.equal(0);
  });
});
