/**
 * Historic activity instances, buffered for the length of a step: an activity that starts and
 * ends within the step (events, gateways, a task completed in the same call) is written once, with
 * its end, instead of an insert and an update. Rows of earlier steps are updated in place.
 */
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import type { Store } from '../store/database.js';

interface Pending {
  id: string;
  parentId: string;
  node: FlowNode;
  executionId: string;
  start: number;
  end: number | null;
  canceled: boolean;
  completeScope: boolean;
  taskId: string | null;
  assignee: string | null;
}

export class ActivityHistory {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly store: Store,
    private readonly definition: { key: string; id: string },
    private readonly instanceId: string,
  ) {}

  start(activity: ActivityRow, node: FlowNode, now: number): void {
    const { id, parent_id: parentId, execution_id: executionId } = activity;
    this.pending.set(id, { id, parentId, node, executionId, start: now, end: null, canceled: false, completeScope: false, taskId: null, assignee: null }); // prettier-ignore
  }

  end(activityId: string, now: number, canceled: boolean, completeScope: boolean): void {
    const row = this.pending.get(activityId);
    if (row) return void Object.assign(row, { end: now, canceled, completeScope });
    this.store
      .sql('UPDATE hist_activity_instance SET end_time = ?, canceled = ?, complete_scope = ? WHERE id = ?')
      .run(now, canceled ? 1 : 0, completeScope ? 1 : 0, activityId);
  }

  task(activityId: string, taskId: string, assignee: string | null): void {
    const row = this.pending.get(activityId);
    if (row) return void Object.assign(row, { taskId, assignee });
    this.store
      .sql('UPDATE hist_activity_instance SET task_id = ?, assignee = ? WHERE id = ?')
      .run(taskId, assignee, activityId);
  }

  /** Writes the buffered rows (in start order), with `removalTime` when the instance has ended. */
  flush(removalTime: number | null): void {
    const insert = this.store.sql(
      `INSERT INTO hist_activity_instance (id, parent_id, activity_id, activity_name, activity_type, definition_key,
        definition_id, process_instance_id, execution_id, task_id, assignee, start_time, end_time, canceled,
        complete_scope, removal_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const r of this.pending.values()) {
      insert.run(r.id, r.parentId, r.node.id, r.node.name, r.node.activityType, this.definition.key, this.definition.id,
        this.instanceId, r.executionId, r.taskId, r.assignee, r.start, r.end, r.canceled ? 1 : 0, r.completeScope ? 1 : 0, removalTime); // prettier-ignore
    }
    this.pending.clear();
  }
}
