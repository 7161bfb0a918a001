/** Incidents: a failed external task (retries 0) or a failed timer job, visible until resolved. */
import type { IncidentRow } from '../store/rows.js';
import type { Step } from './step.js';

export interface NewIncident {
  type: IncidentRow['type'];
  activityId: string;
  /** Where the failure happened (Camunda leaves it null for external tasks). */
  failedActivityId: string | null;
  executionId: string;
  /** The failing external task's or job's id. */
  configuration: string;
  message: string | null;
}

export function createIncident(step: Step, incident: NewIncident): string {
  const id = step.newId();
  const def = step.instance.definition;
  const { type, executionId, activityId, failedActivityId, configuration, message } = incident;
  step.store
    .sql(
      `INSERT INTO incident (id, type, process_instance_id, definition_id, execution_id, activity_id,
        failed_activity_id, configuration, message, create_time) VALUES (?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(
      id,
      type,
      step.instance.id,
      def.id,
      executionId,
      activityId,
      failedActivityId,
      configuration,
      message,
      step.now,
    );
  step.store
    .sql(
      `INSERT INTO hist_incident (id, definition_key, definition_id, process_instance_id, execution_id,
        create_time, type, activity_id, failed_activity_id, configuration, message, state)
        VALUES (?,?,?,?,?,?,?,?,?,?,?, 'open')`,
    )
    .run(id, def.key, def.id, step.instance.id, executionId, step.now, type, activityId, failedActivityId,
      configuration, message); // prettier-ignore
  return id;
}

/**
 * Closes the open incidents of a task or job: `resolved` when a person fixed the cause (retries
 * set again), `deleted` when the task or job went away (cancelled, completed, instance deleted).
 */
export function closeIncidents(step: Step, configuration: string, state: 'resolved' | 'deleted'): void {
  const rows = step.store.sql('SELECT id FROM incident WHERE configuration = ?').all(configuration) as {
    id: string;
  }[];
  for (const { id } of rows) {
    step.store.sql('DELETE FROM incident WHERE id = ?').run(id);
    step.store.sql('UPDATE hist_incident SET state = ?, end_time = ? WHERE id = ?').run(state, step.now, id);
  }
}
