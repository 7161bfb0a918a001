import type { Database } from 'better-sqlite3';

/**
 * Schema version 2: a user task's candidate groups are also kept on its row (JSON), so task lists
 * are read without a query per task. Existing tasks are backfilled from `task_candidate`, which
 * stays the index for `candidateGroup` filters.
 */
export function migrateToV2(db: Database): void {
  db.exec("ALTER TABLE user_task ADD COLUMN candidate_groups TEXT NOT NULL DEFAULT '[]'");
  const tasks = db.prepare('SELECT id FROM user_task').all() as { id: string }[];
  const groups = db.prepare('SELECT group_id FROM task_candidate WHERE task_id = ? ORDER BY rowid');
  const update = db.prepare('UPDATE user_task SET candidate_groups = ? WHERE id = ?');
  for (const { id } of tasks) {
    const list = (groups.all(id) as { group_id: string }[]).map((g) => g.group_id);
    update.run(JSON.stringify(list), id);
  }
}
