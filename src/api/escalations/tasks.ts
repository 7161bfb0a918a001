/**
 * Acting on a stage: `GET /escalations/:id/tasks/:taskId/form` answers the open task's Camunda Form
 * (the `.form` the engine deployed and Camunda Tasklist renders) with what it needs to render;
 * `POST /escalations/:id/tasks/:taskId/complete` records the stage's outcome from the form's data,
 * checked against the form (hidden fields neither required nor accepted) and the variable contract
 * (`stageVariablesSchema`), by a holder of one of the task's candidate roles on its side.
 *
 * A failed request changes nothing: every check comes before the one write, the engine's
 * completion (which sets the stage variables and the actor in the same transaction); the audit
 * entry follows it. A task already completed answers 409, and nothing changes.
 */
import { z } from 'zod';
import { canComplete } from '../../access/access-rule.js';
import { EngineError } from '../../engine/errors/index.js';
import type { Request } from 'express';
import type { UserTask } from '../../engine/port.js';
import { checkFormData, type FormCheck } from '../../forms/form-validation.js';
import {
  stageVariablesSchema,
  toStageVariableMap,
  type StageVariables,
} from '../../../processes/variables.js';
import { badRequest, forbidden } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { actorVariables } from './actor.js';
import { visibleEscalation, type VisibleEscalation } from './visible.js';
import { audited } from './audited.js';
import { escalationDetail, escalationIdParam } from './detail.js';
import { escalationSchema, openTaskSchema } from './escalation-shapes.js';
import { formOf, openTaskOf, openTaskView, referencedValues, taskEnded } from './task-support.js';

const params = escalationIdParam.extend({
  taskId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'a task id'),
});

const formAnswer = z.object({
  task: openTaskSchema,
  form: z.record(z.string(), z.unknown()).describe('The Camunda Form JSON (form-js schema) of the task'),
  variables: z
    .record(z.string(), z.unknown())
    .describe("Current values of the process variables the form's expressions read besides its own fields"),
});

const completeAnswer = z.object({
  completed: z.object({ taskId: z.string(), elementId: z.string() }),
  pending: z
    .boolean()
    .describe(
      'The workers are still recording the outcome and starting what follows; open tasks will change',
    ),
  escalation: escalationSchema.describe('The escalation now, as GET /escalations/:id answers it'),
});

export function registerEscalationTasks(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations/:id/tasks/:taskId/form',
    summary: 'An open task’s form (Camunda Forms JSON), as Camunda Tasklist renders it',
    tag: 'Escalations',
    params,
    responses: {
      200: { description: 'The form, the task and the variables its conditions read', schema: formAnswer },
      404: { description: 'Not an open task of an escalation you can see' },
    },
    handler: async ({ params: p }, req) => {
      const visible = visibleEscalation(deps, req, p.id, 'task.form');
      return audited(deps, req, 'task.form', p.id, p.taskId, async () => {
        const task = await openTaskOf(deps, visible, p.taskId, false);
        const { schema, fields } = await formOf(deps, task);
        const variables = await referencedValues(deps, visible, fields);
        return { task: openTaskView(deps, req.principal!, visible, task), form: schema, variables };
      });
    },
  });
  api.add({
    method: 'post',
    path: '/escalations/:id/tasks/:taskId/complete',
    summary: 'Complete an open task with its form’s data (the stage’s outcome)',
    tag: 'Escalations',
    params,
    body: z
      .record(z.string(), z.unknown())
      .describe('The form’s data: one entry per field key (a dynamic list’s path holds a list of entries)'),
    responses: {
      200: { description: 'Completed; the escalation as it stands now', schema: completeAnswer },
      400: { description: 'A field is missing, not of the form, hidden by it, or not a value it allows' },
      403: {
        description: 'You may see the escalation but do not hold a candidate role of the task on its side',
      },
      404: { description: 'Not an open task of an escalation you can see' },
      409: { description: 'The task has already been completed; nothing was changed' },
    },
    handler: async ({ params: p, body }, req) => {
      const visible = visibleEscalation(deps, req, p.id, 'task.complete');
      const task = await audited(deps, req, 'task.complete', p.id, p.taskId, () =>
        complete(deps, req, visible, p.taskId, body),
      );
      const pending =
        (await deps.engine.countExternalTasks({
          processInstanceId: task.processInstanceId,
          withRetriesLeft: true,
        })) > 0;
      // The index's status follows the record, which the workers may already have written.
      const now = deps.stores.escalations.get(visible.escalation.id) ?? visible.escalation;
      return {
        completed: { taskId: task.id, elementId: task.taskDefinitionKey },
        pending,
        escalation: await escalationDetail(deps, req.principal!, now, visible.access),
      };
    },
  });
}

/**
 * Completes the open task with the form's data after every check (task open, candidate role on its
 * side, the form's fields, the variable contract); the engine's completion is the one write.
 */
async function complete(
  deps: ApiDependencies,
  req: Request,
  visible: VisibleEscalation,
  taskId: string,
  body: Record<string, unknown>,
): Promise<UserTask> {
  const task = await openTaskOf(deps, visible, taskId, true);
  const principal = req.principal!;
  if (!canComplete(principal, visible.access, task.candidateGroups, deps.roles))
    throw forbidden('Only someone holding one of this task’s roles on its side may complete it.');
  const { fields } = await formOf(deps, task);
  const values = stageValues(checkFormData(fields, body, await referencedValues(deps, visible, fields)));
  const { escalation, access } = visible;
  const actor = actorVariables(principal, escalation, access, deps.roles, task.candidateGroups);
  try {
    await deps.engine.completeUserTask(task.id, { variables: toStageVariableMap({ ...values, ...actor }) });
  } catch (error) {
    // Another request completed it between the lookup and this call: the engine changed nothing.
    if (error instanceof EngineError && error.httpStatus === 404) throw taskEnded();
    throw error;
  }
  return task;
}

const withoutOutcome = stageVariablesSchema.partial({ outcome: true });

/** The checked form data as stage variables (`stageVariablesSchema`), or a 400 naming every field. */
function stageValues(checked: FormCheck): Partial<StageVariables> {
  // Some steps record facts, not an outcome (East Riding's lessons, Liverpool's Appendix 2 and the
  // Business Manager's receipt, Northamptonshire's mediation offer): their forms have no `outcome`
  // field. A form that has one marks it required, which the form check has already enforced.
  const parsed = checked.errors.length === 0 ? withoutOutcome.safeParse(checked.values) : null;
  if (parsed?.success) return parsed.data;
  throw badRequest(
    parsed
      ? parsed.error.issues.map((i) => ({
          path: ['body', ...i.path.map(String)].join('.'),
          message: i.message,
        }))
      : checked.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })),
    'The form’s data has invalid fields; the task is still open and nothing was changed.',
  );
}
