/**
 * Every store of the application database, opened once per process: the workers write them, the
 * API and the CLI read them. The key (DATA_KEY, or the embedded default's key file) seals what may
 * hold personal data: record payloads, documents, children's details.
 */
import { mkdirSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { openAppDatabase } from './app-database.js';
import { dataFiles } from './data-files.js';
import { loadDataKey, type DataKey } from '../crypto/data-key.js';
import { RecordStore } from '../record/record-store.js';
import { backfillLessonFacts } from '../record/lesson-facts.js';
import { OutboxStore } from '../messaging/outbox-store.js';
import { InviteStore } from '../messaging/invite-store.js';
import { DocumentStore } from '../documents/document-store.js';
import { SubjectStore } from '../subjects/subject-store.js';
import { AuditLog } from '../audit/audit-log.js';
import { UserStore } from '../identity/user-store.js';
import { TokenStore } from '../identity/token-store.js';
import { SessionStore } from '../identity/session-store.js';
import { EscalationIndex } from '../escalations/escalation-index.js';

export interface AppStores {
  db: Db;
  key: DataKey;
  record: RecordStore;
  outbox: OutboxStore;
  invites: InviteStore;
  documents: DocumentStore;
  subjects: SubjectStore;
  audit: AuditLog;
  users: UserStore;
  tokens: TokenStore;
  sessions: SessionStore;
  escalations: EscalationIndex;
  close(): void;
}

export interface AppStoreOptions {
  dataDir: string;
  /** DATA_KEY, if set. */
  dataKey: string | null;
  /** Whether the key file may be created (the embedded default only). */
  mayCreateKey: boolean;
  /** The host part of calendar invites' UIDs (the public host name). */
  uidDomain: string;
}

/** Opens DATA_DIR's application database and key. @throws DataKeyError when no usable key. */
export function openAppStores(options: AppStoreOptions): AppStores {
  mkdirSync(options.dataDir, { recursive: true });
  const files = dataFiles(options.dataDir);
  const key = loadDataKey({
    dataKey: options.dataKey ?? undefined,
    keyFile: files.keyFile,
    mayCreate: options.mayCreateKey,
  });
  const db = openAppDatabase(files.app);
  const record = new RecordStore(db, key.bytes);
  // Lessons entries written before their plain facts were kept get them now (needs the key).
  backfillLessonFacts(db, record);
  return {
    db,
    key,
    record,
    outbox: new OutboxStore(db),
    invites: new InviteStore(db, options.uidDomain),
    documents: new DocumentStore(db, key.bytes),
    subjects: new SubjectStore(db, key.bytes),
    audit: new AuditLog(db),
    users: new UserStore(db),
    tokens: new TokenStore(db),
    sessions: new SessionStore(db),
    escalations: new EscalationIndex(db),
    close: () => db.close(),
  };
}
