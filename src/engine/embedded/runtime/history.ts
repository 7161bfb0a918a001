/**
 * History at Camunda's `full` level, written in the same transaction as the runtime change it
 * describes: process and activity instances, variable values (latest value, CREATED/DELETED),
 * user tasks and incidents.
 */
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import type { StoredValue } from '../values/variable-codec.js';
import type { Step } from './step.js';
import type { ScopeRef } from './variables.js';

/** The history tables whose rows hang off a historic process instance (`process_instance_id`). */
export const HISTORY_CHILD_TABLES = ['hist_activity_instance', 'hist_variable', 'hist_incident', 'hist_task'];

export function recordProcessStart(step: Step, startActivityId: string): void {
  const { instance } = step;
  const def = instance.definition;
  step.store
    .sql(
      `INSERT INTO hist_process_instance (id, business_key, definition_id, definition_key, definition_name,
        definition_version, start_time, start_activity_id, state) VALUES (?,?,?,?,?,?,?,?, 'ACTIVE')`,
    )
    .run(
      instance.id,
      instance.row.business_key,
      def.id,
      def.key,
      def.name,
      def.version,
      step.now,
      startActivityId,
    );
}

/**
 * Ends the historic process instance and stamps the removal time (end + historyTimeToLive days,
 * Camunda's default `end` strategy) on every history row of the instance.
 */
export function recordProcessEnd(step: Step, state: string, deleteReason: string | null): void {
  const { instance } = step;
  const ttl = instance.definition.history_ttl;
  const removal = ttl === null ? null : removalTime(step, ttl);
  step.activityHistory.flush(removal);
  step.store
    .sql(
      'UPDATE hist_process_instance SET end_time = ?, state = ?, delete_reason = ?, removal_time = ? WHERE id = ?',
    )
    .run(step.now, state, deleteReason, removal, instance.id);
  for (const table of HISTORY_CHILD_TABLES) {
    step.store
      .sql(`UPDATE ${table} SET removal_time = ? WHERE process_instance_id = ?`)
      .run(removal, instance.id);
  }
}

/**
 * End + `days` calendar days in the engine's zone: Camunda adds them with `Calendar.add(DATE, n)` in the JVM's
 * zone, so the wall-clock time is kept across a DST change (measured on Operaton: ended 16:17 GMT in November,
 * removal 16:17 BST in May, 180 days later).
 */
function removalTime(step: Step, days: number): number {
  return step.ctx.timers.schedule('timeDuration', `P${days}D`, step.now)!.dueAt;
}

export function recordActivityStart(step: Step, activity: ActivityRow, node: FlowNode): void {
  step.activityHistory.start(activity, node, step.now);
}

export function recordActivityEnd(
  step: Step,
  activityId: string,
  canceled: boolean,
  completeScope = false,
): void {
  step.activityHistory.end(activityId, step.now, canceled, completeScope);
}

/** Links a user task to its historic activity instance. */
export function recordActivityTask(
  step: Step,
  activityId: string,
  taskId: string,
  assignee: string | null,
): void {
  step.activityHistory.task(activityId, taskId, assignee);
}

export interface VariableChange {
  id: string;
  name: string;
  /** Set when the variable is created. */
  scope: ScopeRef | null;
  stored: StoredValue;
  created: boolean;
}

export function recordVariable(step: Step, change: VariableChange): void {
  const { stored } = change;
  if (!change.created) {
    step.store
      .sql(
        `UPDATE hist_variable SET type = ?, text_value = ?, number_value = ?, bytes_value = ?, value_info = ?,
          state = 'CREATED' WHERE id = ?`,
      )
      .run(
        stored.type,
        stored.text_value,
        stored.number_value,
        stored.bytes_value,
        stored.value_info,
        change.id,
      );
    return;
  }
  const def = step.instance.definition;
  step.store
    .sql(
      `INSERT INTO hist_variable (id, name, type, text_value, number_value, bytes_value, value_info,
        definition_key, definition_id, process_instance_id, execution_id, activity_instance_id, state, create_time)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?, 'CREATED', ?)`,
    )
    .run(
      change.id,
      change.name,
      stored.type,
      stored.text_value,
      stored.number_value,
      stored.bytes_value,
      stored.value_info,
      def.key,
      def.id,
      step.instance.id,
      change.scope!.scopeId,
      change.scope!.activityInstanceId,
      step.now,
    );
}
