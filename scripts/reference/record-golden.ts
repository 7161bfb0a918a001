/**
 * npm run reference:record-golden
 * Starts a fresh reference engine (Operaton), makes the main calls of our REST surface against it and
 * writes one normalised golden file per call to test/conformance/golden/<name>.json (see README there).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startReferenceEngine } from '../../test/reference-engine/launcher.js';
import { normalizeBody, normalizeString, type GoldenFile } from '../../test/conformance/golden/normalize.js';

const goldenDir = resolve('test/conformance/golden');
const fixtures = resolve('test/reference-engine/fixtures');
type Answer = { status: number; contentType: string | null; json: unknown; text: string };

let base = '';
let recordedOn = '';

async function call(method: string, path: string, body?: unknown, multipart?: FormData): Promise<Answer> {
  const init: RequestInit = { method };
  if (multipart) init.body = multipart;
  else if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  const json = contentType === 'application/json' && text ? (JSON.parse(text) as unknown) : undefined;
  return { status: response.status, contentType, json, text };
}

/** Makes a call and writes its golden file. `template` is the path as documented, with {ids}. */
async function record(
  name: string,
  description: string,
  method: string,
  path: string,
  template: string,
  body?: unknown,
  multipart?: Record<string, string>,
): Promise<Answer> {
  let form: FormData | undefined;
  if (multipart) {
    form = new FormData();
    for (const [field, value] of Object.entries(multipart)) {
      if (value.startsWith('@'))
        form.append(field, new Blob([readFileSync(join(fixtures, value.slice(1)))]), value.slice(1));
      else form.append(field, value);
    }
  }
  const answer = await call(method, path, body, form);
  const golden: GoldenFile = {
    name,
    description,
    request: {
      method,
      path: template,
      ...(body !== undefined ? { body } : {}),
      ...(multipart ? { multipart } : {}),
    },
    status: answer.status,
    headers: { 'content-type': answer.contentType },
    body:
      answer.json !== undefined
        ? normalizeBody(answer.json)
        : answer.text
          ? normalizeString(answer.text.slice(0, 2000))
          : null,
    recordedOn,
  };
  writeFileSync(join(goldenDir, `${name}.json`), `${JSON.stringify(golden, null, 2)}\n`);
  return answer;
}

const modelerDeploy = {
  'deployment-name': 'ref-external',
  'deployment-source': 'Camunda Modeler',
  'enable-duplicate-filtering': 'true',
  'ref-external.bpmn': '@ref-external.bpmn',
  'ref-outcome.form': '@ref-outcome.form',
};
const lockBody = (businessKey: string) => ({
  workerId: 'w1',
  maxTasks: 1,
  topics: [{ topicName: 'ref-work', lockDuration: 60000, businessKey, includeExtensionProperties: true }],
});
const first = (answer: Answer) => (answer.json as { id: string }[])[0]!.id;
const idOf = (answer: Answer) => (answer.json as { id: string }).id;

async function basics(): Promise<void> {
  await record('version', 'GET /version', 'GET', '/version', '/version');
  await record('engine', 'GET /engine', 'GET', '/engine', '/engine');
  await record(
    'deployment-list-empty',
    'Modeler connection check',
    'GET',
    '/deployment?maxResults=0',
    '/deployment?maxResults=0',
  );
  await record(
    'deployment-create-modeler',
    'Deploy as Camunda Modeler 5 does',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    modelerDeploy,
  );
  await record(
    'deployment-create-duplicate',
    'The same deploy again: the old deployment, deployedProcessDefinitions null',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    modelerDeploy,
  );
  await record(
    'deployment-create-no-httl',
    'A process without historyTimeToLive: 400 ParseException with details',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    {
      'deployment-name': 'bad',
      'no-httl.bpmn': '@rejected/no-httl.bpmn',
    },
  );
  await record(
    'deployment-create-malformed',
    'Malformed XML: 500 ProcessEngineException',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    {
      'deployment-name': 'bad',
      'malformed.bpmn': '@rejected/malformed.bpmn',
    },
  );
  await record(
    'process-definition-by-key',
    'GET /process-definition/key/{key}',
    'GET',
    '/process-definition/key/ref-external',
    '/process-definition/key/{key}',
  );
  await record(
    'process-definition-start-unknown',
    'Start an unknown key: 404',
    'POST',
    '/process-definition/key/no-such/start',
    '/process-definition/key/{key}/start',
    {},
  );
  await record(
    'bad-json-body',
    'Malformed JSON: 400 text/plain',
    'POST',
    '/process-definition/key/ref-external/start',
    '/process-definition/key/{key}/start',
    '{"variables": {',
  );
}

