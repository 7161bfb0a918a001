/**
 * The deliberate differences of our /engine-rest from Camunda 7 / Operaton (docs/camunda-rest.md, "Differences"),
 * each pinned over real HTTP on our server and on Operaton: Operaton's answer on Operaton, ours on ours. The
 * hostile-input ones (body limit, path traversal) are pinned in hostile.test.ts, malformed XML in
 * deployments.test.ts, shutdown in test/reference-engine/shutdown.reference.test.ts.
 */
import { expect } from 'chai';
import { failingTimerDiagram } from './fixtures/difference-diagrams.js';
import { messageDiagram, runSuffix, externalTaskDiagram, userTaskDiagram } from './fixtures/diagrams.js';
import { raw, type RawOptions } from './harness/raw-http.js';
import { deploy, fetchOne } from './harness/scenario.js';
import { forEachTarget, httpTargetNames } from './harness/targets.js';

type Answer = { status: number; json: unknown };
const body = (a: Answer) => a.json as { type: string; message: string };

forEachTarget(
  'Deliberate differences of the REST API',
  (target) => {
    const ours = () => target().name !== 'remote';
    const call = (method: string, path: string, options: RawOptions = {}) =>
      raw(target().engineRestUrl!, method, path, { auth: target().auth, unchecked: !ours(), ...options });
    const started = async () => {
      const d = externalTaskDiagram(runSuffix());
      await deploy(target().engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
      return { d, p: await target().engine.startProcessInstance({ definitionKey: d.key }) };
    };

    it('Given unknown ids, When read or acted on, Then ours answers 404 everywhere and Operaton mostly 500', async () => {
      const calls: [string, string, unknown?][] = [
        ['GET', '/process-instance/nope/variables'],
        ['POST', '/process-instance/nope/variables', { modifications: {} }],
        ['POST', '/task/nope/claim', { userId: 'u' }],
        ['POST', '/task/nope/complete', {}],
        ['GET', '/task/nope/variables'],
        ['GET', '/task/nope/deployed-form'],
        ['PUT', '/job/nope/duedate', { duedate: null }],
        ['PUT', '/job/nope/retries', { retries: 1 }],
        ['GET', '/deployment/nope/resources/x/data'],
        ['GET', '/external-task/nope/errorDetails'],
        ['GET', '/execution/nope/localVariables/x'],
        ['POST', '/process-definition/nope/start', {}],
      ];
      for (const [method, path, json] of calls) {
        const answer = await call(method, path, json === undefined ? {} : { json });
        expect([path, answer.status]).to.deep.equal([path, ours() ? 404 : 500]);
      }
    });

    it('Given fetchAndLock without workerId or lockDuration, or with a numeric string, Then ours answers 400 naming the field; Operaton 500s and coerces', async () => {
      const topic = { topicName: `t-${runSuffix()}`, lockDuration: 1000 };
      const noWorker = await call('POST', '/external-task/fetchAndLock', {
        json: { maxTasks: 1, topics: [topic] },
      });
      const noLock = await call('POST', '/external-task/fetchAndLock', {
        json: { workerId: 'w', maxTasks: 1, topics: [{ topicName: topic.topicName }] },
      });
      const text = await call('POST', '/external-task/fetchAndLock', {
        json: { workerId: 'w', maxTasks: '10', topics: [topic] },
      });
      if (ours()) {
        expect([noWorker.status, noLock.status, text.status]).to.deep.equal([400, 400, 400]);
        expect(body(noWorker).message).to.contain("'workerId'");
        expect(body(noLock).message).to.contain("'topics.0.lockDuration'");
        expect(body(text).message).to.contain("'maxTasks'");
      } else {
        expect([noWorker.status, body(noWorker).type]).to.deep.equal([500, 'NullValueException']);
        expect([noLock.status, body(noLock).message]).to.deep.equal([500, 'lockTime is not greater than 0']);
        expect(text.status).to.equal(200);
      }
    });

    it('Given a bad paging value, When listing, Then ours answers 400 in Camunda’s converter words and Operaton 404 QueryParamException', async () => {
      const answer = await call('GET', '/process-definition?maxResults=lots');
      expect([answer.status, body(answer).type]).to.deep.equal(
        ours() ? [400, 'InvalidRequestException'] : [404, 'QueryParamException'],
      );
    });

    it('Given a deployment of 101 parts, or one naming a resource twice, Then ours refuses it and Operaton deploys it', async () => {
      const many = new FormData();
      many.append('deployment-name', `parts-${runSuffix()}`);
      for (let i = 0; i < 101; i++) many.append(`note-${i}.txt`, new Blob(['note']), `note-${i}.txt`);
      const twice = new FormData();
      twice.append('deployment-name', `twice-${runSuffix()}`);
      twice.append('data', new Blob(['one']), 'a.txt');
      twice.append('data', new Blob(['two']), 'a.txt');
      const a = await call('POST', '/deployment/create', { body: many });
      const b = await call('POST', '/deployment/create', { body: twice });
      if (ours()) {
        expect([a.status, b.status]).to.deep.equal([413, 400]);
        expect(body(b).message).to.contain("'a.txt' appears twice");
      } else {
        expect([a.status, b.status]).to.deep.equal([200, 200]);
        const resources = await call('GET', `/deployment/${(b.json as { id: string }).id}/resources`);
        expect(resources.json).to.have.length(1); // the later part overwrote the earlier one
      }
    });

    it('Given a valid diagram of more than 5 MB, When deployed, Then ours refuses it and Operaton deploys it', async () => {
      const d = externalTaskDiagram(runSuffix());
      const padded = d.xml.replace(
        '</bpmn:definitions>',
        `<!-- ${'x'.repeat(5.5 * 1024 * 1024)} -->\n</bpmn:definitions>`,
      );
      const form = new FormData();
      form.append('deployment-name', `big-${d.key}`);
      form.append(d.file, new Blob([padded]), d.file);
      const answer = await call('POST', '/deployment/create', { body: form });
      if (ours()) expect(answer.status).to.equal(413);
      else expect(answer.status).to.equal(200);
    });

    it('Given variable values Camunda would store but not read back as JSON, When written, Then ours refuses them and Operaton accepts', async () => {
      const { p } = await started();
      const put = (json: unknown) => call('PUT', `/process-instance/${p.id}/variables/v`, { json });
      const cases = [
        { value: 'x', type: 'sTRING' }, // ours: any case; Operaton lower-cases the first letter only
        { value: '{not json', type: 'Json' },
        { value: { a: 1 } }, // Operaton: a Java-serialized LinkedHashMap
        { value: [1, 2] },
      ];
      const statuses = [];
      for (const json of cases) statuses.push((await put(json)).status);
      expect(statuses).to.deep.equal(ours() ? [204, 400, 400, 400] : [400, 204, 204, 204]);
      const javaSerialized = await put({
        value: 'rO0ABXQAAXg=',
        type: 'Object',
        valueInfo: {
          objectTypeName: 'java.lang.String',
          serializationDataFormat: 'application/x-java-serialized-object',
        },
      });
      expect(javaSerialized.status).to.equal(ours() ? 400 : 500);
    });

    it('Given a user task with a Camunda Form, When listed and claimed, Then ours says camundaFormRef and keeps taskState Created; Operaton says operatonFormRef and Updated', async () => {
      const u = userTaskDiagram(runSuffix());
      await deploy(target().engine, `conf-${u.key}`, [
        { name: u.file, content: u.xml },
        { name: u.formFile, content: u.form },
      ]);
      const p = await target().engine.startProcessInstance({
        definitionKey: u.key,
        variables: { stageDue: { type: 'Date', value: new Date(Date.now() + 86_400_000) } },
      });
      const [task] = (await call('GET', `/task?processInstanceId=${p.id}`)).json as Record<string, unknown>[];
      const formRef = ours() ? 'camundaFormRef' : 'operatonFormRef';
      expect(task![formRef]).to.deep.include({ key: u.formId, binding: 'latest' });
      await call('POST', `/task/${String(task!.id)}/claim`, { json: { userId: 'lead' } });
      const claimed = (await call('GET', `/task/${String(task!.id)}`)).json as Record<string, unknown>;
      if (ours()) expect(claimed).to.include({ taskState: 'Created', lastUpdated: null, assignee: 'lead' });
      else
        expect(claimed)
          .to.include({ taskState: 'Updated', assignee: 'lead' })
          .and.not.include({ lastUpdated: null });
    });

    it('Given a Json variable, When history reads it deserialized (the default), Then ours sends the JSON text and Operaton its Spin node', async () => {
      const { p } = await started();
      await call('PUT', `/process-instance/${p.id}/variables/plan`, {
        json: { value: '{"by":"Friday"}', type: 'Json' },
      });
      const [v] = (
        await call('GET', `/history/variable-instance?processInstanceId=${p.id}&variableName=plan`)
      ).json as { value: unknown }[];
      if (ours()) expect(v!.value).to.equal('{"by":"Friday"}');
      else expect(v!.value).to.deep.include({ nodeType: 'OBJECT', dataFormatName: 'application/json' });
    });

    it('Given a failed external task’s incident, When history reads it, Then historyConfiguration is null on ours and an external-task log id on Operaton', async () => {
      const { d, p } = await started();
      const task = await fetchOne(target().engine, d.topic);
      await target().engine.handleExternalTaskFailure(task.id, {
        workerId: 'conformance-worker',
        errorMessage: 'down',
        retries: 0,
        retryTimeout: 0,
      });
      const [incident] = (await call('GET', `/history/incident?processInstanceId=${p.id}`)).json as {
        historyConfiguration: string | null;
      }[];
      if (ours()) expect(incident!.historyConfiguration).to.equal(null);
      else expect(incident!.historyConfiguration).to.be.a('string').and.not.equal(task.id);
    });

    it('Given two instances waiting for one message, When it is correlated without all, Then both refuse; the exception is named org.camunda… by ours and org.operaton… by Operaton, and ours shortens the correlation set', async () => {
      const m = messageDiagram(runSuffix());
      await deploy(target().engine, `conf-${m.key}`, [{ name: m.file, content: m.xml }]);
      const businessKey = `MSG-${runSuffix()}`;
      for (let i = 0; i < 2; i++)
        await target().engine.startProcessInstance({ definitionKey: m.key, businessKey });
      const answer = await call('POST', '/message', { json: { messageName: m.message, businessKey } });
      expect(answer.status).to.equal(400);
      const prefix = ours() ? 'org.camunda' : 'org.operaton';
      expect(body(answer).message).to.match(
        new RegExp(
          `^${prefix}\\.bpm\\.engine\\.MismatchingMessageCorrelationException: ENGINE-13031 .* 2 executions match`,
        ),
      );
      if (!ours()) expect(body(answer).message).to.contain('isExecutionsOnly=');
      else expect(body(answer).message).to.not.contain('isExecutionsOnly=');
    });

    it('Given an intermediate timer whose next step fails, When its job runs out of retries, Then the incident names the job’s definition on both; its jobType and jobConfiguration differ', async () => {
      const d = failingTimerDiagram(runSuffix());
      await deploy(target().engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);
      const p = await target().engine.startProcessInstance({ definitionKey: d.key });
      const [job] = (await call('GET', `/job?processInstanceId=${p.id}`)).json as {
        id: string;
        jobDefinitionId: string;
      }[];
      for (let i = 0; i < 3; i++)
        expect((await call('POST', `/job/${job!.id}/execute`)).status).to.equal(404);
      const [incident] = (await call('GET', `/incident?processInstanceId=${p.id}`)).json as Record<
        string,
        unknown
      >[];
      expect(incident).to.include({
        incidentType: 'failedJob',
        activityId: 'Wait',
        failedActivityId: 'Route',
      });
      expect(incident!.jobDefinitionId).to.equal(job!.jobDefinitionId);
      const [definition] = (await call('GET', `/job-definition?jobDefinitionId=${job!.jobDefinitionId}`))
        .json as {
        jobType: string;
        jobConfiguration: string | null;
      }[];
      // Ours serves a minimal /job-definition (docs/camunda-rest.md): one jobType for every timer, no configuration.
      expect(definition).to.deep.include(
        ours()
          ? { jobType: 'timer-transition', jobConfiguration: null }
          : { jobType: 'timer-intermediate-transition', jobConfiguration: 'DURATION: PT1H' },
      );
    });

    it('Given a running instance, When it is suspended over REST, Then ours answers 404 (not served) and Operaton 204', async () => {
      const { p } = await started();
      const answer = await call('PUT', `/process-instance/${p.id}/suspended`, { json: { suspended: true } });
      expect(answer.status).to.equal(ours() ? 404 : 204);
    });
  },
  httpTargetNames(),
);
