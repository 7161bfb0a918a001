/**
 * A "poison" variable: an Object whose serialized JSON nests thousands of levels deep, stored by a
 * release without the input policy (written here straight into SQLite, as it would have been).
 * After a restart every read that deserializes it answers without a 5xx: maps give its serialized
 * form, variable-instance lists give `value: null` and an `errorMessage`, as Camunda does for a
 * value it cannot deserialize. docs/camunda-rest.md, "Input limits".
 */
import { expect } from 'chai';
import Database from 'better-sqlite3';
import { openHarness, type Harness } from '../../../test/engine/harness.js';
import { bpmn } from '../../../test/conformance/fixtures/bpmn-builder.js';
import { externalTaskDiagram } from '../../../test/conformance/fixtures/diagrams.js';
import { MAX_VALUE_DEPTH } from '../../http/input-policy.js';
import { createServer, listen, type RunningServer } from './server.js';

const DEEP = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
const OBJECT_INFO = {
  objectTypeName: 'java.util.LinkedHashMap',
  serializationDataFormat: 'application/json' as const,
};

const reviewDiagram = bpmn({
  key: 'poison_review',
  name: 'Poison: user task',
  elements: [
    { id: 'Start', tag: 'startEvent', col: 0, row: 0 },
    { id: 'Review', tag: 'userTask', col: 1, row: 0, attrs: { name: 'Review' } },
    { id: 'End', tag: 'endEvent', col: 2, row: 0 },
  ],
  flows: [
    { from: 'Start', to: 'Review' },
    { from: 'Review', to: 'End' },
  ],
});

describe('rest-server: an undeserializable Object variable stored by an older release', () => {
  let h: Harness;
  let running: RunningServer;
  const ids = { review: '', work: '', task: '' };
  const external = externalTaskDiagram('poison');

  before(async () => {
    h = await openHarness();
    await h.engine.deploy({
      name: 'poison',
      resources: [
        { name: 'review.bpmn', content: Buffer.from(reviewDiagram) },
        { name: external.file, content: Buffer.from(external.xml) },
      ],
    });
    const variables = { poison: { type: 'Object' as const, value: '{"a":1}', valueInfo: OBJECT_INFO } };
    ids.review = (await h.engine.startProcessInstance({ definitionKey: 'poison_review', variables })).id;
    ids.work = (await h.engine.startProcessInstance({ definitionKey: external.key, variables })).id;
    await h.engine.close();
    // What a release without the policy would have stored: the runtime row and its history.
    const db = new Database(h.databaseFile);
    db.prepare("UPDATE variable SET text_value = ? WHERE name = 'poison'").run(DEEP);
    db.prepare("UPDATE hist_variable SET text_value = ? WHERE name = 'poison'").run(DEEP);
    db.close();
    await h.restart();
    ids.task = (await h.engine.listUserTasks({ processInstanceId: ids.review }))[0]!.id;
    running = await listen(createServer({ engine: h.engine }), 0, '127.0.0.1');
  });
  after(async () => {
    await running.close();
    await h.close();
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${running.engineRestUrl}${path}`, init);
    return { status: res.status, json: (await res.json()) as unknown };
  };
  type Wire = { type: string; value: unknown; valueInfo: unknown };

  /** Paths with `{pi}` (the user-task instance) and `{task}` filled in once they exist. */
  const at = (path: string) => path.replace('{pi}', ids.review).replace('{task}', ids.task);

  for (const path of [
    '/process-instance/{pi}/variables',
    '/process-instance/{pi}/variables?deserializeValues=true',
    '/task/{task}/variables',
    '/task/{task}/form-variables',
  ]) {
    it(`Given the poison variable, When ${path} is read, Then 200 with its serialized form`, async () => {
      const res = await get(at(path));
      expect(res.status).to.equal(200);
      const poison = (res.json as Record<string, Wire>).poison!;
      expect(poison).to.deep.equal({ type: 'Object', value: DEEP, valueInfo: OBJECT_INFO });
    });
  }

  for (const path of ['/process-instance/{pi}/variables/poison', '/execution/{pi}/localVariables/poison']) {
    it(`Given the poison variable, When ${path} is read, Then 200 with its serialized form`, async () => {
      const res = await get(at(path));
      expect(res.status).to.equal(200);
      expect(res.json).to.deep.equal({ type: 'Object', value: DEEP, valueInfo: OBJECT_INFO });
    });
  }

  for (const query of ['', '?processInstanceId={pi}', '?variableName=poison&deserializeValues=true']) {
    it(`Given the poison variable, When /history/variable-instance${query} is listed, Then 200 with value null and an errorMessage naming the limit`, async () => {
      const res = await get(at(`/history/variable-instance${query}`));
      expect(res.status).to.equal(200);
      const rows = (res.json as { name: string; value: unknown; errorMessage: string | null }[]).filter(
        (r) => r.name === 'poison',
      );
      expect(rows.length).to.be.at.least(1);
      for (const row of rows) {
        expect(row.value).to.equal(null);
        expect(row.errorMessage).to.equal(
          `Cannot deserialize object in variable 'poison': its JSON nests deeper than the limit of ${MAX_VALUE_DEPTH} levels`,
        );
      }
    });
  }

  it('Given the poison variable, When history is listed with deserializeValues=false, Then the serialized form and no error', async () => {
    const res = await get(
      `/history/variable-instance?processInstanceId=${ids.review}&deserializeValues=false`,
    );
    expect(res.status).to.equal(200);
    const row = (res.json as { name: string; value: unknown; errorMessage: unknown }[]).find(
      (r) => r.name === 'poison',
    )!;
    expect([row.value, row.errorMessage]).to.deep.equal([DEEP, null]);
  });

  it('Given the poison variable on an external task, When fetched and locked, Then 200 with its serialized form', async () => {
    const res = await get('/external-task/fetchAndLock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        workerId: 'w',
        maxTasks: 1,
        topics: [{ topicName: external.topic, lockDuration: 10_000, deserializeValues: true }],
      }),
    });
    expect(res.status).to.equal(200);
    const [task] = res.json as { variables: Record<string, Wire> }[];
    expect(task!.variables.poison!.value).to.equal(DEEP);
  });

  it('Given the poison variable, When the task is completed with variables in return, Then 200', async () => {
    const res = await get(`/task/${ids.task}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ withVariablesInReturn: true }),
    });
    expect(res.status).to.equal(200);
    expect((res.json as Record<string, Wire>).poison!.value).to.equal(DEEP);
  });
});