async function variables(): Promise<string> {
  const start = await record(
    'process-start-typed-variables',
    'Start by key with businessKey, every type, withVariablesInReturn',
    'POST',
    '/process-definition/key/ref-external/start',
    '/process-definition/key/{key}/start',
    {
      businessKey: 'ESC-0001',
      withVariablesInReturn: true,
      variables: {
        aString: { value: 'text', type: 'String' },
        aBoolean: { value: true, type: 'Boolean' },
        anInteger: { value: 42, type: 'Integer' },
        aLong: { value: 9007199254740991, type: 'Long' },
        aDouble: { value: 1.5, type: 'Double' },
        aDate: { value: '2026-11-23T14:00:00.000+0000', type: 'Date' },
        aNull: { value: null, type: 'Null' },
        aJson: { value: '{"plan":{"by":"2026-12-01"}}', type: 'Json' },
        anObject: {
          value: '{"role":"lead"}',
          type: 'Object',
          valueInfo: {
            objectTypeName: 'java.util.LinkedHashMap',
            serializationDataFormat: 'application/json',
          },
        },
        someBytes: { value: 'aGVsbG8=', type: 'Bytes' },
        aFile: {
          value: 'aGVsbG8=',
          type: 'File',
          valueInfo: { filename: 'note.txt', mimetype: 'text/plain', encoding: 'UTF-8' },
        },
      },
    },
  );
  const pi = idOf(start);
  await record(
    'process-instance-variables-serialized',
    'GET variables with deserializeValues=false',
    'GET',
    `/process-instance/${pi}/variables?deserializeValues=false`,
    '/process-instance/{id}/variables?deserializeValues=false',
  );
  await record(
    'process-instance-get',
    'GET /process-instance/{id}',
    'GET',
    `/process-instance/${pi}`,
    '/process-instance/{id}',
  );
  await record(
    'process-instance-unknown',
    'Unknown instance: 404',
    'GET',
    '/process-instance/unknown-id',
    '/process-instance/{id}',
  );
  await record(
    'process-instance-activity-instances',
    'Activity instance tree',
    'GET',
    `/process-instance/${pi}/activity-instances`,
    '/process-instance/{id}/activity-instances',
  );
  await record(
    'variable-unknown-type',
    'Unknown variable type: 400',
    'PUT',
    `/process-instance/${pi}/variables/x`,
    '/process-instance/{id}/variables/{name}',
    { value: '1', type: 'Money' },
  );
  await record(
    'variable-date-iso-z',
    'A Date in ISO format with Z: 400',
    'PUT',
    `/process-instance/${pi}/variables/aDate`,
    '/process-instance/{id}/variables/{name}',
    { value: '2026-07-01T08:30:00Z', type: 'Date' },
  );
  await record(
    'variable-file-data',
    'File variable content',
    'GET',
    `/process-instance/${pi}/variables/aFile/data`,
    '/process-instance/{id}/variables/{name}/data',
  );
  return pi;
}

