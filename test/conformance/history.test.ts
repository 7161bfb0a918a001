import { expect } from 'chai';
import { externalTaskDiagram, runSuffix } from './fixtures/diagrams.js';
import { deploy, fetchOne } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('History', (target) => {
  it('Given an instance run to its end, When history is read, Then instance, activities and variables are recorded', async () => {
    const { engine } = target();
    const d = externalTaskDiagram(runSuffix());
    await deploy(engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
    const p = await engine.startProcessInstance({
      definitionKey: d.key,
      businessKey: 'H-1',
      variables: { stage: { type: 'Integer', value: 1 } },
    });
    const task = await fetchOne(engine, d.topic);
    await engine.completeExternalTask(task.id, {
      workerId: 'conformance-worker',
      variables: { stage: { type: 'Integer', value: 2 } },
    });

    const [hp] = await engine.listHistoricProcessInstances({ processInstanceId: p.id });
    expect(hp).to.include({
      id: p.id,
      businessKey: 'H-1',
      processDefinitionKey: d.key,
      processDefinitionVersion: 1,
      state: 'COMPLETED',
      startActivityId: 'Start',
    });
    expect(hp!.endTime!.getTime()).to.be.at.least(hp!.startTime.getTime());
    expect(hp!.durationInMillis).to.be.a('number');
    expect(
      await engine.countHistoricProcessInstances({ processDefinitionKey: d.key, finished: true }),
    ).to.equal(1);

    const acts = await engine.listHistoricActivityInstances({
      processInstanceId: p.id,
      sortBy: 'startTime',
      sortOrder: 'asc',
    });
    expect(acts.map((a) => [a.activityId, a.activityType])).to.deep.equal([
      ['Start', 'startEvent'],
      ['Work', 'serviceTask'],
      ['End', 'noneEndEvent'],
    ]);
    expect(acts.every((a) => a.endTime instanceof Date && a.canceled === false)).to.equal(true);
    expect(await engine.countHistoricActivityInstances({ processInstanceId: p.id, finished: true })).to.equal(
      3,
    );

    const vars = await engine.listHistoricVariableInstances({
      processInstanceId: p.id,
      variableName: 'stage',
    });
    expect(vars.map((v) => [v.name, v.type, v.value, v.state])).to.deep.equal([
      ['stage', 'Integer', 2, 'CREATED'],
    ]);
  });
});
