import { expect } from 'chai';
import { ParseError } from '../../src/engine/errors/index.js';
import { fixture, openHarness, type Harness } from './harness.js';

const resource = (name: string, as = name) => ({ name: as, content: fixture(name) });

describe('Engine: deployments and versions (as Camunda 7)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('Given version 1 with a running instance, when a changed diagram is deployed, then new starts use version 2 and the running one keeps version 1', async () => {
    const first = await h.engine.deploy({ name: 'one', resources: [resource('one-task.bpmn')] });
    const running = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const second = await h.engine.deploy({
      name: 'one',
      resources: [resource('one-task-v2.bpmn', 'one-task.bpmn')],
    });
    const [v2] = Object.values(second.deployedProcessDefinitions);
    expect(v2).to.include({ key: 'one-task', version: 2, name: 'One external task' });
    // Camunda reports the diagram's targetNamespace as the category.
    expect(v2!.category).to.equal('http://example.org/escalations');
    expect(v2!.id).to.match(/^one-task:2:[0-9a-f-]{36}$/);
    const next = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    expect(next.definitionId).to.equal(v2!.id);
    expect((await h.engine.getProcessInstance(running.id)).definitionId).to.equal(
      Object.keys(first.deployedProcessDefinitions)[0],
    );
    expect((await h.engine.getProcessDefinitionByKey('one-task')).version).to.equal(2);
    expect(await h.engine.countProcessDefinitions({ key: 'one-task', latestVersion: true })).to.equal(1);
    for (const task of await h.fetch('escalation-notify'))
      await h.engine.completeExternalTask(task.id, { workerId: 'w' });
    expect(await h.engine.countProcessInstances()).to.equal(0);
  });

  it('Given an identical redeploy with duplicate filtering, when deployed, then Camunda answers with the old deployment and defines nothing', async () => {
    const first = await h.engine.deploy({
      name: 'one',
      source: 'Camunda Modeler',
      resources: [resource('one-task.bpmn')],
    });
    const again = await h.engine.deploy({
      name: 'one',
      source: 'Camunda Modeler',
      enableDuplicateFiltering: true,
      resources: [resource('one-task.bpmn')],
    });
    expect(again.id).to.equal(first.id);
    expect(again.deploymentTime.getTime()).to.equal(first.deploymentTime.getTime());
    expect(again.deployedProcessDefinitions).to.deep.equal({});
    expect(await h.engine.countDeployments()).to.equal(1);
  });

  it('Given deploy-changed-only, when one of two resources changed, then the new deployment holds only that one', async () => {
    await h.engine.deploy({ name: 'pair', resources: [resource('one-task.bpmn'), resource('timers.bpmn')] });
    const changed = await h.engine.deploy({
      name: 'pair',
      deployChangedOnly: true,
      resources: [resource('one-task-v2.bpmn', 'one-task.bpmn'), resource('timers.bpmn')],
    });
    expect((await h.engine.listDeploymentResources(changed.id)).map((r) => r.name)).to.deep.equal([
      'one-task.bpmn',
    ]);
    expect(Object.values(changed.deployedProcessDefinitions).map((d) => [d.key, d.version])).to.deep.equal([
      ['one-task', 2],
    ]);
    expect((await h.engine.getProcessDefinitionByKey('timers')).version).to.equal(1);
  });

  it('Given a deployment with running instances, when deleted without cascade, then it is refused; with cascade, instances and history go too', async () => {
    const deployment = await h.engine.deploy({ name: 'one', resources: [resource('one-task.bpmn')] });
    const { id } = await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    const refused = await h.engine.deleteDeployment(deployment.id).catch((e: unknown) => e);
    expect((refused as Error).message).to.match(/^Deletion of process definition without cascading failed/);
    expect(await h.engine.countProcessInstances()).to.equal(1);
    await h.engine.deleteDeployment(deployment.id, { cascade: true });
    expect(await h.engine.countDeployments()).to.equal(0);
    expect(await h.engine.countExternalTasks()).to.equal(0);
    expect(await h.engine.countHistoricProcessInstances({ processInstanceId: id })).to.equal(0);
  });

  it('Given a deployment, when its resources are listed and read, then the stored XML is returned byte for byte', async () => {
    const deployment = await h.engine.deploy({ name: 'one', resources: [resource('one-task.bpmn')] });
    const [stored] = await h.engine.listDeploymentResources(deployment.id);
    const data = await h.engine.getDeploymentResourceData(deployment.id, stored!.id);
    expect(data.equals(fixture('one-task.bpmn'))).to.equal(true);
    const [definition] = Object.values(deployment.deployedProcessDefinitions);
    expect(await h.engine.getProcessDefinitionXml(definition!.id)).to.equal(
      fixture('one-task.bpmn').toString('utf8'),
    );
  });

  it('Given a rejected resource, when deployed, then nothing of the deployment is stored', async () => {
    const bad = { name: 'bad.bpmn', content: Buffer.from('<bpmn:definitions') };
    const error = await h.engine
      .deploy({ name: 'mixed', resources: [resource('one-task.bpmn'), bad] })
      .catch((e: unknown) => e);
    // The guarded parser's answer (src/engine/deploy): Camunda's ParseException, naming the bad resource.
    expect(error).to.be.instanceOf(ParseError);
    expect(Object.keys((error as ParseError).details)).to.deep.equal(['bad.bpmn']);
    expect(await h.engine.countDeployments()).to.equal(0);
    expect(await h.engine.countProcessDefinitions()).to.equal(0);
  });
});
