import { expect } from 'chai';
import { openHarness, path, type Harness } from './harness.js';

describe('Engine: gateways and loops (Camunda 7 semantics)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy('gateways.bpmn', 'loop.bpmn');
  });
  afterEach(() => h.close());

  const start = (variables: Record<string, unknown>) =>
    h.engine.startProcessInstance({
      definitionKey: 'gateways',
      variables: Object.fromEntries(
        Object.entries(variables).map(([k, v]) =>
          typeof v === 'boolean'
            ? [k, { type: 'Boolean', value: v }]
            : [k, { type: 'String', value: String(v) }],
        ),
      ),
    });

  it('Given no condition holds, when the exclusive gateway is reached, then the default flow is taken', async () => {
    const { id } = await start({ route: 'none' });
    expect((await h.fetch('fallback')).map((t) => t.processInstanceId)).to.deep.equal([id]);
  });

  it('Given a parallel fork, when one branch completes, then the join waits; when both complete, it continues once', async () => {
    const { id } = await start({ route: 'parallel' });
    const branches = await h.fetch('branch');
    expect(branches.map((t) => t.activityId).sort()).to.deep.equal(['task-a', 'task-b']);
    await h.engine.completeExternalTask(branches[0]!.id, { workerId: 'w' });
    expect(await h.fetch('after')).to.have.length(0);
    const tree = await h.engine.getActivityInstanceTree(id);
    expect(tree.childActivityInstances.map((a) => a.activityId).sort()).to.deep.equal(['join', 'task-b']);
    await h.engine.completeExternalTask(branches[1]!.id, { workerId: 'w' });
    expect(await h.fetch('after')).to.have.length(1);
  });

  it('Given an inclusive fork with two true conditions, when both branches complete, then the merge fires once', async () => {
    const { id } = await start({ route: 'inclusive', x: true, y: true });
    const branches = await h.fetch('branch');
    expect(branches).to.have.length(2);
    await h.engine.completeExternalTask(branches[0]!.id, { workerId: 'w' });
    expect((await h.engine.getProcessInstance(id)).ended).to.equal(false);
    await h.engine.completeExternalTask(branches[1]!.id, { workerId: 'w' });
    expect(await h.engine.countProcessInstances({ processInstanceIds: [id] })).to.equal(0);
    expect((await path(h.engine, id)).filter((a) => a === 'merge')).to.have.length(2);
  });

  it('Given an inclusive fork with one true condition, when that branch completes, then the merge does not wait for the other', async () => {
    const { id } = await start({ route: 'inclusive', x: false, y: true });
    const [only, ...none] = await h.fetch('branch');
    expect(none).to.have.length(0);
    expect(only!.activityId).to.equal('task-y');
    await h.engine.completeExternalTask(only!.id, { workerId: 'w' });
    const [historic] = await h.engine.listHistoricProcessInstances({ processInstanceId: id });
    expect(historic!.state).to.equal('COMPLETED');
  });

  it('Given an inclusive fork with no true condition, when reached, then its default flow goes straight to the merge', async () => {
    const { id } = await start({ route: 'inclusive', x: false, y: false });
    expect(await path(h.engine, id)).to.deep.equal(['start', 'route', 'choose', 'merge', 'end-inclusive']);
  });

  it('Given a condition reads a variable nobody set, when the gateway is reached at start, then the start fails and nothing is stored', async () => {
    const error = await start({ route: 'inclusive', x: true }).catch((e: unknown) => e);
    expect((error as Error).message).to.equal(
      "Unknown property used in expression: ${y}. Cause: Cannot resolve identifier 'y'",
    );
    expect(await h.engine.countHistoricProcessInstances()).to.equal(0);
    expect(await h.engine.countExternalTasks()).to.equal(0);
  });

  it('Given a stage that repeats level by level, when two levels fail and the top resolves, then the loop ran three times (Northamptonshire Stage 3)', async () => {
    const { id } = await h.engine.startProcessInstance({
      definitionKey: 'level-loop',
      variables: { atTop: { type: 'Boolean', value: false } },
    });
    for (const outcome of ['unresolved', 'unresolved', 'resolved']) {
      const [task] = await h.engine.listUserTasks({ processInstanceId: id });
      await h.engine.completeUserTask(task!.id, {
        variables: { outcome: { type: 'String', value: outcome } },
      });
    }
    const levels = (await path(h.engine, id)).filter((a) => a === 'level');
    expect(levels).to.have.length(3);
    expect(await h.engine.countProcessInstances()).to.equal(0);
  });
});