async function externalTasks(): Promise<void> {
  const fetched = await record(
    'external-task-fetch-and-lock',
    'fetchAndLock with includeExtensionProperties',
    'POST',
    '/external-task/fetchAndLock',
    '/external-task/fetchAndLock',
    lockBody('ESC-0001'),
  );
  const task = first(fetched);
  await record(
    'external-task-get',
    'GET /external-task/{id}',
    'GET',
    `/external-task/${task}`,
    '/external-task/{id}',
  );
  await record(
    'external-task-complete-wrong-worker',
    'Complete by another worker: 400',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'intruder' },
  );
  await record(
    'external-task-complete',
    'Complete by the owner: 204',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'w1', variables: { result: { value: 'ok', type: 'String' } } },
  );
  await record(
    'external-task-complete-twice',
    'Complete again: 404',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'w1' },
  );
  await record(
    'external-task-unknown',
    'GET an unknown external task: 404',
    'GET',
    '/external-task/unknown',
    '/external-task/{id}',
  );
  await call('POST', '/process-definition/key/ref-external/start', { businessKey: 'ESC-0002' });
  const failing = first(await call('POST', '/external-task/fetchAndLock', lockBody('ESC-0002')));
  await record(
    'external-task-failure-last-retry',
    'failure with retries 0: 204',
    'POST',
    `/external-task/${failing}/failure`,
    '/external-task/{id}/failure',
    { workerId: 'w1', errorMessage: 'SMTP down', errorDetails: 'details', retries: 0, retryTimeout: 0 },
  );
  await record(
    'incident-list',
    'The failedExternalTask incident',
    'GET',
    '/incident?incidentType=failedExternalTask',
    '/incident?incidentType=failedExternalTask',
  );
  await record(
    'external-task-error-details',
    'errorDetails: text/plain',
    'GET',
    `/external-task/${failing}/errorDetails`,
    '/external-task/{id}/errorDetails',
  );
  await record(
    'external-task-retries-negative',
    'PUT retries -1: 400',
    'PUT',
    `/external-task/${failing}/retries`,
    '/external-task/{id}/retries',
    { retries: -1 },
  );
  await record(
    'external-task-fetch-no-worker',
    'fetchAndLock without workerId: 500 (Operaton)',
    'POST',
    '/external-task/fetchAndLock',
    '/external-task/fetchAndLock',
    { maxTasks: 1, topics: [] },
  );
}

async function timersAndTasks(): Promise<void> {
  await call('POST', '/process-definition/key/ref-timer-var/start', { businessKey: 'TIMER-1' });
  const task = first(
    await call('POST', '/external-task/fetchAndLock', {
      workerId: 'w1',
      maxTasks: 1,
      topics: [{ topicName: 'ref-schedule', lockDuration: 60000 }],
    }),
  );
  await record(
    'external-task-complete-unknown-property',
    'Completion that evaluates ${stageDue} with no such variable: 500',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'w1', variables: { path: { value: 'timer', type: 'String' } } },
  );
  await call('POST', `/external-task/${task}/complete`, {
    workerId: 'w1',
    variables: {
      path: { value: 'timer', type: 'String' },
      stageDue: { value: '2026-12-01T17:00:00.000+0000', type: 'Date' },
    },
  });
  const jobs = await record(
    'job-list-timers',
    'GET /job?timers=true',
    'GET',
    '/job?timers=true&activityId=StageDue',
    '/job?timers=true',
  );
  const job = first(jobs);
  await record('job-get', 'GET /job/{id}', 'GET', `/job/${job}`, '/job/{id}');
  await record(
    'job-duedate',
    'PUT /job/{id}/duedate: 204',
    'PUT',
    `/job/${job}/duedate`,
    '/job/{id}/duedate',
    { duedate: '2026-11-30T09:00:00.000+0000' },
  );
  const userTasks = await record(
    'task-list',
    'GET /task?processDefinitionKey=ref-timer-var',
    'GET',
    '/task?processDefinitionKey=ref-timer-var',
    '/task?processDefinitionKey={key}',
  );
  await record(
    'job-execute',
    'POST /job/{id}/execute: 204',
    'POST',
    `/job/${job}/execute`,
    '/job/{id}/execute',
  );
  await record('job-unknown', 'GET an unknown job: 404', 'GET', '/job/unknown', '/job/{id}');
  await record(
    'history-activity-instance',
    'History of the timer path',
    'GET',
    `/history/activity-instance?processInstanceId=${(userTasks.json as { processInstanceId: string }[])[0]!.processInstanceId}&sortBy=startTime&sortOrder=asc`,
    '/history/activity-instance?processInstanceId={id}',
  );
  await call('POST', '/process-definition/key/ref-failing-timer/start', { businessKey: 'JOB-1' });
  const failing = first(await call('GET', '/job?processDefinitionKey=ref-failing-timer'));
  await record(
    'job-execute-failing',
    'Executing a job that fails: 404 InvalidRequestException (sic)',
    'POST',
    `/job/${failing}/execute`,
    '/job/{id}/execute',
  );
}

