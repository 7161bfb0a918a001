/**
 * The embedded engine's database opened read-only, for a command that runs beside `npm start`
 * (which owns the engine): whether an instance is running, and its historic end and removal time.
 * SQLite's WAL lets it read while the engine writes; it never takes the engine's owner lock.
 */
import Database from 'better-sqlite3';

/** One instance as the engine's tables hold it: null when neither running nor in history. */
export type InstanceFacts = { running: boolean; endTime: number | null; removalTime: number | null } | null;

export interface InstanceFactsReader {
  facts(processInstanceId: string): InstanceFacts;
  close(): void;
}

/** Opens `databaseFile` (the engine's SQLite file, which must exist) read-only. */
export function openInstanceFactsReader(databaseFile: string): InstanceFactsReader {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: 5000 });
  const running = db.prepare('SELECT 1 FROM process_instance WHERE id = ?');
  const history = db.prepare('SELECT end_time, removal_time FROM hist_process_instance WHERE id = ?');
  return {
    facts(id) {
      if (running.get(id)) return { running: true, endTime: null, removalTime: null };
      const h = history.get(id) as { end_time: number | null; removal_time: number | null } | undefined;
      if (!h) return null;
      return { running: h.end_time === null, endTime: h.end_time, removalTime: h.removal_time };
    },
    close: () => db.close(),
  };
}
