/** Golden steps: timer jobs, a failing job, user tasks with their form, history and message correlation. */
import { camundaDateFromNow } from '../../../test/conformance/harness/scenario.js';
import { first, type Recorder } from './recorder.js';

/** Starts ref-timer-var, whose completion needs ${stageDue}, and completes it with a due date. */
async function scheduleTimer(r: Recorder): Promise<void> {
  await r.call('POST', '/process-definition/key/ref-timer-var/start', { businessKey: 'TIMER-1' });
  const task = first(
    await r.call('POST', '/external-task/fetchAndLock', {
      workerId: 'w1',
      maxTasks: 1,
      topics: [{ topicName: 'ref-schedule', lockDuration: 60000 }],
    }),
  );
  await r.record(
    'external-task-complete-unknown-property',
    'Completion that evaluates ${stageDue} with no such variable: 500',
    'POST',
    `/external-task/${task}/complete`,
    '/external-task/{id}/complete',
    { workerId: 'w1', variables: { path: { value: 'timer', type: 'String' } } },
  );
  await r.call('POST', `/external-task/${task}/complete`, {
    workerId: 'w1',
    variables: {
      path: { value: 'timer', type: 'String' },
      // Relative to today (the engine's real clock): a literal date expires and the timer fires at once.
      stageDue: { value: camundaDateFromNow(30), type: 'Date' },
    },
  });
}

/** Reads and moves the StageDue timer and lists the user tasks; returns the job and its instance id. */
async function inspectTimer(r: Recorder): Promise<{ job: string; processInstanceId: string }> {
  const jobs = await r.record(
    'job-list-timers',
    'GET /job?timers=true',
    'GET',
    '/job?timers=true&activityId=StageDue',
    '/job?timers=true',
  );
  const job = first(jobs);
  await r.record('job-get', 'GET /job/{id}', 'GET', `/job/${job}`, '/job/{id}');
  await r.record(
    'job-duedate',
    'PUT /job/{id}/duedate: 204',
    'PUT',
    `/job/${job}/duedate`,
    '/job/{id}/duedate',
    { duedate: camundaDateFromNow(29) },
  );
  const userTasks = await r.record(
    'task-list',
    'GET /task?processDefinitionKey=ref-timer-var',
    'GET',
    '/task?processDefinitionKey=ref-timer-var',
    '/task?processDefinitionKey={key}',
  );
  return {
    job,
    processInstanceId: (userTasks.json as { processInstanceId: string }[])[0]!.processInstanceId,
  };
}

async function executeTimer(r: Recorder, job: string, processInstanceId: string): Promise<void> {
  await r.record(
    'job-execute',
    'POST /job/{id}/execute: 204',
    'POST',
    `/job/${job}/execute`,
    '/job/{id}/execute',
  );
  await r.record('job-unknown', 'GET an unknown job: 404', 'GET', '/job/unknown', '/job/{id}');
  await r.record(
    'history-activity-instance',
    'History of the timer path',
    'GET',
    `/history/activity-instance?processInstanceId=${processInstanceId}&sortBy=startTime&sortOrder=asc`,
    '/history/activity-instance?processInstanceId={id}',
  );
}

/** Timer jobs (list, get, due date, execute) and a job whose execution fails. */
export async function timersAndTasks(r: Recorder): Promise<void> {
  await scheduleTimer(r);
  const { job, processInstanceId } = await inspectTimer(r);
  await executeTimer(r, job, processInstanceId);
  await r.call('POST', '/process-definition/key/ref-failing-timer/start', { businessKey: 'JOB-1' });
  const failing = first(await r.call('GET', '/job?processDefinitionKey=ref-failing-timer'));
  await r.record(
    'job-execute-failing',
    'Executing a job that fails: 404 InvalidRequestException (sic)',
    'POST',
    `/job/${failing}/execute`,
    '/job/{id}/execute',
  );
}

async function taskForms(r: Recorder, review: string): Promise<void> {
  await r.record(
    'task-form',
    'GET /task/{id}/form (operatonFormRef on Operaton, camundaFormRef on Camunda 7)',
    'GET',
    `/task/${review}/form`,
    '/task/{id}/form',
  );
  await r.record(
    'task-deployed-form',
    'The Camunda Form JSON',
    'GET',
    `/task/${review}/deployed-form`,
    '/task/{id}/deployed-form',
  );
  await r.record(
    'task-form-variables',
    'GET /task/{id}/form-variables',
    'GET',
    `/task/${review}/form-variables`,
    '/task/{id}/form-variables',
  );
}

async function claimAndComplete(r: Recorder, review: string): Promise<void> {
  await r.record('task-claim', 'claim: 204', 'POST', `/task/${review}/claim`, '/task/{id}/claim', {
    userId: 'alice',
  });
  await r.record(
    'task-claim-taken',
    'claim by someone else: 500 TaskAlreadyClaimedException',
    'POST',
    `/task/${review}/claim`,
    '/task/{id}/claim',
    { userId: 'bob' },
  );
  await r.record(
    'task-complete-with-variables',
    'complete withVariablesInReturn: 200',
    'POST',
    `/task/${review}/complete`,
    '/task/{id}/complete',
    { variables: { outcome: { value: 'resolved', type: 'String' } }, withVariablesInReturn: true },
  );
}

async function history(r: Recorder, pi: string): Promise<void> {
  await r.record(
    'history-task',
    'GET /history/task',
    'GET',
    `/history/task?processInstanceId=${pi}`,
    '/history/task?processInstanceId={id}',
  );
  await r.record(
    'history-process-instance',
    'GET /history/process-instance/{id}',
    'GET',
    `/history/process-instance/${pi}`,
    '/history/process-instance/{id}',
  );
  await r.record(
    'history-variable-instance',
    'GET /history/variable-instance',
    'GET',
    `/history/variable-instance?processInstanceId=${pi}&variableName=aDate`,
    '/history/variable-instance?processInstanceId={id}&variableName={name}',
  );
  await r.record(
    'history-incident',
    'GET /history/incident',
    'GET',
    '/history/incident?incidentType=failedExternalTask',
    '/history/incident?incidentType={type}',
  );
}

async function messages(r: Recorder): Promise<void> {
  for (const key of ['MSG-1', 'MSG-2', 'MSG-2'])
    await r.call('POST', '/process-definition/key/ref-message/start', { businessKey: key });
  await r.record('message-correlate', 'POST /message by business key: 204', 'POST', '/message', '/message', {
    messageName: 'ref-message',
    businessKey: 'MSG-1',
  });
  await r.record(
    'message-no-match',
    'POST /message with nothing waiting: 400',
    'POST',
    '/message',
    '/message',
    { messageName: 'ref-message', businessKey: 'MSG-none' },
  );
  await r.record(
    'message-ambiguous',
    'POST /message when two match without all: 400',
    'POST',
    '/message',
    '/message',
    { messageName: 'ref-message', businessKey: 'MSG-2' },
  );
  await r.record(
    'message-all-result',
    'POST /message all + resultEnabled: 200',
    'POST',
    '/message',
    '/message',
    { messageName: 'ref-message', businessKey: 'MSG-2', all: true, resultEnabled: true },
  );
}

/** The user task of instance `pi` (form, claim, complete), its history, then message correlation. */
export async function userTasksAndMessages(r: Recorder, pi: string): Promise<void> {
  const review = first(await r.call('GET', `/task?processInstanceId=${pi}`));
  await taskForms(r, review);
  await claimAndComplete(r, review);
  await history(r, pi);
  await messages(r);
}
