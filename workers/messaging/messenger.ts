/**
 * Sends what a task has to say, exactly once per (task, recipient): the messages go into the
 * outbox first (a redelivered task finds them there), then each one not yet accepted is handed to
 * the mailer, synchronously, so the task completes only after the server took every message.
 * Without a mailer (the embedded default) they stay queued in the outbox.
 */
import type { Clock } from '../../src/clock/clock.js';
import { sha256 } from '../../src/ledger/chain.js';
import type { NewMessage, OutboxStore, StoredMessage } from '../../src/messaging/outbox-store.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { TransientError } from '../runtime/errors/transient-error.js';
import type { Mailer } from './mailer.js';

/**
 * How long one attempt holds a message while handing it to the SMTP server. Longer than the
 * longest a send can take (the SMTP adapter's timeouts: 10 s to connect, 10 s for the greeting,
 * 30 s of silence), so a redelivered task never resends a message still in flight; short enough
 * that a claim left by a killed process lapses within the task's retries (5, 10, 20, 40 s after a
 * first refusal that itself comes a lock duration, 60 s by default, after the kill).
 */
export const SEND_CLAIM_MS = 90_000;

export interface MessengerDependencies {
  outbox: OutboxStore;
  /** null: keep messages queued in the outbox (no SMTP_URL). */
  mailer: Mailer | null;
  clock: Clock;
  /** The sender, e.g. `Escalations <escalations@partnership.example.org>`. */
  from: string;
}

/** A message before it has an id: the messenger adds the deterministic Message-ID. */
export type Draft = Omit<NewMessage, 'messageId' | 'createdAt'>;

export class Messenger {
  private readonly domain: string;

  constructor(private readonly deps: MessengerDependencies) {
    this.domain = /@([^>\s]+)>?\s*$/.exec(deps.from)?.[1] ?? 'escalations.invalid';
  }

  /** The Message-ID of an effect: the same on every attempt, so a resend can be recognised. */
  messageIdFor(effectKey: string): string {
    return `<${sha256(effectKey).slice(0, 40)}@${this.domain}>`;
  }

  /**
   * Stores the drafts, once each by effect key. Synchronous, so a caller can store messages in the
   * same database transaction as the change they announce (an invite's cancellation).
   */
  enqueue(drafts: readonly Draft[]): void {
    const now = new Date(this.deps.clock.now());
    this.deps.outbox.enqueue(
      drafts.map((d) => ({ ...d, messageId: this.messageIdFor(d.effectKey), createdAt: now })),
    );
  }

  /** Sends every message of the task not yet accepted, one by one; throws on the first failure. */
  async sendPending(externalTaskId: string): Promise<void> {
    if (!this.deps.mailer) return;
    for (const message of this.deps.outbox.forTask(externalTaskId)) {
      if (message.status !== 'sent') await this.send(message);
    }
  }

  /** Stores the drafts and sends everything of their task not yet accepted. */
  async deliver(externalTaskId: string, drafts: readonly Draft[]): Promise<void> {
    this.enqueue(drafts);
    await this.sendPending(externalTaskId);
  }

  private async send(message: StoredMessage): Promise<void> {
    if (!this.claim(message)) return;
    try {
      await this.deps.mailer!.send({
        from: this.deps.from,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        invite: message.ics
          ? { method: /^METHOD:CANCEL\r?$/m.test(message.ics) ? 'CANCEL' : 'REQUEST', content: message.ics }
          : undefined,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentError) this.deps.outbox.markFailed(message.id, reason);
      else this.deps.outbox.markAttemptFailed(message.id, reason);
      throw error;
    }
    this.deps.outbox.markSent(message.id, new Date(this.deps.clock.now()));
  }

  /**
   * Claims the message for this attempt: true to send it; false if it was sent meanwhile. Another
   * attempt still sending it (this task's lock expired mid-send and the task came back) is a
   * TransientError: the task waits and retries, and then finds the message sent.
   */
  private claim(message: StoredMessage): boolean {
    const now = this.deps.clock.now();
    if (this.deps.outbox.claim(message.id, new Date(now), new Date(now + SEND_CLAIM_MS))) return true;
    if (this.deps.outbox.get(message.id)?.status === 'sent') return false;
    throw new TransientError(
      `message ${message.id} of this task is being sent by an earlier delivery of the task`,
      'SEND_IN_PROGRESS',
    );
  }
}
