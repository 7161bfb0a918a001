/**
 * Erasure entries: how retention erases an escalation's record payloads and the chain still
 * verifies, without letting a payload go missing unnoticed.
 *
 * An entry's hash covers its payload's *hash*, never the payload, and the payload is sealed in its
 * own table (`record_payloads`). Retention deletes the sealed payloads of an escalation and, in the
 * same transaction, appends an erasure entry (kind {@link ERASURE_KIND}, the tombstone) whose own
 * payload lists the sequence numbers it erased, with what else went (documents, messages, the
 * child's details). Every entry keeps its hash, so the chain is unbroken; `verify` then accepts a
 * missing payload only when a later erasure entry of the same escalation names it. A payload deleted
 * any other way is reported as broken, and the tombstone is itself an entry of the chain, so it
 * cannot be changed or removed without `verify` naming it.
 */
import type { Database as Db } from 'better-sqlite3';
import type { RecordStore } from './record-store.js';

/** The kind of the tombstone entry retention appends. */
export const ERASURE_KIND = 'personal-data-erased';

/** The tombstone's payload: what was erased, and why then. Nothing in it is personal. */
export interface ErasurePayload {
  /** The `seq` of every entry whose payload this erasure deleted. */
  erasedPayloads: number[];
  documents: number;
  messages: number;
  invites: number;
  /** `erased`; `kept` while another escalation about the same case reference is not yet erased; `none` stored. */
  subject: 'erased' | 'kept' | 'none';
  /** When the escalation's history time to live ended. */
  removalTime: string;
  /** Where that instant came from: the engine's removal time, or the record's end plus the time to live. */
  basis: 'engine removal time' | 'record end + historyTimeToLive';
  historyTimeToLiveDays: number;
}

/** An erased payload's entry → the erasure entry that names it. */
export type Erasures = Map<number, { escalationId: string; erasureSeq: number }>;

/**
 * The payloads erasure entries name (of one escalation, or of the whole record). An erasure entry
 * whose payload cannot be read names nothing: `verify` reports that entry itself.
 */
export function erasuresOf(db: Db, record: RecordStore, escalationId?: string): Erasures {
  const seqs = (
    escalationId === undefined
      ? db.prepare('SELECT seq FROM record_entries WHERE kind = ? ORDER BY seq').pluck().all(ERASURE_KIND)
      : db
          .prepare('SELECT seq FROM record_entries WHERE escalation_id = ? AND kind = ? ORDER BY seq')
          .pluck()
          .all(escalationId, ERASURE_KIND)
  ) as number[];
  const erasures: Erasures = new Map();
  for (const seq of seqs) {
    let entry;
    try {
      entry = record.get(seq);
    } catch {
      continue;
    }
    const named = (entry?.payload as Partial<ErasurePayload> | null)?.erasedPayloads;
    if (!entry || !Array.isArray(named)) continue;
    for (const erased of named)
      if (typeof erased === 'number')
        erasures.set(erased, { escalationId: entry.escalationId, erasureSeq: seq });
  }
  return erasures;
}

/**
 * Deletes the sealed payloads of an escalation's entries (erasure entries' own excepted); returns
 * their `seq`s. Call it inside the transaction that appends the erasure entry naming them.
 */
export function erasePayloads(db: Db, escalationId: string): number[] {
  const seqs = db
    .prepare(
      `SELECT p.seq FROM record_payloads p JOIN record_entries e ON e.seq = p.seq
       WHERE e.escalation_id = ? AND e.kind <> ? ORDER BY p.seq`,
    )
    .pluck()
    .all(escalationId, ERASURE_KIND) as number[];
  const remove = db.prepare('DELETE FROM record_payloads WHERE seq = ?');
  for (const seq of seqs) remove.run(seq);
  return seqs;
}

/** Why a missing payload is not accounted for by an erasure entry, or null when one names it. */
export function unaccountedErasure(erasures: Erasures, seq: number, escalationId: string): string | null {
  const by = erasures.get(seq);
  if (by && by.escalationId === escalationId && by.erasureSeq > seq) return null;
  return 'its payload is missing and no erasure entry after it names it';
}
