/**
 * Cancelling activity instances (interrupting events, terminate, deletion) and removing what a
 * finished activity owned: its tasks, timers, message subscriptions and their incidents.
 */
import type { ActivityRow } from '../store/rows.js';
import { recordActivityEnd } from './history.js';
import { closeIncidents } from './incidents.js';
import type { Step } from './step.js';
import { dropScope } from './variables.js';

/** Cancels `activity` and everything inside it. */
export function cancelActivity(step: Step, activity: ActivityRow, reason: string): void {
  for (const child of step.instance.children(activity.id)) cancelActivity(step, child, reason);
  removeTasks(step, activity.id, reason);
  removeOwned(step, activity.id);
  if (step.instance.node(activity.activity_id).isScope) dropScope(step, activity.execution_id);
  recordActivityEnd(step, activity.id, true);
  step.instance.removeActivity(activity);
}

function removeTasks(step: Step, activityInstanceId: string, reason: string): void {
  const external = step.store
    .sql('SELECT id FROM external_task WHERE activity_instance_id = ?')
    .all(activityInstanceId) as { id: string }[];
  for (const { id } of external) {
    closeIncidents(step, id, 'deleted');
    step.store.sql('DELETE FROM external_task WHERE id = ?').run(id);
  }
  const user = step.store
    .sql('SELECT id FROM user_task WHERE activity_instance_id = ?')
    .all(activityInstanceId) as { id: string }[];
  for (const { id } of user) endUserTask(step, id, reason);
}

/** Removes a user task's runtime rows and closes its history with `reason` (`completed`, `deleted`…). */
export function endUserTask(step: Step, taskId: string, reason: string): void {
  step.store.sql('DELETE FROM user_task WHERE id = ?').run(taskId);
  step.store.sql('DELETE FROM task_candidate WHERE task_id = ?').run(taskId);
  step.store
    .sql('UPDATE hist_task SET end_time = ?, delete_reason = ? WHERE id = ?')
    .run(step.now, reason, taskId);
}

/** Deletes the timers and message subscriptions owned by an activity instance or scope. */
export function removeOwned(step: Step, ownerId: string): void {
  const jobs = step.store.sql('SELECT id FROM job WHERE owner_id = ?').all(ownerId) as { id: string }[];
  for (const { id } of jobs) {
    closeIncidents(step, id, 'deleted');
    step.store.sql('DELETE FROM job WHERE id = ?').run(id);
    step.effects.jobsChanged = true;
  }
  step.store.sql('DELETE FROM message_subscription WHERE owner_id = ?').run(ownerId);
}

/** Deletes every runtime row left for the instance when it ends. */
export function removeInstanceArtifacts(step: Step): void {
  const id = step.instance.id;
  const jobs = step.store.sql('SELECT count(*) AS n FROM job WHERE process_instance_id = ?').get(id) as {
    n: number;
  };
  if (jobs.n > 0) step.effects.jobsChanged = true;
  for (const table of ['job', 'message_subscription', 'external_task', 'variable', 'incident']) {
    step.store.sql(`DELETE FROM ${table} WHERE process_instance_id = ?`).run(id);
  }
  const open = step.store
    .sql('SELECT id FROM hist_incident WHERE process_instance_id = ? AND end_time IS NULL')
    .all(id);
  for (const { id: incidentId } of open as { id: string }[]) {
    step.store
      .sql("UPDATE hist_incident SET state = 'deleted', end_time = ? WHERE id = ?")
      .run(step.now, incidentId);
  }
}
