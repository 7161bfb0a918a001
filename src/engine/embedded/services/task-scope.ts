/** The variable scope chain of a task, read from its activity instance rows (no model needed). */
import type { Store } from '../store/database.js';
import type { ActivityRow } from '../store/rows.js';
import { instanceScope, type ScopeRef } from '../runtime/variables.js';

export function taskScopeChain(store: Store, activityInstanceId: string, instanceId: string): ScopeRef[] {
  const chain: ScopeRef[] = [];
  const seen = new Set<string>();
  let id: string | null = activityInstanceId;
  while (id && id !== instanceId) {
    const row = store.sql('SELECT * FROM activity_instance WHERE id = ?').get(id) as ActivityRow | undefined;
    if (!row) break;
    if (!seen.has(row.execution_id)) {
      seen.add(row.execution_id);
      chain.push({ scopeId: row.execution_id, activityInstanceId: row.id });
    }
    id = row.parent_id;
  }
  if (!seen.has(instanceId)) chain.push(instanceScope(instanceId));
  return chain;
}
