import type { Database } from 'better-sqlite3';

/**
 * Schema version 4: an index that serves fetch-and-lock in priority order straight from the
 * index, whatever the backlog. Within one topic and lock state its entries run by priority
 * (highest first), then by rowid (creation order), exactly the order `usePriority` asks for, so
 * fetching the next 100 unlocked tasks reads about 100 entries instead of sorting the whole topic.
 * The v1 index `(topic, lock_expiration)` keeps serving the plain creation-order fetch.
 */
export function migrateToV4(db: Database): void {
  db.exec('CREATE INDEX external_task_fetch ON external_task(topic, lock_expiration, priority DESC)');
}
