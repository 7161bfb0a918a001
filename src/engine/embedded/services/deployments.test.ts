import { expect } from 'chai';
import { fixture, openHarness, type Harness } from '../../../../test/engine/harness.js';
import { ParseError } from '../../errors/index.js';
import type { DeployInput } from '../../port.js';

const redeploy = (extra: Partial<DeployInput> = {}): DeployInput => ({
  name: 'procedures',
  source: 'escalations',
  enableDuplicateFiltering: true,
  resources: [{ name: 'one-task.bpmn', content: fixture('one-task.bpmn') }],
  ...extra,
});

describe('embedded/deployments: duplicate filtering decides before parsing', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('Given a deployment, when the same bytes are deployed again under an engine whose size limit they now exceed, then the old deployment is answered without parsing (no limit error)', async () => {
    const first = await h.engine.deploy(redeploy());
    // The parser would refuse these bytes now: only a deploy that skips parsing can succeed.
    await h.restart({ maxDeploymentBytes: 10 });
    const again = await h.engine.deploy(redeploy());
    expect(again.id).to.equal(first.id);
    expect(again.deployedProcessDefinitions).to.deep.equal({});
  });

  it('Given the same redeploy without duplicate filtering, when deployed under that limit, then it is parsed and refused', async () => {
    await h.engine.deploy(redeploy());
    await h.restart({ maxDeploymentBytes: 10 });
    const error = await h.engine.deploy(redeploy({ enableDuplicateFiltering: false })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ParseError);
  });

  it('Given one changed resource among unchanged ones, when deployed with duplicate filtering, then the whole deployment is parsed and deployed again, as Camunda does', async () => {
    const timers = { name: 'timers.bpmn', content: fixture('timers.bpmn') };
    await h.engine.deploy(redeploy({ resources: [...redeploy().resources, timers] }));
    const changed = fixture('one-task.bpmn').toString().replace('name="Notify"', 'name="Notify now"');
    const next = await h.engine.deploy(
      redeploy({ resources: [{ name: 'one-task.bpmn', content: Buffer.from(changed) }, timers] }),
    );
    const versions = Object.values(next.deployedProcessDefinitions).map((d) => `${d.key} v${d.version}`);
    expect(versions.sort()).to.deep.equal(['one-task v2', 'timers v2']);
  });
});
