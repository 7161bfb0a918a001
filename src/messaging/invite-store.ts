/**
 * The deadlines that have calendar invites, one per (escalation, due variable): the UID every
 * version of the invite keeps, its SEQUENCE, the deadline and who received it. The notify worker
 * writes it; the record worker cancels it when the step ends first; the API serves the `.ics`.
 */
import type { Database as Db } from 'better-sqlite3';

export interface InviteRow {
  escalationId: string;
  dueVariable: string;
  uid: string;
  sequence: number;
  due: Date;
  summary: string;
  /** The diagram group (`Adjournment`, `Stage2`) whose step the deadline belongs to. */
  stageGroup: string;
  recipients: string[];
  status: 'active' | 'cancelled';
}

interface Row {
  escalation_id: string;
  due_variable: string;
  uid: string;
  sequence: number;
  due_at: string;
  summary: string;
  stage_group: string;
  recipients: string;
  status: 'active' | 'cancelled';
}

const toInvite = (r: Row): InviteRow => ({
  escalationId: r.escalation_id,
  dueVariable: r.due_variable,
  uid: r.uid,
  sequence: r.sequence,
  due: new Date(r.due_at),
  summary: r.summary,
  stageGroup: r.stage_group,
  recipients: JSON.parse(r.recipients) as string[],
  status: r.status,
});

export class InviteStore {
  constructor(
    private readonly db: Db,
    /** The host part of invite UIDs (the public host name). */
    private readonly uidDomain: string,
  ) {}

  /**
   * The invite for a deadline, created or brought up to date: same UID always; SEQUENCE goes up
   * only when the deadline moved (so a redelivered notice sends the same version again), and the
   * recipients are the union of everyone invited so far.
   */
  upsert(input: {
    escalationId: string;
    dueVariable: string;
    due: Date;
    summary: string;
    stageGroup: string;
    recipients: readonly string[];
    now: Date;
  }): InviteRow {
    return this.db.transaction(() => {
      const existing = this.get(input.escalationId, input.dueVariable);
      const moved = existing !== undefined && existing.due.getTime() !== input.due.getTime();
      const reopened = existing?.status === 'cancelled';
      const sequence = existing === undefined ? 0 : existing.sequence + (moved || reopened ? 1 : 0);
      const recipients = [...new Set([...(existing?.recipients ?? []), ...input.recipients])].sort();
      this.db
        .prepare(
          `INSERT INTO invites (escalation_id, due_variable, uid, sequence, due_at, summary, stage_group, recipients, status, updated_at)
           VALUES (@escalationId, @dueVariable, @uid, @sequence, @due, @summary, @stageGroup, @recipients, 'active', @now)
           ON CONFLICT (escalation_id, due_variable) DO UPDATE SET sequence = @sequence, due_at = @due,
             summary = @summary, stage_group = @stageGroup, recipients = @recipients, status = 'active', updated_at = @now`,
        )
        .run({
          ...input,
          uid: existing?.uid ?? `${input.escalationId}-${input.dueVariable}@${this.uidDomain}`,
          sequence,
          due: input.due.toISOString(),
          recipients: JSON.stringify(recipients),
          now: input.now.toISOString(),
        });
      return this.get(input.escalationId, input.dueVariable)!;
    })();
  }

  get(escalationId: string, dueVariable: string): InviteRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM invites WHERE escalation_id = ? AND due_variable = ?')
      .get(escalationId, dueVariable) as Row | undefined;
    return row && toInvite(row);
  }

  /** Active invites of a step whose deadline is still ahead. */
  openForStage(escalationId: string, stageGroup: string, now: Date): InviteRow[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM invites WHERE escalation_id = ? AND stage_group = ? AND status = 'active' AND due_at > ?`,
        )
        .all(escalationId, stageGroup, now.toISOString()) as Row[]
    ).map(toInvite);
  }

  /** Marks an invite cancelled, one SEQUENCE on. */
  cancel(escalationId: string, dueVariable: string, now: Date): InviteRow {
    this.db
      .prepare(
        `UPDATE invites SET status = 'cancelled', sequence = sequence + 1, updated_at = ?
         WHERE escalation_id = ? AND due_variable = ? AND status = 'active'`,
      )
      .run(now.toISOString(), escalationId, dueVariable);
    return this.get(escalationId, dueVariable)!;
  }
}
