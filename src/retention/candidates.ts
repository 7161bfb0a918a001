/**
 * The escalations whose retention may have ended, found in the application's own record, so it
 * works with either engine: an escalation ends with a `resolution`, `closed-unresolved` or
 * `withdrawn` entry, and the record's last entry of it (erasure entries aside) is its end by the
 * application's clock. One that an erasure entry already follows is done.
 */
import type { Database as Db } from 'better-sqlite3';
import { ERASURE_KIND } from '../record/erasure.js';

/** The record kinds that end an escalation. */
export const ENDING_KINDS = ['resolution', 'closed-unresolved', 'withdrawn'] as const;

export interface RetentionCandidate {
  escalationId: string;
  partnership: string;
  caseReference: string;
  processInstanceId: string | null;
  /** The record's last entry of the escalation (erasure entries aside): its end by our clock. */
  recordEnd: Date;
}

/** Ended escalations of `partnership` whose record ended by `endedBy` and that no erasure entry follows. */
export function candidatesOf(db: Db, partnership: string, endedBy: Date): RetentionCandidate[] {
  const rows = db
    .prepare(
      `WITH ended AS (
         SELECT DISTINCT escalation_id FROM record_entries
         WHERE partnership = @partnership AND kind IN ('resolution', 'closed-unresolved', 'withdrawn')
           AND recorded_at <= @endedBy)
       SELECT e.escalation_id AS escalationId,
         (SELECT max(seq) FROM record_entries x WHERE x.escalation_id = e.escalation_id AND x.kind <> @erasure) AS lastSeq,
         (SELECT max(seq) FROM record_entries x WHERE x.escalation_id = e.escalation_id AND x.kind = @erasure) AS erasureSeq
       FROM ended e`,
    )
    .all({ partnership, endedBy: endedBy.toISOString(), erasure: ERASURE_KIND }) as {
    escalationId: string;
    lastSeq: number;
    erasureSeq: number | null;
  }[];
  const last = db.prepare(
    `SELECT case_reference AS caseReference, recorded_at AS recordedAt,
       (SELECT process_instance_id FROM record_entries x WHERE x.escalation_id = e.escalation_id
          AND x.process_instance_id IS NOT NULL LIMIT 1) AS processInstanceId
     FROM record_entries e WHERE seq = ?`,
  );
  return rows
    .filter((r) => r.erasureSeq === null || r.erasureSeq < r.lastSeq)
    .map((r) => {
      const row = last.get(r.lastSeq) as { caseReference: string; recordedAt: string; processInstanceId: string | null }; // prettier-ignore
      return {
        escalationId: r.escalationId,
        partnership,
        caseReference: row.caseReference,
        processInstanceId: row.processInstanceId,
        recordEnd: new Date(row.recordedAt),
      };
    });
}

/** Whether an erasure entry follows the escalation's last other entry (nothing left to erase). */
export function isErased(db: Db, escalationId: string): boolean {
  const row = db
    .prepare(
      `SELECT max(CASE WHEN kind <> @erasure THEN seq END) AS lastSeq, max(CASE WHEN kind = @erasure THEN seq END) AS erasureSeq
       FROM record_entries WHERE escalation_id = @id`,
    )
    .get({ id: escalationId, erasure: ERASURE_KIND }) as {
    lastSeq: number | null;
    erasureSeq: number | null;
  };
  return row.erasureSeq !== null && (row.lastSeq === null || row.erasureSeq > row.lastSeq);
}
