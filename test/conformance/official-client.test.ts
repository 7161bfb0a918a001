/**
 * The official camunda-external-task-client-js over real HTTP, for everything issue 4 lists:
 * subscribe; complete with typed variables; handleFailure down to an incident; handleBpmnError
 * caught by an error boundary; extendLock; lock-expiry redelivery; local versus process variables;
 * long-poll wake-up; File.load(); Basic auth.
 */
import { expect } from 'chai';
import { Variables } from 'camunda-external-task-client-js';
import { errorBoundaryDiagram, externalTaskDiagram, runSuffix } from './fixtures/diagrams.js';
import { startClient, type TestClient } from './harness/official-client.js';
import { raw } from './harness/raw-http.js';
import { deploy } from './harness/scenario.js';
import { parseCamundaDate } from '../../src/engine/rest-server/wire/date-format.js';
import { forEachTarget, httpTargetNames, openTarget, type Target } from './harness/targets.js';

forEachTarget(
  'The official external task client',
  (target) => {
    const url = () => target().engineRestUrl!;
    const get = async (path: string) =>
      (await raw(url(), 'GET', path, { auth: target().auth })).json as unknown;
    const lockOf = async (id: string) =>
      parseCamundaDate(
        (((await get(`/external-task/${id}`)) as Record<string, unknown>).lockExpirationTime as string) ?? '',
      )!.getTime();

    /**
     * Every test gets its own diagram (so its own topic) and its own client: a stopped client's
     * in-flight long poll can then never lock another test's task.
     */
    let worker: TestClient;
    /** The client's File (3.1); its @types do not declare it. */
    interface LoadableFile {
      filename: string;
      content: Buffer | string;
      load(): Promise<unknown>;
    }
    let d: ReturnType<typeof externalTaskDiagram>;
    let e: ReturnType<typeof errorBoundaryDiagram>;
    beforeEach(async () => {
      const s = runSuffix();
      d = externalTaskDiagram(s);
      e = errorBoundaryDiagram(s);
      await deploy(target().engine, `conf-client-${s}`, [
        { name: d.file, content: d.xml },
        { name: e.file, content: e.xml },
      ]);
      worker = startClient(url(), target().auth);
    });
    afterEach(() => worker.stop());

    const startWork = (variables = {}) =>
      target().engine.startProcessInstance({ definitionKey: d.key, variables });

    it('Given a subscription, When tasks complete with string, json, date, boolean and long, Then the engine stores those types', async () => {
      const queue = worker.subscribe(d.topic);
      const p = await startWork();
      const { task, taskService } = await queue.take();
      expect(task.processInstanceId).to.equal(p.id);
      const due = new Date('2026-12-01T17:00:00.000Z');
      const vars = new Variables()
        .set('outcome', 'agreed')
        .set('parties', { agencies: ['police', 'school'] })
        .set('stage2Due', due)
        .set('resolved', true)
        .set('caseNumber', 5_000_000_000);
      await taskService.complete(task, vars);
      // deserializeValues=false: Camunda would otherwise serialise its internal Spin node for Json.
      const stored = (await get(
        `/history/variable-instance?processInstanceId=${p.id}&deserializeValues=false`,
      )) as {
        name: string;
        type: string;
        value: unknown;
      }[];
      const byName = Object.fromEntries(stored.map((v) => [v.name, [v.type, v.value]]));
      expect(byName).to.deep.equal({
        recordKind: ['String', 'case-record'],
        outcome: ['String', 'agreed'],
        parties: ['Json', '{"agencies":["police","school"]}'],
        stage2Due: ['Date', byName.stage2Due?.[1]],
        resolved: ['Boolean', true],
        caseNumber: ['Long', 5_000_000_000],
      });
      expect(parseCamundaDate(String(byName.stage2Due![1]))!.getTime()).to.equal(due.getTime());
    });

    it('Given a failing handler, When it counts retries down to 0, Then an incident appears', async () => {
      const queue = worker.subscribe(d.topic);
      const p = await startWork();
      const retriesSeen: (number | null)[] = [];
      for (;;) {
        const { task, taskService } = await queue.take();
        retriesSeen.push(task.retries ?? null);
        const retries = task.retries === undefined || task.retries === null ? 2 : task.retries - 1;
        await taskService.handleFailure(task, {
          errorMessage: 'Template missing',
          errorDetails: 'no template',
          retries,
          retryTimeout: 0,
        });
        if (retries === 0) break;
      }
      expect(retriesSeen).to.deep.equal([null, 2, 1]);
      const incidents = (await get(`/incident?processInstanceId=${p.id}`)) as Record<string, unknown>[];
      expect(incidents.map((i) => [i.incidentType, i.activityId, i.incidentMessage])).to.deep.equal([
        ['failedExternalTask', 'Work', 'Template missing'],
      ]);
    });

    it('Given a BPMN error from the handler, When raised, Then the error boundary routes to its user task', async () => {
      const queue = worker.subscribe(e.topic);
      const p = await target().engine.startProcessInstance({ definitionKey: e.key });
      const { task, taskService } = await queue.take();
      await taskService.handleBpmnError(
        task,
        'REJECTED',
        'Not agreed',
        new Variables().set('reason', 'threshold'),
      );
      const tasks = (await get(`/task?processInstanceId=${p.id}`)) as { taskDefinitionKey: string }[];
      expect(tasks.map((t) => t.taskDefinitionKey)).to.deep.equal(['HandleRejection']);
    });

    it('Given a long job, When the handler extends its lock, Then the lock expiry moves later', async () => {
      const queue = worker.subscribe(d.topic);
      await startWork();
      const { task, taskService } = await queue.take();
      const before = await lockOf(task.id!);
      await taskService.extendLock(task, 3_600_000);
      expect(await lockOf(task.id!)).to.be.greaterThan(before);
      await taskService.complete(task);
    });

    it('Given a task whose handler never ends it, When its lock expires, Then it is delivered again', async () => {
      const queue = worker.subscribe(d.topic, { lockDuration: 1_000 });
      const p = await startWork();
      const first = await queue.take();
      const second = await queue.take();
      expect(second.task.id).to.equal(first.task.id);
      expect(second.task.processInstanceId).to.equal(p.id);
      await second.taskService.complete(second.task);
    });

    it('Given process and local variables, When completed, Then local ones stay on the task’s scope', async () => {
      const queue = worker.subscribe(d.topic, { localVariables: true });
      const p = await startWork({ childRef: { type: 'String', value: 'C-9' } });
      const { task, taskService } = await queue.take();
      expect(Object.keys(task.variables.getAll())).to.deep.equal(['recordKind']);
      await taskService.complete(
        task,
        new Variables().set('processLevel', 'p'),
        new Variables().set('taskLevel', 't'),
      );
      const hist = (await get(`/history/variable-instance?processInstanceId=${p.id}`)) as {
        name: string;
        activityInstanceId: string;
      }[];
      const scope = Object.fromEntries(hist.map((v) => [v.name, v.activityInstanceId]));
      expect(scope.processLevel).to.equal(p.id);
      expect(scope.taskLevel).to.match(/^Work:/);
      // The instance has ended, so history is where a leak of taskLevel to the process scope shows.
      const atProcess = hist.filter((v) => v.activityInstanceId === p.id).map((v) => v.name);
      expect(atProcess).to.include('processLevel').and.not.include('taskLevel');
    });

    it('Given a File variable, When the handler loads it, Then File.load() fetches its bytes', async () => {
      const queue = worker.subscribe(d.topic);
      const content = Buffer.from('Appendix A: Stage 4 monitoring information');
      await startWork({
        appendix: {
          type: 'File',
          value: content,
          valueInfo: { filename: 'appendix-a.txt', mimeType: 'text/plain' },
        },
      });
      const { task, taskService } = await queue.take();
      const file = task.variables.get('appendix') as LoadableFile;
      expect(file.filename).to.equal('appendix-a.txt');
      await file.load();
      expect(Buffer.from(file.content as Buffer).toString()).to.equal(content.toString());
      await taskService.complete(task);
    });

    it('Given a waiting long poll, When a task is created, Then that same poll delivers it (no new poll)', async () => {
      const poller = startClient(url(), target().auth, {
        asyncResponseTimeout: 30_000,
        workerId: 'long-poller',
      });
      try {
        const queue = poller.subscribe(d.topic);
        while (poller.polls() === 0) await new Promise((r) => setTimeout(r, 10));
        // Give the first poll time to reach the server and start waiting.
        await new Promise((r) => setTimeout(r, 200));
        const pollsBefore = poller.polls();
        await startWork();
        const { task, taskService } = await queue.take();
        expect(poller.polls()).to.equal(pollsBefore);
        await taskService.complete(task);
      } finally {
        poller.stop();
      }
    });
  },
  httpTargetNames(),
);

