/** External tasks and user tasks over Camunda's REST API. */
import type * as P from '../port.js';
import type { VariableMap } from '../variables.js';
import type { CamundaHttp } from './http-client.js';
import { seg } from './http-client.js';
import * as W from './from-wire.js';
import { withFiles, type FileData } from './file-data.js';
import { countParams, queryParams, wireVariables } from './to-wire.js';

type Wire = Record<string, unknown>;

/** The port's sortBy `priority` is Camunda's `taskPriority`. */
function externalTaskParams(query?: P.ExternalTaskQuery, count = false) {
  const params = count ? countParams(query) : queryParams(query);
  if (params.sortBy === 'priority') params.sortBy = 'taskPriority';
  return params;
}

/**
 * A fetch-and-lock, long polling included. The input is Camunda's fetch DTO field for field
 * (`sorting` included, which Camunda 7.21+ and Operaton honour), so it is sent as it is. An
 * aborted poll (the caller's signal, or close()) resolves with [], as the port requires.
 */
async function fetchAndLock(
  http: CamundaHttp,
  polls: Set<AbortController>,
  input: P.FetchAndLockInput,
  options?: P.FetchOptions,
): Promise<P.LockedExternalTask[]> {
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  options?.signal?.addEventListener('abort', onAbort, { once: true });
  polls.add(abort);
  try {
    const list = await http.json<Wire[]>('POST', '/external-task/fetchAndLock', {
      json: input,
      signal: abort.signal,
    });
    return list.map((w) => {
      const topic = input.topics.find((t) => t.topicName === w.topicName);
      return W.lockedExternalTask(w, topic?.includeExtensionProperties ?? false);
    });
  } catch (err) {
    if (abort.signal.aborted) return [];
    throw err;
  } finally {
    polls.delete(abort);
    options?.signal?.removeEventListener('abort', onAbort);
  }
}

/** Fetch-and-lock and the task commands. */
function externalTaskCommands(http: CamundaHttp, polls: Set<AbortController>) {
  const post = (id: string, path: string, json: unknown) =>
    http.command('POST', `/external-task/${seg(id)}/${path}`, { json });
  return {
    fetchAndLock(input: P.FetchAndLockInput, options?: P.FetchOptions): Promise<P.LockedExternalTask[]> {
      return fetchAndLock(http, polls, input, options);
    },
    async completeExternalTask(id: string, input: P.CompleteExternalTaskInput): Promise<void> {
      await post(id, 'complete', {
        ...input,
        variables: wireVariables(input.variables),
        localVariables: wireVariables(input.localVariables),
      });
    },
    async handleExternalTaskFailure(id: string, input: P.ExternalTaskFailureInput): Promise<void> {
      await post(id, 'failure', {
        ...input,
        variables: wireVariables(input.variables),
        localVariables: wireVariables(input.localVariables),
      });
    },
    async handleExternalTaskBpmnError(id: string, input: P.ExternalTaskBpmnErrorInput): Promise<void> {
      await post(id, 'bpmnError', { ...input, variables: wireVariables(input.variables) });
    },
    async extendExternalTaskLock(
      id: string,
      input: { workerId: string; newDuration: number },
    ): Promise<void> {
      await post(id, 'extendLock', input);
    },
    async lockExternalTask(id: string, input: { workerId: string; lockDuration: number }): Promise<void> {
      await post(id, 'lock', input);
    },
    async unlockExternalTask(id: string): Promise<void> {
      await http.command('POST', `/external-task/${seg(id)}/unlock`);
    },
    async setExternalTaskRetries(id: string, retries: number): Promise<void> {
      await http.command('PUT', `/external-task/${seg(id)}/retries`, { json: { retries } });
    },
  };
}

