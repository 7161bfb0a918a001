/**
 * What the task routes share: an escalation's open task by id (or why there is none), the Camunda
 * Form the engine deployed for it (the one Camunda Tasklist renders), the process variables its
 * expressions read, and an open task as `GET /escalations/:id` shows it.
 */
import type { z } from 'zod';
import { canComplete } from '../../access/access-rule.js';
import type { Principal } from '../../identity/principal.js';
import type { UserTask, VariableMap } from '../../engine/port.js';
import { formFields, type FormComponentJson, type FormField } from '../../forms/form-fields.js';
import { referencedVariables } from '../../forms/form-validation.js';
import { isOverdue } from '../../escalations/stages.js';
import { conflict, notFound } from '../http/problem.js';
import type { ApiDependencies } from '../deps.js';
import type { VisibleEscalation } from './visible.js';
import type { openTaskSchema } from './escalation-shapes.js';

/** An open task as `GET /escalations/:id` shows it (its `openTasks` item), for one task. */
export function openTaskView(
  deps: ApiDependencies,
  principal: Principal,
  visible: VisibleEscalation,
  t: UserTask,
): z.infer<typeof openTaskSchema> {
  return {
    id: t.id,
    elementId: t.taskDefinitionKey,
    name: t.name ?? t.taskDefinitionKey,
    candidateRoles: t.candidateGroups,
    due: t.due?.toISOString() ?? null,
    overdue: isOverdue(t.due, null, new Date(deps.clock.now())),
    formKey: t.camundaFormRef?.key ?? t.formKey,
    canComplete: canComplete(principal, visible.access, t.candidateGroups, deps.roles),
  };
}

/**
 * The open task `taskId` of the escalation. Otherwise: 409 when it was a task of this escalation
 * that has ended (`endedIsConflict`, for a completion), else 404 (never a task of another one).
 */
export async function openTaskOf(
  deps: ApiDependencies,
  visible: VisibleEscalation,
  taskId: string,
  endedIsConflict: boolean,
): Promise<UserTask> {
  const processInstanceId = visible.escalation.processInstanceId;
  const [task] = await deps.engine.listUserTasks({ taskId, processInstanceId });
  if (task) return task;
  if (endedIsConflict) {
    const [past] = await deps.engine.listHistoricTasks({ taskId, processInstanceId });
    if (past) throw taskEnded();
  }
  throw notFound('This escalation has no open task with that id.');
}

export const taskEnded = () =>
  conflict(
    'This task has already been completed (or the escalation moved on without it). Nothing was changed.',
  );

/** The task's deployed Camunda Form and its data fields. */
export async function formOf(
  deps: ApiDependencies,
  task: UserTask,
): Promise<{ schema: Record<string, unknown>; fields: FormField[] }> {
  if (!task.camundaFormRef) throw notFound('This task has no form to fill in here.');
  const deployed = await deps.engine.getDeployedForm(task.id);
  const schema = JSON.parse(deployed.content.toString('utf8')) as Record<string, unknown>;
  const components = Array.isArray(schema.components) ? (schema.components as FormComponentJson[]) : [];
  return { schema, fields: formFields(components) };
}

/** The process variables the form's expressions read that are not its own fields, as plain values. */
export async function referencedValues(
  deps: ApiDependencies,
  visible: VisibleEscalation,
  fields: readonly FormField[],
): Promise<Record<string, unknown>> {
  const names = referencedVariables(fields);
  if (names.length === 0) return {};
  const all = await deps.engine.getProcessVariables(visible.escalation.processInstanceId);
  return Object.fromEntries(names.map((n) => [n, n in all ? plain(all[n]!) : null]));
}

/** A typed variable as form data holds it: dates as RFC 3339 text, JSON parsed, binaries left out. */
function plain(v: VariableMap[string]): unknown {
  if (v.value === null) return null;
  if (v.type === 'Date') return v.value.toISOString();
  if (v.type === 'Json') return JSON.parse(v.value) as unknown;
  if (v.type === 'Bytes' || v.type === 'File' || v.type === 'Object') return null;
  return v.value;
}
