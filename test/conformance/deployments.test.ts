import { expect } from 'chai';
import { NotFoundError, ParseError, ProcessEngineError } from '../../src/engine/errors/index.js';
import { externalTaskDiagram, runSuffix, userTaskDiagram } from './fixtures/diagrams.js';
import { deploy, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('Deployments and process definitions', (target) => {
  it('Given a diagram, When deployed, Then its definition is version 1 and the deployment lists its resource', async () => {
    const { engine } = target();
    const d = externalTaskDiagram(runSuffix());
    const deployment = await deploy(engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
    const defs = Object.values(deployment.deployedProcessDefinitions);
    expect(defs.map((p) => [p.key, p.version, p.resource, p.historyTimeToLive])).to.deep.equal([
      [d.key, 1, d.file, 180],
    ]);
    expect((await engine.getDeployment(deployment.id)).name).to.equal(`conf-${d.key}`);
    const resources = await engine.listDeploymentResources(deployment.id);
    expect(resources.map((r) => r.name)).to.deep.equal([d.file]);
    const data = await engine.getDeploymentResourceData(deployment.id, resources[0]!.id);
    expect(data.toString()).to.equal(d.xml);
    expect(await engine.getProcessDefinitionXml(defs[0]!.id)).to.equal(d.xml);
  });

  it('Given a changed diagram, When redeployed, Then it becomes version 2 and the key resolves to it', async () => {
    const { engine } = target();
    const d = externalTaskDiagram(runSuffix());
    await deploy(engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
    const changed = d.xml.replace('name="Work"', 'name="Work, renamed"');
    const second = await deploy(engine, `conf-${d.key}`, [{ name: d.file, content: changed }]);
    expect(Object.values(second.deployedProcessDefinitions).map((p) => p.version)).to.deep.equal([2]);
    expect((await engine.getProcessDefinitionByKey(d.key)).version).to.equal(2);
    const all = await engine.listProcessDefinitions({ key: d.key, sortBy: 'version', sortOrder: 'asc' });
    expect(all.map((p) => p.version)).to.deep.equal([1, 2]);
    expect(
      (await engine.listProcessDefinitions({ key: d.key, latestVersion: true })).map((p) => p.version),
    ).to.deep.equal([2]);
    expect(await engine.countProcessDefinitions({ key: d.key })).to.equal(2);
  });

  it('Given an unchanged diagram, When redeployed with duplicate filtering, Then no new version appears', async () => {
    const { engine } = target();
    const d = externalTaskDiagram(runSuffix());
    const input = { name: `conf-${d.key}`, resources: [{ name: d.file, content: Buffer.from(d.xml) }] };
    await engine.deploy(input);
    const again = await engine.deploy({ ...input, enableDuplicateFiltering: true });
    expect(Object.keys(again.deployedProcessDefinitions)).to.deep.equal([]);
    expect(await engine.countProcessDefinitions({ key: d.key })).to.equal(1);
  });

  it('Given two diagrams of which one changed, When deployed with deploy-changed-only, Then only the changed one gets a new version', async () => {
    const { engine } = target();
    const s = runSuffix();
    const a = externalTaskDiagram(`${s}a`);
    const b = externalTaskDiagram(`${s}b`);
    const name = `conf-changed-only-${s}`;
    await deploy(engine, name, [
      { name: a.file, content: a.xml },
      { name: b.file, content: b.xml },
    ]);
    const second = await engine.deploy({
      name,
      // Camunda compares with the latest deployment of the same name *and source*.
      source: 'conformance',
      deployChangedOnly: true,
      resources: [
        { name: a.file, content: Buffer.from(a.xml.replace('name="Work"', 'name="Work v2"')) },
        { name: b.file, content: Buffer.from(b.xml) },
      ],
    });
    expect(Object.values(second.deployedProcessDefinitions).map((p) => [p.key, p.version])).to.deep.equal([
      [a.key, 2],
    ]);
    expect((await engine.getProcessDefinitionByKey(b.key)).version).to.equal(1);
    expect((await engine.listDeploymentResources(second.id)).map((r) => r.name)).to.deep.equal([a.file]);
  });

  it('Given a diagram and its Camunda Form, When deployed together, Then both resources are stored', async () => {
    const { engine } = target();
    const u = userTaskDiagram(runSuffix());
    const deployment = await deploy(engine, `conf-${u.key}`, [
      { name: u.file, content: u.xml },
      { name: u.formFile, content: u.form },
    ]);
    const names = (await engine.listDeploymentResources(deployment.id)).map((r) => r.name).sort();
    expect(names).to.deep.equal([u.file, u.formFile].sort());
  });

  it('Given malformed XML, When deployed, Then it is refused naming the resource and nothing is deployed', async () => {
    const { engine } = target();
    const s = runSuffix();
    const before = await engine.countDeployments();
    const err = await rejection(
      deploy(engine, `conf-broken-${s}`, [{ name: `broken-${s}.bpmn`, content: '<bpmn:definitions' }]),
    );
    if (target().name === 'remote') {
      // Camunda: 500 ProcessEngineException "ENGINE-09003 Could not parse 'x.bpmn'. …", without details.
      expect(err).to.be.instanceOf(ProcessEngineError);
      expect(err.message.startsWith(`ENGINE-09003 Could not parse 'broken-${s}.bpmn'`)).to.equal(true);
    } else {
      // Ours, deliberately: a 400 ParseException with line and column, which Camunda Modeler displays.
      expect(err).to.be.instanceOf(ParseError);
      expect(err.message).to.match(/^ENGINE-09005 Could not parse BPMN process\./);
      expect(Object.keys((err as ParseError).details)).to.deep.equal([`broken-${s}.bpmn`]);
    }
    expect(await engine.countDeployments()).to.equal(before);
  });

  it('Given an executable process without historyTimeToLive, When deployed, Then a ParseError names the process', async () => {
    const { engine } = target();
    const d = externalTaskDiagram(runSuffix());
    const xml = d.xml.replace(' camunda:historyTimeToLive="180"', '');
    const err = await rejection(deploy(engine, `conf-${d.key}`, [{ name: d.file, content: xml }]));
    expect(err).to.be.instanceOf(ParseError);
    expect(err.message).to.match(/^ENGINE-09005 Could not parse BPMN process\./);
    const problems = (err as ParseError).details[d.file]?.errors ?? [];
    expect(problems.some((p) => p.mainElementId === d.key || p.elementIds.includes(d.key))).to.equal(true);
    expect(await engine.countProcessDefinitions({ key: d.key })).to.equal(0);
  });

  it('Given a deployment with a running instance, When deleted with cascade, Then the deployment and instance are gone', async () => {
    const { engine } = target();
    const d = externalTaskDiagram(runSuffix());
    const deployment = await deploy(engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
    const instance = await engine.startProcessInstance({ definitionKey: d.key });
    await engine.deleteDeployment(deployment.id, { cascade: true });
    expect(await rejection(engine.getDeployment(deployment.id))).to.be.instanceOf(NotFoundError);
    expect(await rejection(engine.getProcessInstance(instance.id))).to.be.instanceOf(NotFoundError);
    expect(await engine.countProcessDefinitions({ key: d.key })).to.equal(0);
  });

  it('Given unknown ids, When looked up, Then each is a NotFoundError', async () => {
    const { engine } = target();
    expect(await rejection(engine.getDeployment('no-such-deployment'))).to.be.instanceOf(NotFoundError);
    expect(await rejection(engine.getProcessDefinition('no-such-definition'))).to.be.instanceOf(
      NotFoundError,
    );
    expect(await rejection(engine.getProcessDefinitionByKey(`no_such_key_${runSuffix()}`))).to.be.instanceOf(
      NotFoundError,
    );
  });

  it('Given the deployment list, When paged and sorted, Then Camunda’s paging applies', async () => {
    const { engine } = target();
    const s = runSuffix();
    for (const n of ['b', 'a', 'c']) {
      const d = externalTaskDiagram(`${s}${n}`);
      await deploy(engine, `conf-page-${s}-${n}`, [{ name: d.file, content: d.xml }]);
    }
    const page = await engine.listDeployments({
      nameLike: `conf-page-${s}-%`,
      sortBy: 'name',
      sortOrder: 'asc',
      firstResult: 1,
      maxResults: 1,
    });
    expect(page.map((d) => d.name)).to.deep.equal([`conf-page-${s}-b`]);
    expect(await engine.listDeployments({ maxResults: 0 })).to.deep.equal([]);
  });
});
