import { expect } from 'chai';
import Database from 'better-sqlite3';
import { openHarness, type Harness } from '../../../../test/engine/harness.js';
import { oneElementDiagram } from '../../../../test/conformance/fixtures/difference-diagrams.js';
import type { FetchAndLockInput } from '../../port.js';
import { candidateQuery, LOCK_STATES, type FetchOrder } from './external-task-fetch.js';

const TOPIC = 'prioritised';

/** start → Element (external, priority `${prio}`) → end; its key is `conf_one_prioritised`. */
const { xml: diagram, key: KEY } = oneElementDiagram('prioritised', {
  tag: 'serviceTask',
  attrs: { 'camunda:type': 'external', 'camunda:topic': TOPIC, 'camunda:taskPriority': '${prio}' },
});

const fetchAll = (usePriority: boolean, sortOrder?: 'asc' | 'desc'): FetchAndLockInput => ({
  workerId: 'w',
  maxTasks: 10,
  usePriority,
  topics: [{ topicName: TOPIC, lockDuration: 60_000 }],
  ...(sortOrder ? { sorting: [{ sortBy: 'createTime', sortOrder }] } : {}),
});

describe('embedded/external-task-fetch: fetch order from two index ranges', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.engine.deploy({ name: 'p', resources: [{ name: 'p.bpmn', content: Buffer.from(diagram) }] });
  });
  afterEach(() => h.close());

  /** Starts one instance per priority, in order; returns their tasks' ids. */
  async function start(...priorities: number[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, prio] of priorities.entries()) {
      const instance = await h.engine.startProcessInstance({
        definitionKey: KEY,
        businessKey: `b${i}`,
        variables: { prio: { type: 'Integer', value: prio } },
      });
      const [task] = await h.engine.listExternalTasks({ processInstanceId: instance.id });
      ids.push(task!.id);
    }
    return ids;
  }

  it('Given an old task whose lock expired and newer never-locked tasks, when fetched in creation order, then the old one comes first', async () => {
    const [oldest, middle, newest] = await start(10, 80, 10);
    await h.engine.lockExternalTask(oldest!, { workerId: 'gone', lockDuration: 1_000 });
    await h.clock.advance(2_000);
    const tasks = await h.engine.fetchAndLock(fetchAll(false));
    expect(tasks.map((t) => t.id)).to.deep.equal([oldest, middle, newest]);
  });

  it('Given the same tasks, when fetched with usePriority, then priority decides first and creation breaks ties across both lock states', async () => {
    const [oldest, middle, newest] = await start(10, 80, 10);
    await h.engine.lockExternalTask(oldest!, { workerId: 'gone', lockDuration: 1_000 });
    await h.clock.advance(2_000);
    const tasks = await h.engine.fetchAndLock(fetchAll(true));
    expect(tasks.map((t) => t.id)).to.deep.equal([middle, oldest, newest]);
  });

  it('Given more fetchable tasks than maxTasks in both lock states, when fetched, then exactly maxTasks come back, the first ones in order', async () => {
    const ids = await start(5, 5, 5, 5);
    await h.engine.lockExternalTask(ids[1]!, { workerId: 'gone', lockDuration: 1_000 });
    await h.engine.lockExternalTask(ids[3]!, { workerId: 'gone', lockDuration: 1_000 });
    await h.clock.advance(2_000);
    const tasks = await h.engine.fetchAndLock({ ...fetchAll(true), maxTasks: 3 });
    expect(tasks.map((t) => t.id)).to.deep.equal(ids.slice(0, 3));
  });

  it('Given the same tasks, when fetched with createTime desc, then the newest comes first across both lock states', async () => {
    const [oldest, middle, newest] = await start(10, 80, 10);
    await h.engine.lockExternalTask(newest!, { workerId: 'gone', lockDuration: 1_000 });
    await h.clock.advance(2_000);
    const tasks = await h.engine.fetchAndLock(fetchAll(false, 'desc'));
    expect(tasks.map((t) => t.id)).to.deep.equal([newest, middle, oldest]);
  });

  it('Given the same tasks, when fetched with usePriority and createTime desc, then priority decides first and the newest breaks ties', async () => {
    const [oldest, middle, newest] = await start(10, 80, 10);
    await h.engine.lockExternalTask(newest!, { workerId: 'gone', lockDuration: 1_000 });
    await h.clock.advance(2_000);
    const tasks = await h.engine.fetchAndLock(fetchAll(true, 'desc'));
    expect(tasks.map((t) => t.id)).to.deep.equal([middle, newest, oldest]);
  });

  it('Given more fetchable tasks than maxTasks, when fetched with createTime desc, then the newest maxTasks come back', async () => {
    const ids = await start(5, 5, 5, 5);
    await h.engine.lockExternalTask(ids[0]!, { workerId: 'gone', lockDuration: 1_000 });
    await h.engine.lockExternalTask(ids[2]!, { workerId: 'gone', lockDuration: 1_000 });
    await h.clock.advance(2_000);
    const tasks = await h.engine.fetchAndLock({ ...fetchAll(true, 'desc'), maxTasks: 3 });
    expect(tasks.map((t) => t.id)).to.deep.equal([ids[3], ids[2], ids[1]]);
  });

  it('Given the schema, when SQLite plans each fetch query, then the unlocked range walks an index in fetch order (no scan, no full sort)', async () => {
    const db = new Database(h.databaseFile, { readonly: true });
    const orders: FetchOrder[] = [false, true].flatMap((usePriority) =>
      [false, true].map((newestFirst) => ({ usePriority, newestFirst })),
    );
    try {
      for (const order of orders) {
        for (const lock of LOCK_STATES) {
          const { text, params } = candidateQuery({ topicName: TOPIC, lockDuration: 1 }, lock, order);
          if (lock !== LOCK_STATES[0]) params.push(0);
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params, 100) as { detail: string }[])
            .map((r) => r.detail)
            .join(' | ');
          expect(plan, plan).to.match(/SEARCH et USING INDEX external_task_/);
          if (lock !== LOCK_STATES[0]) continue;
          // Priority, newest first: the index still gives priority order; only each priority's run is sorted.
          if (order.usePriority && order.newestFirst)
            expect(plan, plan).to.match(/TEMP B-TREE FOR LAST TERM/);
          else expect(plan, plan).not.to.include('TEMP B-TREE');
        }
      }
    } finally {
      db.close();
    }
  });
});
