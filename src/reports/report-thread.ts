/**
 * The body of the report thread (report-runner.ts): computes partnership reports on connections of
 * its own to the application database, so a long period never blocks the server's event loop. Each
 * report opens a connection, only reads (WAL: one snapshot while the server goes on writing) and
 * closes it; its temporary tables are its own. Partnerships are read from this checkout, as the
 * server reads them.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { loadPartnerships, type PartnershipEntry } from '../../processes/catalogue.js';
import { partnershipReport } from './partnership-report.js';

/** A request to the thread: instants as milliseconds. */
export interface ThreadRequest {
  id: number;
  dbFile: string;
  partnership: string;
  from: number;
  to: number;
  now: number;
}

/** The thread's answer: the report, or the error's message. */
export type ThreadAnswer =
  { id: number; report: Awaited<ReturnType<typeof partnershipReport>> } | { id: number; error: string };

let partnerships: Map<string, PartnershipEntry> | null = null;

/** A connection for one report, closed after it: the thread holds no file open between reports. */
function connection(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

async function answer(request: ThreadRequest): Promise<ThreadAnswer> {
  let db: Db | null = null;
  try {
    partnerships ??= new Map(loadPartnerships().map((p) => [p.settings.id, p]));
    const partnership = partnerships.get(request.partnership);
    if (!partnership) throw new Error(`no partnership ${request.partnership}`);
    db = connection(request.dbFile);
    const report = await partnershipReport({
      db,
      partnership,
      period: { from: new Date(request.from), to: new Date(request.to) },
      now: new Date(request.now),
    });
    return { id: request.id, report };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

parentPort?.on('message', (request: ThreadRequest) => {
  void answer(request).then((a) => parentPort!.postMessage(a));
});
