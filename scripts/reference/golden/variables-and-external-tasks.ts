/** Golden steps: a start with every variable type, instance and variable reads, and external tasks. */
import { first, idOf, type Recorder } from './recorder.js';

/** Start body with a business key and one variable of every type. */
const TYPED_START = {
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
};

const lockBody = (businessKey: string) => ({
  workerId: 'w1',
  maxTasks: 1,
  topics: [{ topicName: 'ref-work', lockDuration: 60000, businessKey, includeExtensionProperties: true }],
});

async function instanceReads(r: Recorder, pi: string): Promise<void> {
  await r.record(
    'process-instance-variables-serialized',
    'GET variables with deserializeValues=false',
    'GET',
    `/process-instance/${pi}/variables?deserializeValues=false`,
    '/process-instance/{id}/variables?deserializeValues=false',
  );
  await r.record(
    'process-instance-get',
    'GET /process-instance/{id}',
    'GET',
    `/process-instance/${pi}`,
    '/process-instance/{id}',
  );
  await r.record(
    'process-instance-unknown',
    'Unknown instance: 404',
    'GET',
    '/process-instance/unknown-id',
    '/process-instance/{id}',
  );
  await r.record(
    'process-instance-activity-instances',
    'Activity instance tree',
    'GET',
    `/process-instance/${pi}/activity-instances`,
    '/process-instance/{id}/activity-instances',
  );
}

async function variableChecks(r: Recorder, pi: string): Promise<void> {
  await r.record(
    'variable-unknown-type',
    'Unknown variable type: 400',
    'PUT',
    `/process-instance/${pi}/variables/x`,
    '/process-instance/{id}/variables/{name}',
    { value: '1', type: 'Money' },
  );
  await r.record(
    'variable-date-iso-z',
    'A Date in ISO format with Z: 400',
    'PUT',
    `/process-instance/${pi}/variables/aDate`,
    '/process-instance/{id}/variables/{name}',
    { value: '2026-07-01T08:30:00Z', type: 'Date' },
  );
  await r.record(
    'variable-file-data',
    'File variable content',
    'GET',
    `/process-instance/${pi}/variables/aFile/data`,
    '/process-instance/{id}/variables/{name}/data',
  );
}

/** Starts ref-external as ESC-0001 with every variable type and reads it back; returns its instance id. */
export async function variables(r: Recorder): Promise<string> {
  const start = await r.record(
    'process-start-typed-variables',
    'Start by key with businessKey, every type, withVariablesInReturn',
    'POST',
    '/process-definition/key/ref-external/start',
    '/process-definition/key/{key}/start',
    TYPED_START,
  );
  const pi = idOf(start);
  await instanceReads(r, pi);
  await variableChecks(r, pi);
  return pi;
}

/** Fetches ESC-0001's external task and reads it; returns its id. */
async function fetchExternalTask(r: Recorder): Promise<string> {
  const fetched = await r.record(
    'external-task-fetch-and-lock',
    'fetchAndLock with includeExtensionProperties',
    'POST',
    '/external-task/fetchAndLock',
    '/external-task/fetchAndLock',
    lockBody('ESC-0001'),
  );
  const task = first(fetched);
  await r.record(
    'external-task-get',
    'GET /external-task/{id}',
    'GET',
    `/external-task/${task}`,
    '/external-task/{id}',
  );
  return task;
}

async function completeExternalTask(r: Recorder, task: string): Promise<void> {
  await r.record(
    'external-task-complete-wrong-worker',
    'Complete by another worker: 400',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'intruder' },
  );
  await r.record(
    'external-task-complete',
    'Complete by the owner: 204',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'w1', variables: { result: { value: 'ok', type: 'String' } } },
  );
  await r.record(
    'external-task-complete-twice',
    'Complete again: 404',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'w1' },
  );
}

/** Starts ESC-0002 and fails its external task with no retries left; returns the task's id. */
async function failExternalTask(r: Recorder): Promise<string> {
  await r.call('POST', '/process-definition/key/ref-external/start', { businessKey: 'ESC-0002' });
  const failing = first(await r.call('POST', '/external-task/fetchAndLock', lockBody('ESC-0002')));
  await r.record(
    'external-task-failure-last-retry',
    'failure with retries 0: 204',
    'POST',
    `/external-task/${failing}/failure`,
    '/external-task/{id}/failure',
    { workerId: 'w1', errorMessage: 'SMTP down', errorDetails: 'details', retries: 0, retryTimeout: 0 },
  );
  await r.record(
    'incident-list',
    'The failedExternalTask incident',
    'GET',
    '/incident?incidentType=failedExternalTask',
    '/incident?incidentType=failedExternalTask',
  );
  return failing;
}

async function failedTaskChecks(r: Recorder, failing: string): Promise<void> {
  await r.record(
    'external-task-error-details',
    'errorDetails: text/plain',
    'GET',
    `/external-task/${failing}/errorDetails`,
    '/external-task/{id}/errorDetails',
  );
  await r.record(
    'external-task-retries-negative',
    'PUT retries -1: 400',
    'PUT',
    `/external-task/${failing}/retries`,
    '/external-task/{id}/retries',
    { retries: -1 },
  );
  await r.record(
    'external-task-fetch-no-worker',
    'fetchAndLock without workerId: 500 (Operaton)',
    'POST',
    '/external-task/fetchAndLock',
    '/external-task/fetchAndLock',
    { maxTasks: 1, topics: [] },
  );
}

/** External tasks: fetch, complete (by the wrong worker, the owner, twice), failure and incident. */
export async function externalTasks(r: Recorder): Promise<void> {
  const task = await fetchExternalTask(r);
  await completeExternalTask(r, task);
  await r.record(
    'external-task-unknown',
    'GET an unknown external task: 404',
    'GET',
    '/external-task/unknown',
    '/external-task/{id}',
  );
  const failing = await failExternalTask(r);
  await failedTaskChecks(r, failing);
}
