/**
 * Erases one escalation's personal data in one transaction: the sealed payloads of its record
 * entries, its documents (PDF and JSON), its messages and calendar invites (the outbox holds
 * professionals' addresses and the case reference), and the child's details once no other
 * escalation about the same case reference still needs them; then appends the erasure entry (the
 * tombstone, src/record/erasure.ts) that names what went. A dry run measures the same without
 * deleting anything.
 */
import type { Database as Db } from 'better-sqlite3';
import type { RecordStore } from '../record/record-store.js';
import { erasePayloads, ERASURE_KIND, type ErasurePayload } from '../record/erasure.js';
import type { RetentionCandidate } from './candidates.js';
import { isErased } from './candidates.js';

/** Why the escalation's time ran out then. */
export interface RemovalDecision {
  removalTime: Date;
  basis: ErasurePayload['basis'];
  historyTimeToLiveDays: number;
}

/** What an erasure removed (or, in a dry run, would remove). */
export type ErasureCounts = Omit<ErasurePayload, 'removalTime' | 'basis' | 'historyTimeToLiveDays'>;

/** Counts what {@link eraseEscalation} would remove, removing nothing. */
export function measureErasure(db: Db, c: RetentionCandidate): ErasureCounts {
  const count = (sql: string, ...args: unknown[]) =>
    (db
      .prepare(sql)
      .pluck()
      .get(...args) as number) ?? 0;
  const erasedPayloads = db
    .prepare(
      `SELECT p.seq FROM record_payloads p JOIN record_entries e ON e.seq = p.seq
       WHERE e.escalation_id = ? AND e.kind <> ? ORDER BY p.seq`,
    )
    .pluck()
    .all(c.escalationId, ERASURE_KIND) as number[];
  return {
    erasedPayloads,
    documents: count('SELECT count(*) FROM documents WHERE escalation_id = ?', c.escalationId),
    messages: count('SELECT count(*) FROM outbox WHERE escalation_id = ?', c.escalationId),
    invites: count('SELECT count(*) FROM invites WHERE escalation_id = ?', c.escalationId),
    subject: subjectFate(db, c),
  };
}

/**
 * Erases the escalation and appends its erasure entry, in one immediate transaction; null when
 * another process erased it first (the sweep and `escalation retention run` may meet).
 */
export function eraseEscalation(
  db: Db,
  record: RecordStore,
  c: RetentionCandidate,
  decision: RemovalDecision,
  now: Date,
): ErasurePayload | null {
  const run = db.transaction((): ErasurePayload | null => {
    if (isErased(db, c.escalationId)) return null;
    const subject = subjectFate(db, c);
    const payload: ErasurePayload = {
      erasedPayloads: erasePayloads(db, c.escalationId),
      documents: db.prepare('DELETE FROM documents WHERE escalation_id = ?').run(c.escalationId).changes,
      messages: db.prepare('DELETE FROM outbox WHERE escalation_id = ?').run(c.escalationId).changes,
      invites: db.prepare('DELETE FROM invites WHERE escalation_id = ?').run(c.escalationId).changes,
      subject,
      removalTime: decision.removalTime.toISOString(),
      basis: decision.basis,
      historyTimeToLiveDays: decision.historyTimeToLiveDays,
    };
    if (subject === 'erased')
      db.prepare('DELETE FROM subjects WHERE partnership = ? AND case_reference = ?').run(c.partnership, c.caseReference); // prettier-ignore
    record.append({
      externalTaskId: null,
      escalationId: c.escalationId,
      caseReference: c.caseReference,
      partnership: c.partnership,
      processInstanceId: c.processInstanceId,
      stage: null,
      elementId: 'retention',
      kind: ERASURE_KIND,
      actorRole: null,
      actorAgency: null,
      outcome: 'erased',
      correctsSeq: null,
      recordedAt: now,
      payload: { ...payload },
    });
    return payload;
  });
  return run.immediate();
}

/**
 * The child's details go with the last escalation about them: kept while another escalation of the
 * partnership with the same case reference (in the record or the index) is not erased yet.
 */
function subjectFate(db: Db, c: RetentionCandidate): ErasurePayload['subject'] {
  const stored = db
    .prepare('SELECT 1 FROM subjects WHERE partnership = ? AND case_reference = ?')
    .get(c.partnership, c.caseReference);
  if (!stored) return 'none';
  const others = db
    .prepare(
      `SELECT escalation_id FROM record_entries WHERE partnership = @p AND case_reference = @ref AND escalation_id <> @id
       UNION SELECT id FROM escalations WHERE partnership = @p AND case_reference = @ref AND id <> @id`,
    )
    .pluck()
    .all({ p: c.partnership, ref: c.caseReference, id: c.escalationId }) as string[];
  return others.every((other) => isErased(db, other)) ? 'erased' : 'kept';
}
