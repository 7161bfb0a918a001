import type { Store } from '../store/database.js';
import type { VariableMap } from '../../variables.js';
import { decodeValue, type StoredValue } from '../values/variable-codec.js';

/** Process-level variables of an instance that has ended, read back from history. */
export function finishedVariables(store: Store, instanceId: string): VariableMap {
  const rows = store
    .sql(
      `SELECT * FROM hist_variable WHERE process_instance_id = ? AND execution_id = ? AND state = 'CREATED'
        ORDER BY rowid`,
    )
    .all(instanceId, instanceId) as (StoredValue & { name: string })[];
  const result: VariableMap = {};
  for (const row of rows) result[row.name] = decodeValue(row);
  return result;
}
