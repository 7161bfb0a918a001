import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A consistent online copy of the engine database through SQLite's backup API. It reads a
 * snapshot page by page without taking the data directory's owner lock, so it works while an
 * engine runs on the file; writes go on meanwhile. The copy is written beside the target and
 * renamed into place, so a crash never leaves a half-written backup under the final name.
 */
export async function backupDatabase(databaseFile: string, target: string): Promise<void> {
  if (!existsSync(databaseFile)) throw new Error(`No engine database at ${databaseFile}`);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  renameSync(partial, target);
}
