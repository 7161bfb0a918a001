import { expect } from 'chai';
import { NotFoundError } from '../../src/engine/errors/index.js';
import { externalTaskDiagram, runSuffix } from './fixtures/diagrams.js';
import { deploy, everyType, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('Process instances and their variables', (target) => {
  let d: ReturnType<typeof externalTaskDiagram>;

  before(async () => {
    d = externalTaskDiagram(runSuffix());
    await deploy(target().engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
  });

  it('Given variables of every type, When started with variables in return, Then each comes back as sent', async () => {
    const { engine } = target();
    const vars = everyType();
    const started = await engine.startProcessInstance({
      definitionKey: d.key,
      businessKey: `bk-${runSuffix()}`,
      variables: vars,
      withVariablesInReturn: true,
    });
    const { aFile: _sentFile, ...rest } = vars;
    const { aFile, ...returned } = started.variables ?? {};
    expect(returned).to.deep.equal(rest);
    expect(aFile?.type).to.equal('File');
    const stored = await engine.getProcessVariables(started.id);
    expect(stored).to.deep.equal(vars);
  });

  it('Given a started instance, When read by id and queried, Then Camunda’s fields and filters hold', async () => {
    const { engine } = target();
    const businessKey = `bk-${runSuffix()}`;
    const started = await engine.startProcessInstance({ definitionKey: d.key, businessKey });
    const instance = await engine.getProcessInstance(started.id);
    expect(instance).to.include({ id: started.id, businessKey, ended: false, suspended: false });
    expect((await engine.getProcessDefinition(instance.definitionId)).key).to.equal(d.key);
    expect((await engine.listProcessInstances({ businessKey })).map((p) => p.id)).to.deep.equal([started.id]);
    expect(await engine.countProcessInstances({ processDefinitionKey: d.key, businessKey })).to.equal(1);
    expect(
      (
        await engine.listProcessInstances({
          processDefinitionKey: d.key,
          activityIdIn: ['Work'],
          businessKey,
        })
      ).length,
    ).to.equal(1);
  });

  it('Given a variable filter, When instances are queried, Then only equal values match', async () => {
    const { engine } = target();
    const tag = `t${runSuffix()}`;
    const a = await engine.startProcessInstance({
      definitionKey: d.key,
      variables: { tag: { type: 'String', value: tag } },
    });
    await engine.startProcessInstance({
      definitionKey: d.key,
      variables: { tag: { type: 'String', value: `${tag}x` } },
    });
    const found = await engine.listProcessInstances({
      processDefinitionKey: d.key,
      variables: [{ name: 'tag', operator: 'eq', value: tag }],
    });
    expect(found.map((p) => p.id)).to.deep.equal([a.id]);
  });

  it('Given an instance, When variables are modified and deleted, Then single reads follow', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({
      definitionKey: d.key,
      variables: { keep: { type: 'Integer', value: 1 }, drop: { type: 'String', value: 'x' } },
    });
    await engine.modifyProcessVariables(p.id, {
      modifications: { keep: { type: 'Integer', value: 2 }, added: { type: 'Boolean', value: false } },
      deletions: ['drop'],
    });
    expect(await engine.getProcessVariable(p.id, 'keep')).to.deep.equal({ type: 'Integer', value: 2 });
    expect(await engine.getProcessVariable(p.id, 'added')).to.deep.equal({ type: 'Boolean', value: false });
    expect(await rejection(engine.getProcessVariable(p.id, 'drop'))).to.be.instanceOf(NotFoundError);
  });

  it('Given a waiting instance, When its activity instance tree is read, Then the external task is its child', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: d.key });
    const tree = await engine.getActivityInstanceTree(p.id);
    expect(tree.activityType).to.equal('processDefinition');
    expect(tree.processInstanceId).to.equal(p.id);
    expect(tree.childActivityInstances.map((c) => [c.activityId, c.activityType])).to.deep.equal([
      ['Work', 'serviceTask'],
    ]);
  });

  it('Given an instance, When deleted, Then it is gone and its history says EXTERNALLY_TERMINATED', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: d.key });
    await engine.deleteProcessInstance(p.id);
    expect(await rejection(engine.getProcessInstance(p.id))).to.be.instanceOf(NotFoundError);
    const [h] = await engine.listHistoricProcessInstances({ processInstanceId: p.id });
    expect(h?.state).to.equal('EXTERNALLY_TERMINATED');
    expect(h?.endTime).to.be.instanceOf(Date);
  });

  it('Given an unknown instance, When read or deleted, Then NotFoundError', async () => {
    const { engine } = target();
    expect(await rejection(engine.getProcessInstance('no-such-instance'))).to.be.instanceOf(NotFoundError);
    expect(await rejection(engine.deleteProcessInstance('no-such-instance'))).to.be.instanceOf(NotFoundError);
    expect(await rejection(engine.getActivityInstanceTree('no-such-instance'))).to.be.instanceOf(
      NotFoundError,
    );
  });
});
