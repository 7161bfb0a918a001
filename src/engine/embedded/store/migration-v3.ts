import type { Database } from 'better-sqlite3';
import { targetNamespaceOf } from '../model/target-namespace.js';

/**
 * Schema version 3: a process definition's `category` is its diagram's `targetNamespace`, as in
 * Camunda 7. Existing definitions are backfilled from their stored XML.
 */
export function migrateToV3(db: Database): void {
  db.exec('ALTER TABLE process_definition ADD COLUMN category TEXT');
  const rows = db
    .prepare('SELECT d.id, r.content FROM process_definition d JOIN resource r ON r.id = d.resource_id')
    .all() as { id: string; content: Buffer }[];
  const update = db.prepare('UPDATE process_definition SET category = ? WHERE id = ?');
  for (const row of rows) update.run(targetNamespaceOf(row.content.toString('utf8')), row.id);
}
