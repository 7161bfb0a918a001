/**
 * User tasks: query, count, get, claim / unclaim / assignee, complete and submit-form, the form
 * key or Camunda Forms reference, the deployed form itself, and the task's variables.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { UserTaskQuery } from '../../port.js';
import { formDto, userTaskDto } from '../dto/tasks.js';
import { parseBody } from '../wire/body.js';
import { pagingShape, parseQuery, qBool, qDate, qList, qSortBy, qSortOrder, qString } from '../wire/query.js';
import { sendBytes, sendJson, sendNoContent } from '../wire/send.js';
import { decodeVariables } from '../wire/typed-values.js';
import { encodeVariables } from '../wire/typed-values-encode.js';
import {
  listAndCount,
  guard,
  invalidRequest,
  param,
  restException,
  statusOf,
  type RouteContext,
} from './context.js';

const taskQuery = z.object({
  taskId: qString.optional(),
  processInstanceId: qString.optional(),
  processInstanceIdIn: qList.optional(),
  processInstanceBusinessKey: qString.optional(),
  processDefinitionId: qString.optional(),
  processDefinitionKey: qString.optional(),
  taskDefinitionKey: qString.optional(),
  assignee: qString.optional(),
  unassigned: qBool.optional(),
  candidateGroup: qString.optional(),
  candidateGroups: qList.optional(),
  dueBefore: qDate.optional(),
  dueAfter: qDate.optional(),
  sortBy: qSortBy([
    'id',
    'name',
    'created',
    'dueDate',
    'assignee',
    'priority',
    'processInstanceId',
  ]).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

const userIdBody = z.object({ userId: z.string().nullish() });
const completeBody = z.object({
  variables: z.record(z.string(), z.unknown()).nullish(),
  withVariablesInReturn: z.boolean().nullish(),
});

const noTask = (id: string) => () => invalidRequest(404, `No matching task with id ${id}`);

export function registerTasks(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;

  listAndCount(router, '/task', taskQuery, {
    list: (q) => engine.listUserTasks(q as UserTaskQuery),
    count: (q) => engine.countUserTasks(q as UserTaskQuery),
    toDto: (t) => userTaskDto(t, fmt),
  });

  router.get('/task/:id', async (req, res) => {
    const id = param(req, 'id');
    sendJson(res, 200, userTaskDto(await guard(() => engine.getUserTask(id), { notFound: noTask(id) }), fmt));
  });

  // Camunda keeps assignee, owner and candidate groups as identity links (GET /task/{id}/identity-links).
  router.get('/task/:id/identity-links', async (req, res) => {
    const id = param(req, 'id');
    const { type } = parseQuery(z.object({ type: qString.optional() }), req.query);
    const t = await guard(() => engine.getUserTask(id), { notFound: noTask(id) });
    const links = [
      ...(t.assignee ? [{ userId: t.assignee, groupId: null, type: 'assignee' }] : []),
      ...(t.owner ? [{ userId: t.owner, groupId: null, type: 'owner' }] : []),
      ...t.candidateGroups.map((g) => ({ userId: null, groupId: g, type: 'candidate' })),
    ];
    sendJson(res, 200, type ? links.filter((l) => l.type === type) : links);
  });

  registerAssignment(router, ctx);
  router.post('/task/:id/complete', (req, res) => complete(ctx, req, res, 'Cannot complete task'));
  router.post('/task/:id/submit-form', (req, res) => complete(ctx, req, res, 'Cannot submit task form'));
  registerForms(router, ctx);
}

/** claim, unclaim and assignee. */
function registerAssignment(router: Router, ctx: RouteContext): void {
  const { engine } = ctx;
  router.post('/task/:id/claim', async (req, res) => {
    const id = param(req, 'id');
    const { userId } = parseBody(userIdBody, req.body);
    if (!userId) throw invalidRequest(400, "Invalid value for 'userId': a user id is required");
    await guard(() => engine.claimUserTask(id, userId), { notFound: noTask(id) });
    sendNoContent(res);
  });

  router.post('/task/:id/unclaim', async (req, res) => {
    const id = param(req, 'id');
    await guard(() => engine.unclaimUserTask(id), { notFound: noTask(id) });
    sendNoContent(res);
  });

  router.post('/task/:id/assignee', async (req, res) => {
    const id = param(req, 'id');
    const { userId } = parseBody(userIdBody, req.body);
    await guard(() => engine.setUserTaskAssignee(id, userId ?? null), { notFound: noTask(id) });
    sendNoContent(res);
  });
}

/** complete and submit-form differ only in wording: we have no form-field validation of our own. */
async function complete(ctx: RouteContext, req: Request, res: Response, what: string): Promise<void> {
  const id = param(req, 'id');
  const body = parseBody(completeBody, req.body);
  const prefix = `${what} ${id}: `;
  const result = await guard(
    () =>
      ctx.engine.completeUserTask(id, {
        variables: decodeVariables(body.variables),
        withVariablesInReturn: body.withVariablesInReturn ?? false,
      }),
    {
      invalid: (e) => invalidRequest(statusOf(e), prefix + e.message, e),
      notFound: (e) => invalidRequest(404, prefix + e.message, e),
      badUser: (e) => restException(400, prefix + e.message, e),
      engine: (e) => restException(500, prefix + e.message, e),
    },
  );
  if (body.withVariablesInReturn) {
    // Camunda returns these serialized (preferSerializedValue = true).
    sendJson(res, 200, encodeVariables(result || {}, { zone: ctx.zone, deserializeValues: false }));
  } else {
    sendNoContent(res);
  }
}

function registerForms(router: Router, ctx: RouteContext): void {
  const { engine } = ctx;

  router.get('/task/:id/form', async (req, res) => {
    const id = param(req, 'id');
    const form = await guard(() => engine.getUserTaskForm(id), {
      notFound: (e) => restException(404, `Cannot get form for task ${id}`, e),
      engine: (e) => restException(400, `Cannot get form for task ${id}`, e),
    });
    sendJson(res, 200, formDto(form));
  });

  router.get('/task/:id/deployed-form', async (req, res) => {
    const id = param(req, 'id');
    const form = await guard(() => engine.getDeployedForm(id), {
      notFound: (e) => invalidRequest(404, e.message),
      badUser: (e) => invalidRequest(400, e.message),
    });
    sendBytes(
      res,
      form.name.endsWith('.form') || form.name.endsWith('.json') ? 'application/json' : 'text/html',
      form.content,
    );
  });

  const variables = async (req: Request, res: Response, names?: string[]) => {
    const id = param(req, 'id');
    const { deserializeValues } = parseQuery(z.object({ deserializeValues: qBool.optional() }), req.query);
    const all = await guard(() => engine.getUserTaskVariables(id), { notFound: noTask(id) });
    const picked = names ? Object.fromEntries(Object.entries(all).filter(([n]) => names.includes(n))) : all;
    sendJson(
      res,
      200,
      encodeVariables(picked, { zone: ctx.zone, deserializeValues: deserializeValues ?? true }),
    );
  };

  router.get('/task/:id/variables', (req, res) => variables(req, res));
  router.get('/task/:id/form-variables', async (req, res) => {
    const { variableNames } = parseQuery(z.object({ variableNames: qList.optional() }), req.query);
    await variables(req, res, variableNames);
  });
}
