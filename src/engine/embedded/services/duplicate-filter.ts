import type { Store } from '../store/database.js';

/**
 * For duplicate filtering: each resource name's content hash in the latest deployment (of the same
 * name and source) that contains it, as Camunda compares against.
 */
export function previousResources(store: Store, name: string, source: string | null): Map<string, string> {
  const rows = store
    .sql(
      `SELECT r.name, r.content_hash FROM resource r JOIN deployment d ON d.id = r.deployment_id
        WHERE d.name IS ? AND d.source IS ? ORDER BY d.deploy_time, d.rowid`,
    )
    .all(name, source) as { name: string; content_hash: string }[];
  const latest = new Map<string, string>();
  for (const row of rows) latest.set(row.name, row.content_hash);
  return latest;
}
