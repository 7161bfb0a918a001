/**
 * A subject access request: everything held about one child, found by partnership and case
 * reference. The child's details from the protected store; and for every escalation about that case
 * reference (in the record or the index), its index row, every record entry with its payload
 * decrypted, every document (PDF and JSON), every message of the outbox, and the audit entries about
 * it and about the child's details. Nothing of another case reference: every query is keyed by this
 * one. The caller audits the export (src/cli/commands/subjects.ts).
 */
import type { Database as Db } from 'better-sqlite3';
import type { RecordEntry, RecordStore } from '../record/record-store.js';
import type { DocumentInfo, DocumentStore } from '../documents/document-store.js';
import type { SubjectStore } from './subject-store.js';
import type { Subject } from './subject.js';
import { AuditLog, type AuditEntry } from '../audit/audit-log.js';
import { OutboxStore, type StoredMessage } from '../messaging/outbox-store.js';
import { EscalationIndex, type IndexedEscalation } from '../escalations/escalation-index.js';

export interface SubjectAccessStores {
  db: Db;
  record: RecordStore;
  documents: DocumentStore;
  subjects: SubjectStore;
}

export interface EscalationBundle {
  escalationId: string;
  /** The index row (null for one raised before the index existed, or never indexed). */
  escalation: IndexedEscalation | null;
  record: RecordEntry[];
  documents: { info: DocumentInfo; pdf: Buffer; json: unknown }[];
  messages: StoredMessage[];
  audit: AuditEntry[];
}

export interface SubjectAccessBundle {
  partnership: string;
  caseReference: string;
  subject: Subject | null;
  escalations: EscalationBundle[];
  /** Audit entries about the child's details themselves (reads, writes, erasure). */
  subjectAudit: AuditEntry[];
}

/** The escalation ids about one case reference of a partnership, oldest first. */
export function escalationsAbout(db: Db, partnership: string, caseReference: string): string[] {
  return db
    .prepare(
      `SELECT escalation_id FROM (
         SELECT escalation_id, min(seq) AS o FROM record_entries WHERE partnership = @p AND case_reference = @ref GROUP BY escalation_id
         UNION ALL SELECT id, 1e18 FROM escalations WHERE partnership = @p AND case_reference = @ref)
       GROUP BY escalation_id ORDER BY min(o), escalation_id`,
    )
    .pluck()
    .all({ p: partnership, ref: caseReference }) as string[];
}

export function gatherSubjectAccess(
  stores: SubjectAccessStores,
  partnership: string,
  caseReference: string,
): SubjectAccessBundle {
  const outbox = new OutboxStore(stores.db);
  const index = new EscalationIndex(stores.db);
  const audit = new AuditLog(stores.db);
  const escalations = escalationsAbout(stores.db, partnership, caseReference).map(
    (escalationId): EscalationBundle => ({
      escalationId,
      escalation: index.get(escalationId) ?? null,
      record: stores.record.forEscalation(escalationId),
      documents: stores.documents.forEscalation(escalationId).map((info) => ({
        info,
        pdf: stores.documents.pdf(info.id),
        json: stores.documents.json(info.id),
      })),
      messages: outbox.forEscalation(escalationId),
      audit: audit.forEscalation(escalationId),
    }),
  );
  return {
    partnership,
    caseReference,
    subject: stores.subjects.get(partnership, caseReference),
    escalations,
    subjectAudit: audit.forSubject(partnership, caseReference),
  };
}
