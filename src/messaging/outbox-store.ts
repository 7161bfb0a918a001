/**
 * The outbox: every message the service sends or queues, one row per (external task, recipient).
 * A notice is written here before it is sent, so a redelivered task finds its messages and never
 * mails anyone twice; without an SMTP server (the embedded default) the outbox is where messages
 * stay, with status `queued`. Messages carry no child's details and no free text typed by a user.
 */
import type { Database as Db } from 'better-sqlite3';

export type MessageStatus = 'queued' | 'sent' | 'failed';

/** A message to store. `effectKey` makes it unique: `<external task id>:<recipient>`. */
export interface NewMessage {
  effectKey: string;
  escalationId: string;
  partnership: string;
  processInstanceId: string | null;
  externalTaskId: string | null;
  elementId: string | null;
  template: string;
  role: string | null;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  ics: string | null;
  messageId: string;
  createdAt: Date;
}

/** A stored message. */
export interface StoredMessage extends Omit<NewMessage, 'createdAt'> {
  id: number;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface Row {
  id: number;
  effect_key: string;
  escalation_id: string;
  partnership: string;
  process_instance_id: string | null;
  external_task_id: string | null;
  element_id: string | null;
  template: string;
  role: string | null;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  ics: string | null;
  message_id: string;
  status: MessageStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

function toMessage(r: Row): StoredMessage {
  return {
    id: r.id,
    effectKey: r.effect_key,
    escalationId: r.escalation_id,
    partnership: r.partnership,
    processInstanceId: r.process_instance_id,
    externalTaskId: r.external_task_id,
    elementId: r.element_id,
    template: r.template,
    role: r.role,
    recipient: r.recipient,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    ics: r.ics,
    messageId: r.message_id,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** Stores the messages that are new (by effect key) in one transaction; returns every one, stored or found. */
  enqueue(messages: readonly NewMessage[]): StoredMessage[] {
    const insert = this.db.prepare(
      `INSERT INTO outbox (effect_key, escalation_id, partnership, process_instance_id, external_task_id, element_id,
         template, role, recipient, subject, text_body, html_body, ics, message_id, status, created_at)
       VALUES (@effectKey, @escalationId, @partnership, @processInstanceId, @externalTaskId, @elementId, @template,
         @role, @recipient, @subject, @text, @html, @ics, @messageId, 'queued', @createdAt)
       ON CONFLICT (effect_key) DO NOTHING`,
    );
    const select = this.db.prepare('SELECT * FROM outbox WHERE effect_key = ?');
    return this.db.transaction(() =>
      messages.map((m) => {
        insert.run({ ...m, createdAt: m.createdAt.toISOString() });
        return toMessage(select.get(m.effectKey) as Row);
      }),
    )();
  }

  /**
   * Claims a message not yet sent for one attempt to send it, until `until`; false while another
   * attempt holds an unexpired claim (or the message was sent meanwhile). One UPDATE, so two
   * deliveries of the same task racing here cannot both win. Every mark below releases the claim;
   * a claim left by a crashed process lapses at `until`.
   */
  claim(id: number, now: Date, until: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET claimed_until = ?
           WHERE id = ? AND status <> 'sent' AND (claimed_until IS NULL OR claimed_until <= ?)`,
        )
        .run(until.toISOString(), id, now.toISOString()).changes === 1
    );
  }

  /** A message by id, or null. */
  get(id: number): StoredMessage | null {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toMessage(row) : null;
  }

  /** Marks a message accepted by the SMTP server. */
  markSent(id: number, at: Date): void {
    this.db
      .prepare(
        `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL,
           claimed_until = NULL WHERE id = ?`,
      )
      .run(at.toISOString(), id);
  }

  /** Records a failed attempt; the message stays queued for the task's next retry. */
  markAttemptFailed(id: number, error: string): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL WHERE id = ?')
      .run(error, id);
  }

  /** Marks a message that will not be retried (the task became an incident). */
  markFailed(id: number, error: string): void {
    this.db
      .prepare(`UPDATE outbox SET status = 'failed', last_error = ?, claimed_until = NULL WHERE id = ?`)
      .run(error, id);
  }

  /** An escalation's messages in order. */
  forEscalation(escalationId: string): StoredMessage[] {
    return (
      this.db.prepare('SELECT * FROM outbox WHERE escalation_id = ? ORDER BY id').all(escalationId) as Row[]
    ).map(toMessage);
  }

  /** Messages of one external task. */
  forTask(externalTaskId: string): StoredMessage[] {
    return (
      this.db
        .prepare('SELECT * FROM outbox WHERE external_task_id = ? ORDER BY id')
        .all(externalTaskId) as Row[]
    ).map(toMessage);
  }
}
