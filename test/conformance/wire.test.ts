/**
 * Wire rules the real clients depend on: exact `Content-Type: application/json`, Camunda's date
 * format, capitalised type names whatever case was sent, and Camunda's error bodies.
 */
import { expect } from 'chai';
import { externalTaskDiagram, runSuffix } from './fixtures/diagrams.js';
import { CAMUNDA_DATE } from './golden/normalize.js';
import { raw } from './harness/raw-http.js';
import { deploy } from './harness/scenario.js';
import { forEachTarget, httpTargetNames } from './harness/targets.js';

forEachTarget(
  'Wire format',
  (target) => {
    const call = (method: string, path: string, json?: unknown) =>
      raw(target().engineRestUrl!, method, path, {
        auth: target().auth,
        ...(json === undefined ? {} : { json }),
      });
    let d: ReturnType<typeof externalTaskDiagram>;

    before(async () => {
      d = externalTaskDiagram(runSuffix());
      await deploy(target().engine, `conf-wire-${d.key}`, [{ name: d.file, content: d.xml }]);
    });

    it('Given any JSON answer, When received, Then Content-Type is exactly application/json', async () => {
      for (const path of [
        '/version',
        '/engine',
        '/deployment?maxResults=1',
        `/process-definition/key/${d.key}`,
        '/no-such-resource',
      ]) {
        const res = await call('GET', path);
        expect(res.headers.get('content-type'), path).to.equal('application/json');
        expect(res.headers.get('cache-control'), path).to.equal('no-cache');
      }
    });

    it('Given type names in lower case, When a start sends them, Then they come back capitalised with Camunda dates', async () => {
      const res = await call('POST', `/process-definition/key/${d.key}/start`, {
        withVariablesInReturn: true,
        variables: {
          s: { value: 'x', type: 'string' },
          l: { value: 5_000_000_000, type: 'long' },
          b: { value: true, type: 'boolean' },
          j: { value: '{"a":1}', type: 'json' },
          due: { value: '2026-11-23T14:00:00.000+0000', type: 'date' },
        },
      });
      expect(res.status).to.equal(200);
      const vars = (res.json as { variables: Record<string, { type: string; value: unknown }> }).variables;
      expect(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.type]))).to.deep.equal({
        s: 'String',
        l: 'Long',
        b: 'Boolean',
        j: 'Json',
        due: 'Date',
      });
      expect(vars.due!.value).to.match(CAMUNDA_DATE);
      expect(vars.due!.value).to.equal('2026-11-23T14:00:00.000+0000');
    });

    it('Given an unknown id, When read, Then 404 with Camunda’s { type, message } body', async () => {
      const res = await call('GET', '/process-instance/no-such-instance');
      expect(res.status).to.equal(404);
      expect(res.json).to.include({
        type: 'InvalidRequestException',
        message: 'Process instance with id no-such-instance does not exist',
      });
      const task = await call('GET', '/external-task/no-such-task');
      expect(task.status).to.equal(404);
      expect(task.json).to.include({
        type: 'RestException',
        message: 'External task with id no-such-task does not exist',
      });
    });

    it('Given a task locked by one worker, When another completes it, Then 400 and the task is unchanged', async () => {
      await call('POST', `/process-definition/key/${d.key}/start`, {});
      const [task] = (
        await call('POST', '/external-task/fetchAndLock', {
          workerId: 'a',
          maxTasks: 1,
          topics: [{ topicName: d.topic, lockDuration: 60_000 }],
        })
      ).json as { id: string }[];
      const res = await call('POST', `/external-task/${task!.id}/complete`, { workerId: 'b' });
      expect(res.status).to.equal(400);
      expect((res.json as { type: string }).type).to.equal('RestException');
      expect(
        ((await call('GET', `/external-task/${task!.id}`)).json as { workerId: string }).workerId,
      ).to.equal('a');
    });

    it('Given dates in answers, When read, Then every one is in Camunda’s format', async () => {
      await call('POST', `/process-definition/key/${d.key}/start`, {});
      const [task] = (
        await call('POST', '/external-task/fetchAndLock', {
          workerId: 'a',
          maxTasks: 1,
          topics: [{ topicName: d.topic, lockDuration: 60_000 }],
        })
      ).json as { lockExpirationTime: string }[];
      expect(task?.lockExpirationTime, 'the locked task').to.match(CAMUNDA_DATE);
      const [dep] = (await call('GET', '/deployment?sortBy=deploymentTime&sortOrder=desc&maxResults=1'))
        .json as { deploymentTime: string }[];
      expect(dep!.deploymentTime).to.match(CAMUNDA_DATE);
    });
  },
  httpTargetNames(),
);
