/**
 * The two task wait states: an external task row that workers fetch and lock, and a user task
 * row with its assignee, candidate groups, due date and form, all evaluated when it is created.
 */
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import type { Expression } from '../../expressions/expression.js';
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import { evaluate } from './evaluate.js';
import { recordActivityTask } from './history.js';
import type { Step } from './step.js';
import { scopeChain, type ScopeRef } from './variables.js';

/** Camunda's default user task priority. */
const DEFAULT_TASK_PRIORITY = 50;

export function createExternalTask(step: Step, activity: ActivityRow, node: FlowNode): void {
  const external = node.info.external!;
  const chain = scopeChain(step.instance, activity);
  const priority = external.priority
    ? toInteger(evaluate(step, external.priority, chain), 'camunda:taskPriority')
    : 0;
  const def = step.instance.definition;
  step.store
    .sql(
      `INSERT INTO external_task (id, process_instance_id, execution_id, activity_instance_id, activity_id, topic,
        priority, create_time, definition_id, definition_key, version_tag, business_key)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(
      step.newId(),
      step.instance.id,
      activity.execution_id,
      activity.id,
      node.id,
      external.topic,
      priority,
      step.now,
      def.id,
      def.key,
      def.version_tag,
      step.instance.row.business_key,
    );
  step.effects.topics.add(external.topic);
}

export function createUserTask(step: Step, activity: ActivityRow, node: FlowNode): void {
  const spec = node.info.userTask;
  const chain = scopeChain(step.instance, activity);
  const groups = spec?.candidateGroups ? groupsOf(evaluate(step, spec.candidateGroups, chain)) : [];
  const task = {
    id: step.newId(),
    process_instance_id: step.instance.id,
    execution_id: activity.execution_id,
    activity_instance_id: activity.id,
    activity_id: node.id,
    name: node.name,
    assignee: spec?.assignee ? textOrNull(evaluate(step, spec.assignee, chain)) : null,
    create_time: step.now,
    due: spec?.dueDate ? dateOf(step, spec.dueDate, chain) : null,
    priority: DEFAULT_TASK_PRIORITY,
    form_key: spec?.formKey ?? null,
    form_ref: spec?.formRef ? JSON.stringify(spec.formRef) : null,
    definition_id: step.instance.definition.id,
    definition_key: step.instance.definition.key,
    business_key: step.instance.row.business_key,
    candidate_groups: JSON.stringify(groups),
  };
  insertUserTask(step, task, groups);
  recordActivityTask(step, activity.id, task.id, task.assignee);
}

function insertUserTask(step: Step, task: Record<string, unknown> & { id: string }, groups: string[]): void {
  step.store
    .sql(
      `INSERT INTO user_task (id, process_instance_id, execution_id, activity_instance_id, activity_id, name,
        assignee, create_time, due, priority, form_key, form_ref, definition_id, business_key, candidate_groups)
        VALUES (@id, @process_instance_id, @execution_id, @activity_instance_id, @activity_id, @name, @assignee,
        @create_time, @due, @priority, @form_key, @form_ref, @definition_id, @business_key, @candidate_groups)`,
    )
    .run(task);
  for (const group of groups) {
    step.store.sql('INSERT INTO task_candidate (task_id, group_id) VALUES (?,?)').run(task.id, group);
  }
  step.store
    .sql(
      `INSERT INTO hist_task (id, definition_key, definition_id, process_instance_id, execution_id,
        activity_instance_id, name, assignee, start_time, task_definition_key, priority, due)
        VALUES (@id, @definition_key, @definition_id, @process_instance_id, @execution_id, @activity_instance_id,
        @name, @assignee, @create_time, @activity_id, @priority, @due)`,
    )
    .run(task);
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

/** `a, b` or a list, as Camunda's candidate groups accept. */
function groupsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
  return [...new Set(items.map((g) => g.trim()).filter((g) => g.length > 0))];
}

function dateOf(step: Step, expression: Expression, chain: readonly ScopeRef[]): number | null {
  const value = evaluate(step, expression, chain);
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return step.ctx.timers.schedule('timeDate', value, step.now)!.dueAt;
  throw new ProcessEngineError(`camunda:dueDate must be a Date or an ISO 8601 string: ${expression.source}`);
}

function toInteger(value: unknown, field: string): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new ProcessEngineError(`${field} must evaluate to a whole number`);
  }
  return number;
}
