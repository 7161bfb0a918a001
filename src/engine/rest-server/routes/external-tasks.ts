/**
 * External tasks: fetch-and-lock with long polling, the task commands the official client uses,
 * and the queries. Errors follow Camunda's ExternalTaskResource: an unknown id is a 404
 * RestException, a refused command (wrong worker, not locked) a 400 RestException, a modelling
 * failure during completion a 500 ProcessEngineException naming the cause.
 */
import type { ServerResponse } from 'node:http';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { EnginePort, FetchAndLockInput, ExternalTaskQuery } from '../../port.js';
import { BadUserRequestError } from '../../errors/index.js';
import { externalTaskDto, lockedExternalTaskDto } from '../dto/tasks.js';
import { parseBody } from '../wire/body.js';
import { compact, defined, pagingShape, qBool, qSortBy, qSortOrder, qString } from '../wire/query.js';
import { sendJson, sendNoContent } from '../wire/send.js';
import { decodeVariables } from '../wire/typed-values.js';
import {
  listAndCount,
  guard,
  invalidRequest,
  param,
  restException,
  type ErrorRules,
  type RouteContext,
} from './context.js';
import * as S from './external-task-schemas.js';

const taskQuery = z.object({
  externalTaskId: qString.optional(),
  topicName: qString.optional(),
  workerId: qString.optional(),
  locked: qBool.optional(),
  notLocked: qBool.optional(),
  withRetriesLeft: qBool.optional(),
  noRetriesLeft: qBool.optional(),
  activityId: qString.optional(),
  processInstanceId: qString.optional(),
  processDefinitionId: qString.optional(),
  sortBy: qSortBy(['id', 'lockExpirationTime', 'processInstanceId', 'taskPriority', 'createTime']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

/** Camunda's sortBy `taskPriority` is the port's `priority`. */
function toPortQuery(q: z.output<typeof taskQuery>): ExternalTaskQuery {
  const { sortBy, ...rest } = q;
  return defined({ ...rest, sortBy: sortBy === 'taskPriority' ? 'priority' : sortBy });
}

const rules = (id: string): ErrorRules => ({
  notFound: (e) => restException(404, `External task with id ${id} does not exist`, e),
  badUser: (e) => restException(400, e.message, e),
});

export function registerExternalTasks(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;

  router.post('/external-task/fetchAndLock', (req, res) => fetchAndLock(ctx, req, res));

  listAndCount(router, '/external-task', taskQuery, {
    list: (q) => engine.listExternalTasks(toPortQuery(q)),
    count: (q) => engine.countExternalTasks(toPortQuery(q)),
    toDto: (t) => externalTaskDto(t, fmt),
  });

  router.get('/external-task/:id', async (req, res) => {
    const id = param(req, 'id');
    // GET checks existence itself in Camunda: a 404 without an engine cause (code null).
    const task = await guard(() => engine.getExternalTask(id), {
      notFound: () => restException(404, `External task with id ${id} does not exist`),
    });
    sendJson(res, 200, externalTaskDto(task, fmt));
  });

  router.get('/external-task/:id/errorDetails', async (req, res) => {
    const id = param(req, 'id');
    const details = await guard(() => engine.getExternalTaskErrorDetails(id), rules(id));
    if (details === null) return sendNoContent(res);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/plain');
    res.end(details);
  });

  registerCommands(router, ctx);
}

type Command = (engine: EnginePort, id: string, body: unknown) => Promise<void>;

/**
 * The task commands, each a body schema and a port call; Camunda's resource translates the errors
 * of all of them alike (`rules`).
 */
const COMMANDS: Record<string, Command> = {
  complete: (engine, id, raw) => {
    const b = parseBody(S.completeBody, raw);
    const variables = decodeVariables(b.variables);
    const localVariables = decodeVariables(b.localVariables, 'localVariables');
    return engine.completeExternalTask(id, { workerId: b.workerId, variables, localVariables });
  },
  failure: (engine, id, raw) => {
    const b = parseBody(S.failureBody, raw);
    checkRetries(b.retries);
    const variables = decodeVariables(b.variables);
    const localVariables = decodeVariables(b.localVariables, 'localVariables');
    return engine.handleExternalTaskFailure(id, { ...b, variables, localVariables });
  },
  bpmnError: (engine, id, raw) => {
    const b = parseBody(S.bpmnErrorBody, raw);
    return engine.handleExternalTaskBpmnError(id, { ...b, variables: decodeVariables(b.variables) });
  },
  extendLock: (engine, id, raw) => engine.extendExternalTaskLock(id, parseBody(S.extendLockBody, raw)),
  lock: (engine, id, raw) => engine.lockExternalTask(id, parseBody(S.lockBody, raw)),
  unlock: (engine, id) => engine.unlockExternalTask(id),
};

/** The names of the task commands (`POST /external-task/{id}/<name>`). */
export const TASK_COMMANDS = Object.keys(COMMANDS);

/** Runs one task command on a parsed body and answers 204; errors follow Camunda's rules for them. */
export async function runTaskCommand(
  ctx: RouteContext,
  command: string,
  id: string,
  body: unknown,
  res: ServerResponse,
): Promise<void> {
  // Body validation runs inside the guard too: its RestErrors pass through unchanged.
  await guard(() => COMMANDS[command]!(ctx.engine, id, body), rules(id));
  sendNoContent(res);
}

function registerCommands(router: Router, ctx: RouteContext): void {
  for (const command of TASK_COMMANDS) {
    router.post(`/external-task/:id/${command}`, (req, res) =>
      runTaskCommand(ctx, command, param(req, 'id'), req.body, res),
    );
  }
  router.put('/external-task/:id/retries', async (req, res) => {
    const id = param(req, 'id');
    const { retries } = parseBody(S.retriesBody, req.body);
    if (retries === undefined || retries === null) {
      throw invalidRequest(400, 'The number of retries cannot be null.');
    }
    checkRetries(retries);
    await guard(() => ctx.engine.setExternalTaskRetries(id, retries), rules(id));
    sendNoContent(res);
  });
}

/** Camunda's engine check, answered as its BadUserRequestException. */
function checkRetries(retries: number): void {
  if (retries < 0) {
    throw new BadUserRequestError(
      'The number of retries cannot be negative: retries is not greater than or equal to 0',
    );
  }
}

/**
 * Long polling: the engine waits inside fetchAndLock; we only abort that wait when the client
 * goes away, so its slot is freed at once.
 */
async function fetchAndLock(ctx: RouteContext, req: Request, res: Response): Promise<void> {
  const b = parseBody(S.fetchAndLockBody, req.body);
  if ((b.asyncResponseTimeout ?? 0) > S.MAX_ASYNC_RESPONSE_TIMEOUT) {
    throw invalidRequest(
      400,
      `The asynchronous response timeout cannot be set to a value greater than ${S.MAX_ASYNC_RESPONSE_TIMEOUT} milliseconds`,
    );
  }
  const input = toFetchInput(b);
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const tasks = await ctx.engine.fetchAndLock(input, { signal: abort.signal });
  if (abort.signal.aborted) return;
  sendJson(
    res,
    200,
    tasks.map((t) => {
      const topic = input.topics.find((x) => x.topicName === t.topicName);
      return lockedExternalTaskDto(t, ctx.fmt, {
        zone: ctx.zone,
        deserializeValues: topic?.deserializeValues ?? false,
      });
    }),
  );
}

/** The port's input for a validated body: Camunda's defaults filled in, body-wide flags per topic. */
function toFetchInput(b: z.output<typeof S.fetchAndLockBody>): FetchAndLockInput {
  return {
    workerId: b.workerId,
    maxTasks: b.maxTasks,
    usePriority: b.usePriority ?? false,
    topics: (b.topics ?? []).map((t) => ({
      ...compact({ ...t, includeExtensionProperties: undefined }),
      variables: t.variables ?? undefined,
      localVariables: t.localVariables ?? false,
      deserializeValues: t.deserializeValues ?? false,
      includeExtensionProperties:
        (t.includeExtensionProperties ?? false) || (b.includeExtensionProperties ?? false),
    })) as FetchAndLockInput['topics'],
    ...(b.asyncResponseTimeout ? { asyncResponseTimeout: b.asyncResponseTimeout } : {}),
    ...(b.sorting?.length ? { sorting: b.sorting } : {}),
  };
}
