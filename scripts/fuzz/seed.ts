/**
 * Seeds a fresh server for fuzzing, over its own REST API: the conformance suite's diagrams (an
 * external task, a user task with a Camunda Form, a timer on `${stageDue}`), instances carrying a
 * variable of each type, locked external tasks, a user task and a timer job. Returns the ids, by
 * resource and path parameter, for {@link fuzzingDocument}.
 */
import {
  externalTaskDiagram,
  timerDiagram,
  userTaskDiagram,
} from '../../test/conformance/fixtures/diagrams.js';
import type { SeededIds } from './document.js';

/** One seeded call's answer. */
type Answer = Record<string, unknown> & { id?: string };

/** Calls the API with Basic auth; a failure stops the seeding (the server is broken, not fuzzed). */
function client(baseUrl: string, auth: string) {
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const form = body instanceof FormData;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: auth, ...(body && !form ? { 'content-type': 'application/json' } : {}) },
      body: form ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`seeding: ${method} ${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
}

const OBJECT_INFO = {
  objectTypeName: 'java.util.LinkedHashMap',
  serializationDataFormat: 'application/json',
};

/** A variable of each type the wire carries. */
const EVERY_TYPE = {
  aString: { type: 'String', value: 'ESC-0001' },
  anInteger: { type: 'Integer', value: 42 },
  aDate: { type: 'Date', value: '2026-11-23T14:00:00.000+0000' },
  aJson: { type: 'Json', value: '{"stage":2}' },
  anObject: { type: 'Object', value: '{"level":"manager"}', valueInfo: OBJECT_INFO },
  aFile: {
    type: 'File',
    value: Buffer.from('%PDF-1.4').toString('base64'),
    valueInfo: { filename: 'a.pdf' },
  },
  someBytes: { type: 'Bytes', value: 'AAEC' },
};

/**
 * The conformance diagrams, made to start and run without variables: a diagram whose expression
 * needs a variable the request lacks answers 500 ProcessEngineException, as Camunda does
 * (docs/camunda-rest.md, "Errors"), which a fuzzer that sends no such variable would report.
 */
function fuzzDiagrams() {
  const ext = externalTaskDiagram('fuzz');
  const user = userTaskDiagram('fuzz');
  const timer = timerDiagram('fuzz');
  user.xml = user.xml.replace(' camunda:dueDate="${stageDue}"', '');
  timer.xml = timer.xml.replace(
    '<bpmn:timeDate xsi:type="bpmn:tFormalExpression">${stageDue}</bpmn:timeDate>',
    '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P30D</bpmn:timeDuration>',
  );
  return [ext, user, timer] as const;
}

type Call = ReturnType<typeof client>;

/** Deploys the fuzzing diagrams (and the user task's form) as one deployment. */
async function deploy(call: Call, [ext, user, timer]: ReturnType<typeof fuzzDiagrams>) {
  const form = new FormData();
  form.append('deployment-name', 'fuzz');
  for (const [name, text] of [
    [ext.file, ext.xml],
    [user.file, user.xml],
    [user.formFile, user.form],
    [timer.file, timer.xml],
  ])
    form.append(name!, new Blob([text!]), name!);
  const deployment = (await call('POST', '/deployment/create', form)) as Answer;
  const resources = (await call('GET', `/deployment/${deployment.id}/resources`)) as Answer[];
  const definitions = (await call('GET', `/process-definition?deploymentId=${deployment.id}`)) as Answer[];
  return { deployment, resources, definitions };
}

/** Seeds the server at `baseUrl` (…/engine-rest) and returns the ids to fuzz with. */
export async function seed(baseUrl: string, auth: { user: string; password: string }): Promise<SeededIds> {
  const call = client(baseUrl, `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`);
  const [ext, user, timer] = fuzzDiagrams();
  const { deployment, resources, definitions } = await deploy(call, [ext, user, timer]);
  const start = async (key: string, variables: unknown) =>
    (
      (await call('POST', `/process-definition/key/${key}/start`, {
        businessKey: 'FUZZ',
        variables,
      })) as Answer
    ).id!;
  // Three of each: the fuzzer completes, deletes and executes some of them early.
  const instances: string[] = [];
  for (const key of [ext.key, user.key, timer.key]) {
    for (let i = 0; i < 3; i++) instances.push(await start(key, EVERY_TYPE));
  }
  const locked = (await call('POST', '/external-task/fetchAndLock', {
    workerId: 'fuzz',
    maxTasks: 10,
    topics: [
      { topicName: ext.topic, lockDuration: 600_000 },
      { topicName: timer.topic, lockDuration: 600_000 },
    ],
  })) as Answer[];
  // Completing the timer diagram's first task arms its timer: a job to read, move and execute.
  for (const first of locked.filter((t) => t.topicName === timer.topic)) {
    await call('POST', `/external-task/${first.id}/complete`, { workerId: 'fuzz' });
  }
  const externalTasks = (await call('GET', '/external-task')) as Answer[];
  const tasks = (await call('GET', `/task?processDefinitionKey=${user.key}`)) as Answer[];
  const jobs = (await call('GET', `/job?processDefinitionKey=${timer.key}`)) as Answer[];
  const varName = Object.keys(EVERY_TYPE);
  return {
    deployment: { id: [deployment.id!], resourceId: resources.map((r) => r.id!) },
    'process-definition': { id: definitions.map((d) => d.id!), key: [ext.key, user.key, timer.key] },
    'process-instance': { id: instances, varName },
    execution: { id: instances, varName },
    'external-task': { id: externalTasks.map((t) => t.id!) },
    task: { id: tasks.map((t) => t.id!) },
    job: { id: jobs.map((j) => j.id!) },
    'history/process-instance': { id: instances },
  };
}