describe('The official external task client with Basic auth', () => {
  const credentials = { user: 'worker', password: 'correct horse battery staple' };
  let t: Target;
  before(async () => {
    t = await openTarget(httpTargetNames()[0]!, { auth: credentials });
  });
  after(async () => {
    await t.close();
  });

  it('Given auth on /engine-rest, When a client with BasicAuthInterceptor works and one without polls, Then only the first gets through', async function () {
    if (t.name === 'remote' && !t.auth) {
      // The reference engine runs without auth unless ENGINE_REST_USER/PASSWORD are set: then check the open door.
      expect((await raw(t.engineRestUrl!, 'GET', '/version')).status).to.equal(200);
      return;
    }
    const s = runSuffix();
    const d = externalTaskDiagram(s);
    await deploy(t.engine, `conf-auth-${s}`, [{ name: d.file, content: d.xml }]);
    const intruder = startClient(t.engineRestUrl!, null, { workerId: 'intruder' });
    const good = startClient(t.engineRestUrl!, t.auth);
    try {
      intruder.subscribe(d.topic);
      const queue = good.subscribe(d.topic);
      await t.engine.startProcessInstance({ definitionKey: d.key });
      const { task, taskService } = await queue.take();
      await taskService.complete(task);
      while (intruder.pollErrors.length === 0) await new Promise((r) => setTimeout(r, 10));
      expect(String((intruder.pollErrors[0] as Error).message)).to.contain('401');
      expect((await raw(t.engineRestUrl!, 'GET', '/version', { unchecked: true })).status).to.equal(401);
    } finally {
      intruder.stop();
      good.stop();
    }
  });
});
