/**
 * One process instance, hydrated from its rows for the length of a step: the instance row, its
 * definition's model and its live activity instances. Loading costs a few indexed reads, so
 * nothing is kept in memory between steps and memory does not grow with waiting instances.
 */
import type { DefinitionRow, InstanceRow, ActivityRow } from '../store/rows.js';
import type { Store } from '../store/database.js';
import type { ProcessModel, FlowNode } from '../model/process-model.js';

export class InstanceState {
  readonly activities = new Map<string, ActivityRow>();
  /** Ids loaded from the store, to write only the difference at the end of the step. */
  private readonly stored = new Set<string>();
  private readonly changed = new Set<string>();
  ended = false;

  constructor(
    readonly row: InstanceRow,
    readonly definition: DefinitionRow,
    readonly model: ProcessModel,
  ) {}

  get id(): string {
    return this.row.id;
  }

  /** Loads the live activity instances of `row` from the store. */
  static load(store: Store, row: InstanceRow, definition: DefinitionRow, model: ProcessModel): InstanceState {
    const state = new InstanceState(row, definition, model);
    const rows = store
      .sql('SELECT * FROM activity_instance WHERE process_instance_id = ? ORDER BY rowid')
      .all(row.id) as ActivityRow[];
    for (const activity of rows) {
      state.activities.set(activity.id, activity);
      state.stored.add(activity.id);
    }
    return state;
  }

  addActivity(activity: ActivityRow): void {
    this.activities.set(activity.id, activity);
  }

  removeActivity(activity: ActivityRow): void {
    this.activities.delete(activity.id);
  }

  setState(activity: ActivityRow, state: ActivityRow['state']): void {
    activity.state = state;
    this.changed.add(activity.id);
  }

  /**
   * Writes what the step changed: activity instances that survive it are inserted, those it
   * ended are deleted. Instances that start and end within one step (events, gateways) never
   * touch the runtime table.
   */
  flush(store: Store): void {
    for (const id of this.stored) {
      if (!this.activities.has(id)) store.sql('DELETE FROM activity_instance WHERE id = ?').run(id);
    }
    for (const a of this.activities.values()) {
      if (!this.stored.has(a.id)) {
        store
          .sql(
            `INSERT INTO activity_instance (id, process_instance_id, parent_id, activity_id, execution_id, state,
              start_time) VALUES (?,?,?,?,?,?,?)`,
          )
          .run(
            a.id,
            a.process_instance_id,
            a.parent_id,
            a.activity_id,
            a.execution_id,
            a.state,
            a.start_time,
          );
      } else if (this.changed.has(a.id)) {
        store.sql('UPDATE activity_instance SET state = ? WHERE id = ?').run(a.state, a.id);
      }
    }
  }

  node(activityId: string): FlowNode {
    const node = this.model.nodes.get(activityId);
    if (!node) throw new Error(`Activity ${activityId} is not in definition ${this.model.definitionId}`);
    return node;
  }

  /** Activity instances directly inside the scope `parentId` (a sub-process instance or the process). */
  children(parentId: string): ActivityRow[] {
    const result: ActivityRow[] = [];
    for (const activity of this.activities.values())
      if (activity.parent_id === parentId) result.push(activity);
    return result;
  }

  /** The enclosing scope activity instances of `activity`, innermost first (the process is not included). */
  ancestors(activity: ActivityRow): ActivityRow[] {
    const result: ActivityRow[] = [];
    let parent = this.activities.get(activity.parent_id);
    while (parent) {
      result.push(parent);
      parent = this.activities.get(parent.parent_id);
    }
    return result;
  }

  /** The execution id of the scope `parentId` (the process instance's id at the top). */
  scopeExecution(parentId: string): string {
    return parentId === this.row.id
      ? this.row.id
      : (this.activities.get(parentId)?.execution_id ?? this.row.id);
  }
}
