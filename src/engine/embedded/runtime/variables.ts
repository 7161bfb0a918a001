/**
 * Variables with Camunda's scopes: the process instance, sub-process instances and activities with
 * local variables (input mappings). Reads walk the chain from the innermost scope outwards; a
 * plain write updates the nearest scope that already holds the name, else creates it on the
 * process instance (Camunda's `setVariable`); a local write stays in its scope.
 */
import type { TypedValue, VariableMap } from '../../variables.js';
import type { ActivityRow } from '../store/rows.js';
import type { Store } from '../store/database.js';
import { decodeValue, encodeValue, type StoredValue } from '../values/variable-codec.js';
import type { InstanceState } from './instance-state.js';
import type { Step } from './step.js';
import { recordVariable } from './history.js';

/** One variable scope: its id (an execution id) and the activity instance it belongs to. */
export interface ScopeRef {
  scopeId: string;
  activityInstanceId: string;
}

interface VariableRow extends StoredValue {
  id: string;
  scope_id: string;
  name: string;
}

/** The columns {@link visibleVariables} reads. */
type VisibleRow = Omit<VariableRow, 'id'>;

/** The process instance's own scope (its id is both the execution and the activity instance). */
export function instanceScope(instanceId: string): ScopeRef {
  return { scopeId: instanceId, activityInstanceId: instanceId };
}

/** The scopes visible from `activity` (or from the process instance itself), innermost first. */
export function scopeChain(instance: InstanceState, activity: ActivityRow | null): ScopeRef[] {
  const chain: ScopeRef[] = [];
  if (activity && instance.node(activity.activity_id).isScope) {
    chain.push({ scopeId: activity.execution_id, activityInstanceId: activity.id });
  }
  for (const ancestor of activity ? instance.ancestors(activity) : []) {
    chain.push({ scopeId: ancestor.execution_id, activityInstanceId: ancestor.id });
  }
  chain.push(instanceScope(instance.id));
  return chain;
}

function rowsNamed(store: Store, chain: readonly ScopeRef[], name: string): VariableRow[] {
  const marks = chain.map(() => '?').join(',');
  return store
    .sql(`SELECT * FROM variable WHERE name = ? AND scope_id IN (${marks})`)
    .all(name, ...chain.map((s) => s.scopeId)) as VariableRow[];
}

/** The row of the innermost scope holding `name`. */
function nearest(rows: VariableRow[], chain: readonly ScopeRef[]): VariableRow | undefined {
  for (const scope of chain) {
    const row = rows.find((r) => r.scope_id === scope.scopeId);
    if (row) return row;
  }
  return undefined;
}

/** Reads `name` through the chain; undefined when no scope holds it. */
export function readVariable(store: Store, chain: readonly ScopeRef[], name: string): TypedValue | undefined {
  const row = nearest(rowsNamed(store, chain, name), chain);
  return row ? decodeValue(row) : undefined;
}

/**
 * Every variable visible through the chain, inner scopes shadowing outer ones; only those in
 * `names` when given. Reads just the columns a value needs: better-sqlite3 builds each row object
 * property by property, so `SELECT *` of a task's variables costs about twice as much.
 */
export function visibleVariables(
  store: Store,
  chain: readonly ScopeRef[],
  names?: readonly string[],
): VariableMap {
  const scopes = chain.map(() => '?').join(',');
  const named = names ? ` AND name IN (${names.map(() => '?').join(',')})` : '';
  const rows = store
    .sql(
      `SELECT scope_id, name, type, text_value, number_value, bytes_value, value_info FROM variable
        WHERE scope_id IN (${scopes})${named} ORDER BY rowid`,
    )
    .all(...chain.map((s) => s.scopeId), ...(names ?? [])) as VisibleRow[];
  const result: VariableMap = {};
  for (const scope of [...chain].reverse()) {
    for (const row of rows) if (row.scope_id === scope.scopeId) result[row.name] = decodeValue(row);
  }
  return result;
}

/** Camunda's `setVariable`: the nearest scope holding the name, else the process instance. */
export function setVariable(step: Step, chain: readonly ScopeRef[], name: string, value: TypedValue): void {
  const existing = nearest(rowsNamed(step.store, chain, name), chain);
  if (existing) return updateRow(step, existing, value);
  insertRow(step, chain[chain.length - 1]!, name, value);
}

/** Camunda's `setVariableLocal`: always in `scope`. */
export function setLocalVariable(step: Step, scope: ScopeRef, name: string, value: TypedValue): void {
  const existing = rowsNamed(step.store, [scope], name)[0];
  if (existing) return updateRow(step, existing, value);
  insertRow(step, scope, name, value);
}

/** Sets every entry of `variables` with {@link setVariable}. */
export function setVariables(
  step: Step,
  chain: readonly ScopeRef[],
  variables: VariableMap | undefined,
): void {
  for (const [name, value] of Object.entries(variables ?? {})) setVariable(step, chain, name, value);
}

/** Sets every entry of `variables` locally in `scope`. */
export function setLocalVariables(step: Step, scope: ScopeRef, variables: VariableMap | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) setLocalVariable(step, scope, name, value);
}

/** Creates a variable known not to exist yet in `scope` (a new instance's start variables). */
export function insertVariable(step: Step, scope: ScopeRef, name: string, value: TypedValue): void {
  insertRow(step, scope, name, value);
}

function insertRow(step: Step, scope: ScopeRef, name: string, value: TypedValue): void {
  const id = step.newId();
  const stored = encodeValue(value);
  step.store
    .sql(
      `INSERT INTO variable (id, process_instance_id, scope_id, activity_instance_id, name, type, text_value,
        number_value, bytes_value, value_info, create_time) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(
      id,
      step.instance.id,
      scope.scopeId,
      scope.activityInstanceId,
      name,
      stored.type,
      stored.text_value,
      stored.number_value,
      stored.bytes_value,
      stored.value_info,
      step.now,
    );
  recordVariable(step, { id, name, scope, stored, created: true });
}

function updateRow(step: Step, row: VariableRow, value: TypedValue): void {
  const stored = encodeValue(value);
  step.store
    .sql(
      'UPDATE variable SET type = ?, text_value = ?, number_value = ?, bytes_value = ?, value_info = ? WHERE id = ?',
    )
    .run(stored.type, stored.text_value, stored.number_value, stored.bytes_value, stored.value_info, row.id);
  recordVariable(step, { id: row.id, name: row.name, scope: null, stored, created: false });
}

/** Deletes `name` from the nearest scope holding it (history keeps it as DELETED). */
export function deleteVariable(step: Step, chain: readonly ScopeRef[], name: string): void {
  const existing = nearest(rowsNamed(step.store, chain, name), chain);
  if (!existing) return;
  step.store.sql('DELETE FROM variable WHERE id = ?').run(existing.id);
  step.store.sql("UPDATE hist_variable SET state = 'DELETED' WHERE id = ?").run(existing.id);
}

/** Drops a scope's runtime variables when the scope ends (history keeps them). */
export function dropScope(step: Step, scopeId: string): void {
  step.store.sql('DELETE FROM variable WHERE scope_id = ?').run(scopeId);
}
