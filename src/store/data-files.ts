/**
 * The files of a data directory. One process (the server, or `npm run workers`) owns a data
 * directory; the CLI reads and appends beside it (SQLite WAL readers and short write transactions,
 * never the engine's owner lock).
 */
import path from 'node:path';

/** The engine's SQLite file (the embedded engine only). */
export const ENGINE_DATABASE_FILE = 'engine.sqlite';
/** The application's own data: record, outbox, documents, subjects, invites, audit (and users later). */
export const APP_DATABASE_FILE = 'escalations.sqlite';
/** The encryption key file of the embedded default (mode 0600, never in a backup). */
export const KEY_FILE = 'data.key';

/** Absolute paths of everything in `dataDir`. */
export interface DataFiles {
  dir: string;
  engine: string;
  app: string;
  keyFile: string;
}

export function dataFiles(dataDir: string): DataFiles {
  const dir = path.resolve(dataDir);
  return {
    dir,
    engine: path.join(dir, ENGINE_DATABASE_FILE),
    app: path.join(dir, APP_DATABASE_FILE),
    keyFile: path.join(dir, KEY_FILE),
  };
}
