/**
 * Fetch-and-lock `sorting` (Camunda 7.21+, Operaton): createTime ascending or descending, applied
 * after priority when `usePriority` is set; bad sortings are a 400 naming the field.
 */
import { expect } from 'chai';
import type { FetchAndLockInput, FetchSorting } from '../../src/engine/port.js';
import { oneElementDiagram } from './fixtures/difference-diagrams.js';
import { runSuffix } from './fixtures/diagrams.js';
import { raw } from './harness/raw-http.js';
import { deploy } from './harness/scenario.js';
import { forEachTarget, httpTargetNames, type Target } from './harness/targets.js';

/** start → Element (external on a fresh topic, priority `${prio}`) → end. */
function prioritisedDiagram(s: string) {
  const topic = `conf-sorted-${s}`;
  const attrs = { 'camunda:type': 'external', 'camunda:topic': topic, 'camunda:taskPriority': '${prio}' };
  return { ...oneElementDiagram(s, { tag: 'serviceTask', attrs }), topic };
}

/** Deploys a fresh diagram and starts one instance per priority, in order; returns topic and task ids. */
async function tasksCreatedInOrder(target: Target, priorities: number[]) {
  const d = prioritisedDiagram(runSuffix());
  await deploy(target.engine, `conf-sorted-${d.key}`, [{ name: d.file, content: d.xml }]);
  const ids: string[] = [];
  for (const prio of priorities) {
    const instance = await target.engine.startProcessInstance({
      definitionKey: d.key,
      variables: { prio: { type: 'Integer', value: prio } },
    });
    const [task] = await target.engine.listExternalTasks({ processInstanceId: instance.id });
    ids.push(task!.id);
    // Operaton orders by the stored createTime (milliseconds): the next task must be a later one.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { topic: d.topic, ids };
}

const fetchInput = (topic: string, usePriority: boolean, sorting?: FetchSorting[]): FetchAndLockInput => ({
  workerId: 'conformance-worker',
  maxTasks: 10,
  usePriority,
  topics: [{ topicName: topic, lockDuration: 60_000 }],
  ...(sorting ? { sorting } : {}),
});

forEachTarget('External tasks: fetch sorting', (target) => {
  const fetchIds = async (topic: string, usePriority: boolean, sorting?: FetchSorting[]) =>
    (await target().engine.fetchAndLock(fetchInput(topic, usePriority, sorting))).map((t) => t.id);

  it('Given three tasks created in order, When fetched with createTime desc, Then the newest comes first', async () => {
    const { topic, ids } = await tasksCreatedInOrder(target(), [0, 0, 0]);
    const fetched = await fetchIds(topic, false, [{ sortBy: 'createTime', sortOrder: 'desc' }]);
    expect(fetched).to.deep.equal([...ids].reverse());
  });

  it('Given three tasks created in order, When fetched with createTime asc, Then the oldest comes first', async () => {
    const { topic, ids } = await tasksCreatedInOrder(target(), [0, 0, 0]);
    const fetched = await fetchIds(topic, false, [{ sortBy: 'createTime', sortOrder: 'asc' }]);
    expect(fetched).to.deep.equal(ids);
  });

  it('Given tasks of two priorities, When fetched with usePriority and createTime desc, Then priority decides first, then the newest', async () => {
    const { topic, ids } = await tasksCreatedInOrder(target(), [10, 50, 10, 50]);
    const [low1, high1, low2, high2] = ids;
    const fetched = await fetchIds(topic, true, [{ sortBy: 'createTime', sortOrder: 'desc' }]);
    expect(fetched).to.deep.equal([high2, high1, low2, low1]);
  });

  it('Given tasks of two priorities, When fetched with usePriority and createTime asc, Then priority decides first, then the oldest', async () => {
    const { topic, ids } = await tasksCreatedInOrder(target(), [10, 50, 10, 50]);
    const [low1, high1, low2, high2] = ids;
    const fetched = await fetchIds(topic, true, [{ sortBy: 'createTime', sortOrder: 'asc' }]);
    expect(fetched).to.deep.equal([high1, high2, low1, low2]);
  });
});

forEachTarget(
  'External tasks: fetch sorting over HTTP',
  (target) => {
    const fetchAndLock = (topic: string, sorting: unknown) =>
      raw(target().engineRestUrl!, 'POST', '/external-task/fetchAndLock', {
        auth: target().auth,
        json: { workerId: 'w', maxTasks: 5, topics: [{ topicName: topic, lockDuration: 60_000 }], sorting },
      });

    for (const [field, sorting] of [
      ['sortOrder', [{ sortBy: 'createTime', sortOrder: 'sideways' }]],
      ['sortBy', [{ sortBy: 'priority', sortOrder: 'desc' }]],
    ] as const) {
      it(`Given waiting tasks, When fetched with an unknown ${field}, Then 400 InvalidRequestException naming ${field} and nothing is locked`, async () => {
        const { topic } = await tasksCreatedInOrder(target(), [0]);
        const res = await fetchAndLock(topic, sorting);
        expect(res.status).to.equal(400);
        const body = res.json as { type: string; message: string };
        expect(body.type).to.equal('InvalidRequestException');
        expect(body.message).to.include(field);
        expect(await target().engine.countExternalTasks({ topicName: topic, locked: true })).to.equal(0);
      });
    }

    // Difference 3 of docs/camunda-rest.md: a missing field is an InvalidRequestException naming it here.
    it('Given waiting tasks, When fetched with a sorting without sortOrder, Then 400 (ours naming the field, Operaton NotValidException) and nothing is locked', async () => {
      const { topic } = await tasksCreatedInOrder(target(), [0]);
      const res = await fetchAndLock(topic, [{ sortBy: 'createTime' }]);
      expect(res.status).to.equal(400);
      const body = res.json as { type: string; message: string };
      if (target().name === 'remote') {
        expect(body.type).to.equal('NotValidException');
      } else {
        expect(body.type).to.equal('InvalidRequestException');
        expect(body.message).to.include("'sorting.0.sortOrder'");
      }
      expect(await target().engine.countExternalTasks({ topicName: topic, locked: true })).to.equal(0);
    });
  },
  httpTargetNames(),
);