async function userTasksAndMessages(pi: string): Promise<void> {
  const review = first(await call('GET', `/task?processInstanceId=${pi}`));
  await record(
    'task-form',
    'GET /task/{id}/form (operatonFormRef on Operaton, camundaFormRef on Camunda 7)',
    'GET',
    `/task/${review}/form`,
    '/task/{id}/form',
  );
  await record(
    'task-deployed-form',
    'The Camunda Form JSON',
    'GET',
    `/task/${review}/deployed-form`,
    '/task/{id}/deployed-form',
  );
  await record(
    'task-form-variables',
    'GET /task/{id}/form-variables',
    'GET',
    `/task/${review}/form-variables`,
    '/task/{id}/form-variables',
  );
  await record('task-claim', 'claim: 204', 'POST', `/task/${review}/claim`, '/task/{id}/claim', {
    userId: 'alice',
  });
  await record(
    'task-claim-taken',
    'claim by someone else: 500 TaskAlreadyClaimedException',
    'POST',
    `/task/${review}/claim`,
    '/task/{id}/claim',
    { userId: 'bob' },
  );
  await record(
    'task-complete-with-variables',
    'complete withVariablesInReturn: 200',
    'POST',
    `/task/${review}/complete`,
    '/task/{id}/complete',
    { variables: { outcome: { value: 'resolved', type: 'String' } }, withVariablesInReturn: true },
  );
  await record(
    'history-task',
    'GET /history/task',
    'GET',
    `/history/task?processInstanceId=${pi}`,
    '/history/task?processInstanceId={id}',
  );
  await record(
    'history-process-instance',
    'GET /history/process-instance/{id}',
    'GET',
    `/history/process-instance/${pi}`,
    '/history/process-instance/{id}',
  );
  await record(
    'history-variable-instance',
    'GET /history/variable-instance',
    'GET',
    `/history/variable-instance?processInstanceId=${pi}&variableName=aDate`,
    '/history/variable-instance?processInstanceId={id}&variableName={name}',
  );
  await record(
    'history-incident',
    'GET /history/incident',
    'GET',
    '/history/incident?incidentType=failedExternalTask',
    '/history/incident?incidentType={type}',
  );
  for (const key of ['MSG-1', 'MSG-2', 'MSG-2'])
    await call('POST', '/process-definition/key/ref-message/start', { businessKey: key });
  await record('message-correlate', 'POST /message by business key: 204', 'POST', '/message', '/message', {
    messageName: 'ref-message',
    businessKey: 'MSG-1',
  });
  await record(
    'message-no-match',
    'POST /message with nothing waiting: 400',
    'POST',
    '/message',
    '/message',
    { messageName: 'ref-message', businessKey: 'MSG-none' },
  );
  await record(
    'message-ambiguous',
    'POST /message when two match without all: 400',
    'POST',
    '/message',
    '/message',
    { messageName: 'ref-message', businessKey: 'MSG-2' },
  );
  await record(
    'message-all-result',
    'POST /message all + resultEnabled: 200',
    'POST',
    '/message',
    '/message',
    { messageName: 'ref-message', businessKey: 'MSG-2', all: true, resultEnabled: true },
  );
}

async function deployFixtures(): Promise<void> {
  for (const file of ['ref-timer-var.bpmn', 'ref-failing-timer.bpmn', 'ref-message.bpmn']) {
    const form = new FormData();
    form.append('deployment-name', file);
    form.append(file, new Blob([readFileSync(join(fixtures, file))]), file);
    const answer = await call('POST', '/deployment/create', undefined, form);
    if (answer.status !== 200) throw new Error(`deploying ${file}: ${answer.status} ${answer.text}`);
  }
}

const engine = await startReferenceEngine();
try {
  base = engine.url;
  recordedOn = `Operaton ${((await call('GET', '/version')).json as { version: string }).version}`;
  mkdirSync(goldenDir, { recursive: true });
  await basics();
  await deployFixtures();
  const pi = await variables();
  await externalTasks();
  await timersAndTasks();
  await userTasksAndMessages(pi);
  process.stderr.write(`Golden files written to ${goldenDir} (${recordedOn}).\n`);
} finally {
  await engine.stop();
}
