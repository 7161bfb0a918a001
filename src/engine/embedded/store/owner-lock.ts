import Database from 'better-sqlite3';
import { DataDirectoryInUseError } from '../errors/data-directory-in-use-error.js';

/** Held for the engine's lifetime; releasing it lets another process open the data directory. */
export interface OwnerLock {
  release(): void;
}

/**
 * Takes the data directory for this process. The lock is an exclusive write transaction on a small
 * side database (`<file>.lock`): SQLite's POSIX locks vanish with the process, so a crashed owner
 * (kill -9, power loss) never leaves a stale lock behind, and a live owner can never be ignored.
 * Readers of the main database (e.g. `escalation backup`) are not blocked.
 */
export function acquireOwnerLock(databaseFile: string): OwnerLock {
  const lockFile = `${databaseFile}.lock`;
  const db = new Database(lockFile, { timeout: 0 });
  try {
    // The rollback journal keeps the lock on the file itself (WAL would share it through -shm).
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER)');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('DELETE FROM owner').run();
    db.prepare('INSERT INTO owner (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new DataDirectoryInUseError(databaseFile);
    throw error;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
