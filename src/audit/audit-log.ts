/**
 * The audit log: every read and write of an escalation's personal data (and, with the API, of any
 * escalation), hash-chained like the record: who, when, what, from where, with what outcome.
 * Entries name ids and actions, never a personal field.
 */
import type { Database as Db } from 'better-sqlite3';
import { entryHash, GENESIS_HASH } from '../ledger/chain.js';

export interface AuditEvent {
  /** `user:<username>`, `token:<id>`, `cli:<os user>`, `worker:<worker id>`. */
  actor: string;
  /** e.g. `subject.read`, `document.export`, `escalation.view`. */
  action: string;
  /** What was touched: a document id, `<partnership>/<case reference>`, a route. */
  target: string | null;
  escalationId: string | null;
  /** `ok`, `denied`, `not-found`, `conflict`, … */
  outcome: string;
  /** The client address, or `cli` / `worker`. */
  source: string;
  at: Date;
}

export interface AuditEntry extends Omit<AuditEvent, 'at'> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export type AuditStatus =
  { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  escalation_id: string | null;
  outcome: string;
  source: string;
  prev_hash: string;
  hash: string;
}

const fields = (r: Omit<Row, 'prev_hash' | 'hash'>) => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  escalationId: r.escalation_id,
  outcome: r.outcome,
  source: r.source,
});

export class AuditLog {
  constructor(private readonly db: Db) {}

  append(event: AuditEvent): number {
    return this.db
      .transaction(() => {
        const head = this.db
          .prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1')
          .get() as { seq: number; hash: string } | undefined;
        const row = {
          seq: (head?.seq ?? 0) + 1,
          at: event.at.toISOString(),
          actor: event.actor,
          action: event.action,
          target: event.target,
          escalation_id: event.escalationId,
          outcome: event.outcome,
          source: event.source,
        };
        const prev = head?.hash ?? GENESIS_HASH;
        this.db
          .prepare(
            `INSERT INTO audit_entries (seq, at, actor, action, target, escalation_id, outcome, source, prev_hash, hash)
           VALUES (@seq, @at, @actor, @action, @target, @escalation_id, @outcome, @source, @prev, @hash)`,
          )
          .run({ ...row, prev, hash: entryHash(fields(row), prev) });
        return row.seq;
      })
      .immediate();
  }

  /** Entries about one escalation, in order. */
  forEscalation(escalationId: string): AuditEntry[] {
    return this.entriesWhere('escalation_id = ?', escalationId);
  }

  /**
   * Entries about a child's details themselves (reads, writes, erasure), not about one escalation:
   * their target is `<partnership>/<case reference>`. In order.
   */
  forSubject(partnership: string, caseReference: string): AuditEntry[] {
    return this.entriesWhere('escalation_id IS NULL AND target = ?', `${partnership}/${caseReference}`);
  }

  private entriesWhere(where: string, value: string): AuditEntry[] {
    return (
      this.db.prepare(`SELECT * FROM audit_entries WHERE ${where} ORDER BY seq`).all(value) as Row[]
    ).map((r) => ({ ...fields(r), prevHash: r.prev_hash, hash: r.hash }));
  }

  verify(): AuditStatus {
    let prev = GENESIS_HASH;
    let count = 0;
    for (const row of this.db
      .prepare('SELECT * FROM audit_entries ORDER BY seq')
      .iterate() as Iterable<Row>) {
      count += 1;
      let reason: string | null = null;
      if (row.seq !== count) reason = `entry ${count} is missing (found ${row.seq} next)`;
      else if (row.prev_hash !== prev) reason = 'its prev_hash does not match the previous entry';
      else if (entryHash(fields(row), row.prev_hash) !== row.hash)
        reason = 'its contents do not match its hash';
      if (reason) return { ok: false, count, brokenAt: row.seq, reason };
      prev = row.hash;
    }
    return { ok: true, count };
  }
}
