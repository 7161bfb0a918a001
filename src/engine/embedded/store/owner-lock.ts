import { closeSync, openSync, statSync, unlinkSync, type Stats } from 'node:fs';
import Database from 'better-sqlite3';
import { DataDirectoryInUseError } from '../errors/data-directory-in-use-error.js';

/** Held for the engine's lifetime; releasing it lets another process open the data directory. */
export interface OwnerLock {
  release(): void;
}

/** A lock file replaced between our open and our lock is tried again, this many times at most. */
const ATTEMPTS = 5;

/**
 * Takes the data directory for this process. The lock is an exclusive transaction on a small side
 * database (`<file>.lock`): SQLite's POSIX locks vanish with the process, so a crashed owner
 * (kill -9, power loss) never leaves a stale lock behind, and a live owner can never be ignored.
 * Readers of the main database (e.g. `escalation backup`) are not blocked.
 *
 * A clean release deletes the file. It is deleted while the lock is still held, and a new owner
 * checks, once it holds the lock, that the path still names the file it locked (else it locked a
 * deleted file and tries again), so two owners can never hold two different files at once.
 */
export function acquireOwnerLock(databaseFile: string): OwnerLock {
  const lockFile = `${databaseFile}.lock`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const lock = tryLock(lockFile, databaseFile);
    if (lock) return lock;
  }
  throw new DataDirectoryInUseError(databaseFile);
}

/** The lock, or null when the file was replaced meanwhile (try again). */
function tryLock(lockFile: string, databaseFile: string): OwnerLock | null {
  closeSync(openSync(lockFile, 'a'));
  const before = statSync(lockFile);
  const db = new Database(lockFile, { timeout: 0 });
  try {
    // The rollback journal keeps the lock on the file itself (WAL would share it through -shm).
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER)');
    // Nothing is written inside the transaction: no journal file exists while it is held.
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new DataDirectoryInUseError(databaseFile);
    throw error;
  }
  if (!sameFile(before, lockFile)) {
    db.exec('ROLLBACK');
    db.close();
    return null;
  }
  return {
    release() {
      if (!db.open) return;
      // Deleted while still held, so no one can lock the old file after us (see above).
      rmIfPresent(lockFile);
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Whether `path` still names the file `before` was read from. */
function sameFile(before: Stats, path: string): boolean {
  try {
    const now = statSync(path);
    return now.ino === before.ino && now.dev === before.dev && now.birthtimeMs === before.birthtimeMs;
  } catch {
    return false;
  }
}

function rmIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
