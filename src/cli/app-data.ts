/**
 * The application data of DATA_DIR for CLI commands: the database (beside a running server: WAL
 * readers and short write transactions, never the engine's lock) and the key (DATA_KEY or the key
 * file; the CLI never creates one). Reads of personal data are audited as `cli:<os user>`.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { openAppDatabase } from '../store/app-database.js';
import { dataFiles } from '../store/data-files.js';
import { loadDataKey } from '../crypto/data-key.js';
import { RecordStore } from '../record/record-store.js';
import { DocumentStore } from '../documents/document-store.js';
import { SubjectStore } from '../subjects/subject-store.js';
import { AuditLog } from '../audit/audit-log.js';
import { UserStore } from '../identity/user-store.js';
import { TokenStore } from '../identity/token-store.js';
import { SessionStore } from '../identity/session-store.js';
import { reportBadInput } from './args.js';
import type { CliIo } from './io.js';

export interface AppData {
  db: Db;
  record: RecordStore;
  documents: DocumentStore;
  subjects: SubjectStore;
  audit: AuditLog;
  /** Who the audit log names for this command. */
  actor: string;
  close(): void;
}

/** A problem the user can fix (no data directory yet, no key): exit 2 with this message. */
export class AppDataUnavailable extends Error {}

/** DATA_DIR's files, once the server has created its application database. */
function existingDataFiles(io: CliIo): ReturnType<typeof dataFiles> {
  const dataDir = path.resolve(io.env.DATA_DIR?.trim() || './data');
  const files = dataFiles(dataDir);
  if (!existsSync(files.app)) {
    throw new AppDataUnavailable(
      `no application data in ${dataDir} (set DATA_DIR to the server's data directory)`,
    );
  }
  return files;
}

export function openAppData(io: CliIo): AppData {
  const files = existingDataFiles(io);
  let key;
  try {
    key = loadDataKey({ dataKey: io.env.DATA_KEY, keyFile: files.keyFile, mayCreate: false });
  } catch (error) {
    throw new AppDataUnavailable((error as Error).message);
  }
  const db = openAppDatabase(files.app);
  return {
    db,
    record: new RecordStore(db, key.bytes),
    documents: new DocumentStore(db, key.bytes),
    subjects: new SubjectStore(db, key.bytes),
    audit: new AuditLog(db),
    actor: `cli:${userInfo().username}`,
    close: () => db.close(),
  };
}

/**
 * Runs `use` with DATA_DIR's application data and closes it after. A problem the user can fix (no
 * data directory yet, no key) is bad input to `command` (exit 2, the message on stderr).
 */
export async function withAppData(
  io: CliIo,
  command: string,
  use: (data: AppData) => number | Promise<number>,
): Promise<number> {
  let data: AppData;
  try {
    data = openAppData(io);
  } catch (error) {
    if (error instanceof AppDataUnavailable) return reportBadInput(io, command, error.message);
    throw error;
  }
  try {
    return await use(data);
  } finally {
    data.close();
  }
}

/** The people who may sign in (users, tokens, sessions) and the audit log: nothing sealed, no key. */
export interface IdentityData {
  db: Db;
  users: UserStore;
  tokens: TokenStore;
  sessions: SessionStore;
  audit: AuditLog;
  /** Who the audit log names for this command. */
  actor: string;
  close(): void;
}

/** Opens DATA_DIR's identity stores (beside a running server, like {@link openAppData}). */
export function openIdentityData(io: CliIo): IdentityData {
  const db = openAppDatabase(existingDataFiles(io).app);
  return {
    db,
    users: new UserStore(db),
    tokens: new TokenStore(db),
    sessions: new SessionStore(db),
    audit: new AuditLog(db),
    actor: `cli:${userInfo().username}`,
    close: () => db.close(),
  };
}