/** External task queries. */
function externalTaskQueries(http: CamundaHttp) {
  return {
    async listExternalTasks(query?: P.ExternalTaskQuery): Promise<P.ExternalTask[]> {
      return (await http.json<Wire[]>('GET', '/external-task', { query: externalTaskParams(query) })).map(
        W.externalTask,
      );
    },
    async countExternalTasks(query?: P.ExternalTaskQuery): Promise<number> {
      return (
        await http.json<{ count: number }>('GET', '/external-task/count', {
          query: externalTaskParams(query, true),
        })
      ).count;
    },
    async getExternalTask(id: string): Promise<P.ExternalTask> {
      return W.externalTask(await http.json<Wire>('GET', `/external-task/${seg(id)}`));
    },
    async getExternalTaskErrorDetails(id: string): Promise<string | null> {
      const bytes = await http.bytes('GET', `/external-task/${seg(id)}/errorDetails`);
      return bytes === null ? null : bytes.toString('utf8');
    },
  };
}

export function externalTaskMethods(http: CamundaHttp, polls: Set<AbortController>) {
  return { ...externalTaskCommands(http, polls), ...externalTaskQueries(http) };
}

/** A user task's resource path. */
const task = (id: string, path = ''): string => `/task/${seg(id)}${path}`;

/** User task queries (with candidate groups from identity links). */
function userTaskQueries(http: CamundaHttp) {
  /** Candidate groups are identity links in Camunda, not part of TaskDto. */
  const withGroups = async (w: Wire): Promise<P.UserTask> => {
    const links = await http.json<Wire[]>('GET', `/task/${seg(String(w.id))}/identity-links`, {
      query: { type: 'candidate' },
    });
    const groups = links.map((l) => l.groupId).filter((g): g is string => typeof g === 'string');
    return { ...W.userTask(w), candidateGroups: groups };
  };
  return {
    async listUserTasks(query?: P.UserTaskQuery): Promise<P.UserTask[]> {
      return Promise.all(
        (await http.json<Wire[]>('GET', '/task', { query: queryParams(query) })).map(withGroups),
      );
    },
    async countUserTasks(query?: P.UserTaskQuery): Promise<number> {
      return (await http.json<{ count: number }>('GET', '/task/count', { query: countParams(query) })).count;
    },
    async getUserTask(id: string): Promise<P.UserTask> {
      return withGroups(await http.json<Wire>('GET', task(id)));
    },
  };
}

/** User task commands, forms and variables. */
function userTaskCommands(http: CamundaHttp, fileData: FileData) {
  return {
    async claimUserTask(id: string, userId: string): Promise<void> {
      await http.command('POST', task(id, '/claim'), { json: { userId } });
    },
    async unclaimUserTask(id: string): Promise<void> {
      await http.command('POST', task(id, '/unclaim'));
    },
    async setUserTaskAssignee(id: string, userId: string | null): Promise<void> {
      await http.command('POST', task(id, '/assignee'), { json: { userId } });
    },
    async completeUserTask(id: string, input?: P.CompleteUserTaskInput): Promise<VariableMap | void> {
      const json = {
        variables: wireVariables(input?.variables),
        withVariablesInReturn: input?.withVariablesInReturn ?? false,
      };
      if (!json.withVariablesInReturn) return http.command('POST', task(id, '/complete'), { json });
      return W.variables(await http.json<Wire>('POST', task(id, '/complete'), { json }));
    },
    async getUserTaskForm(id: string): Promise<P.TaskForm> {
      const w = await http.json<Wire>('GET', task(id, '/form'));
      return {
        key: (w.key as string | null) ?? null,
        camundaFormRef: W.formRef(w),
        contextPath: (w.contextPath as string | null) ?? null,
      };
    },
    async getDeployedForm(id: string): Promise<{ content: Buffer; name: string }> {
      const content = (await http.bytes('GET', task(id, '/deployed-form'))) ?? Buffer.alloc(0);
      // Camunda sends the form's JSON only; its file name is not on the wire, its id is.
      const formId = (JSON.parse(content.toString('utf8')) as { id?: string }).id ?? 'form';
      return { content, name: `${formId}.form` };
    },
    async getUserTaskVariables(id: string): Promise<VariableMap> {
      const base = task(id, '/variables');
      const map = W.variables(await http.json<Wire>('GET', base, { query: { deserializeValues: false } }));
      return withFiles(fileData, base, map);
    },
  };
}

export function userTaskMethods(http: CamundaHttp, fileData: FileData) {
  return { ...userTaskQueries(http), ...userTaskCommands(http, fileData) };
}
