/**
 * The application's SQLite database (`escalations.sqlite`): the record, the outbox, documents,
 * subjects, invites and the audit log, one schema migrated forward in order. WAL mode, so the CLI
 * reads while the server writes; a busy timeout, so a CLI append waits for the server's commit.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/** Opens (creating if needed) the application database and applies pending migrations. */
export function openAppDatabase(file: string): Db {
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged record entry or sent-mail mark survives power loss, like the engine's.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, not left in free pages: retention's erasure must leave
    // no ciphertext behind while the key that opens it is still in use (docs/operations.md).
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The schema version this release writes. */
export const APP_SCHEMA_VERSION = MIGRATIONS.length;

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `escalations.sqlite has schema version ${current}, newer than this release (${MIGRATIONS.length}); upgrade the release`,
    );
  }
  // BEGIN IMMEDIATE: two processes opening a fresh directory at once migrate one after the other.
  const run = db.transaction(() => {
    const now = db.pragma('user_version', { simple: true }) as number;
    for (let v = now; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  if (current < MIGRATIONS.length) run.immediate();
}
