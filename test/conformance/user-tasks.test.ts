import { expect } from 'chai';
import { NotFoundError } from '../../src/engine/errors/index.js';
import { runSuffix, userTaskDiagram } from './fixtures/diagrams.js';
import { daysFromNow, deploy, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('User tasks', (target) => {
  let u: ReturnType<typeof userTaskDiagram>;

  before(async () => {
    u = userTaskDiagram(runSuffix());
    await deploy(target().engine, `conf-${u.key}`, [
      { name: u.file, content: u.xml },
      { name: u.formFile, content: u.form },
    ]);
  });

  const start = (due = daysFromNow(5)) =>
    target().engine.startProcessInstance({
      definitionKey: u.key,
      variables: { stageDue: { type: 'Date', value: due } },
    });

  it('Given a user task, When queried by candidate group, definition and due date, Then it is found with its due date', async () => {
    const { engine } = target();
    const due = daysFromNow(5);
    const p = await start(due);
    const [task] = await engine.listUserTasks({ processInstanceId: p.id });
    expect(task).to.include({ taskDefinitionKey: 'Record', name: 'Record the outcome', assignee: null });
    expect(task!.due?.getTime()).to.equal(due.getTime());
    expect(task!.candidateGroups).to.deep.equal(['line-manager']);
    const byGroup = await engine.listUserTasks({
      candidateGroup: 'line-manager',
      processDefinitionKey: u.key,
    });
    expect(byGroup.map((t) => t.id)).to.include(task!.id);
    expect(
      await engine.countUserTasks({
        processInstanceId: p.id,
        dueBefore: daysFromNow(6),
        dueAfter: daysFromNow(4),
      }),
    ).to.equal(1);
    expect(await engine.countUserTasks({ processInstanceId: p.id, dueBefore: daysFromNow(4) })).to.equal(0);
  });

  it('Given three instances, When tasks are queried by processInstanceIdIn (one query for a page of escalations), Then only the listed instances’ tasks come back, and their due dates and history with taskDueDateBefore', async () => {
    const { engine } = target();
    const [a, b, c] = [await start(daysFromNow(2)), await start(daysFromNow(3)), await start(daysFromNow(9))];
    const tasks = await engine.listUserTasks({ processInstanceIdIn: [a.id, b.id] });
    expect(tasks.map((t) => t.processInstanceId).sort()).to.deep.equal([a.id, b.id].sort());
    expect(await engine.countUserTasks({ processInstanceIdIn: [a.id, c.id] })).to.equal(2);
    // Open tasks due before a date, from history: what a list of overdue escalations asks.
    const open = await engine.listHistoricTasks({
      processDefinitionKey: u.key,
      unfinished: true,
      taskDueDateBefore: daysFromNow(5),
    });
    const ids = open.map((t) => t.processInstanceId);
    expect(ids).to.include(a.id).and.to.include(b.id).and.not.to.include(c.id);
    const [onlyA] = tasks.filter((t) => t.processInstanceId === a.id);
    await engine.completeUserTask(onlyA!.id);
    const stillOpen = await engine.listHistoricTasks({
      processDefinitionKey: u.key,
      unfinished: true,
      taskDueDateBefore: daysFromNow(5),
    });
    expect(stillOpen.map((t) => t.processInstanceId))
      .to.include(b.id)
      .and.not.to.include(a.id);
  });

  it('Given a task, When claimed, unclaimed and assigned, Then the assignee follows', async () => {
    const { engine } = target();
    const p = await start();
    const [task] = await engine.listUserTasks({ processInstanceId: p.id });
    await engine.claimUserTask(task!.id, 'alice');
    expect((await engine.getUserTask(task!.id)).assignee).to.equal('alice');
    expect((await engine.listUserTasks({ assignee: 'alice', processInstanceId: p.id })).length).to.equal(1);
    await engine.unclaimUserTask(task!.id);
    expect((await engine.getUserTask(task!.id)).assignee).to.equal(null);
    await engine.setUserTaskAssignee(task!.id, 'bob');
    expect((await engine.getUserTask(task!.id)).assignee).to.equal('bob');
  });

  it('Given a task with a Camunda Form, When its form is read, Then the formRef and the deployed JSON come back', async () => {
    const { engine } = target();
    const p = await start();
    const [task] = await engine.listUserTasks({ processInstanceId: p.id });
    expect(task!.camundaFormRef).to.deep.equal({ key: u.formId, binding: 'latest', version: null });
    const form = await engine.getUserTaskForm(task!.id);
    expect(form.camundaFormRef).to.deep.equal({ key: u.formId, binding: 'latest', version: null });
    const deployed = await engine.getDeployedForm(task!.id);
    expect(JSON.parse(deployed.content.toString())).to.deep.equal(JSON.parse(u.form));
  });

  it('Given a task, When completed with variables, Then the instance ends and history has the task', async () => {
    const { engine } = target();
    const p = await start();
    const [task] = await engine.listUserTasks({ processInstanceId: p.id });
    expect(Object.keys(await engine.getUserTaskVariables(task!.id))).to.include('stageDue');
    await engine.completeUserTask(task!.id, { variables: { outcome: { type: 'String', value: 'agreed' } } });
    expect(await rejection(engine.getUserTask(task!.id))).to.be.instanceOf(NotFoundError);
    const [hp] = await engine.listHistoricProcessInstances({ processInstanceId: p.id });
    expect(hp?.state).to.equal('COMPLETED');
    const [ht] = await engine.listHistoricTasks({ processInstanceId: p.id });
    expect(ht).to.include({ id: task!.id, taskDefinitionKey: 'Record', deleteReason: 'completed' });
    const vars = await engine.listHistoricVariableInstances({
      processInstanceId: p.id,
      variableName: 'outcome',
    });
    expect(vars.map((v) => [v.name, v.type, v.value])).to.deep.equal([['outcome', 'String', 'agreed']]);
  });

  it('Given a task, When completed with variables in return, Then the instance’s variables come back', async () => {
    const { engine } = target();
    const p = await start();
    const [task] = await engine.listUserTasks({ processInstanceId: p.id });
    const vars = await engine.completeUserTask(task!.id, {
      variables: { outcome: { type: 'String', value: 'x' } },
      withVariablesInReturn: true,
    });
    expect(Object.keys(vars ?? {}).sort()).to.deep.equal(['outcome', 'stageDue']);
  });
});
