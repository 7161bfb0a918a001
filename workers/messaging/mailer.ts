/**
 * The port through which messages leave: the SMTP adapter (nodemailer) in production, nothing at
 * all in the embedded default (messages stay queued in the outbox). A send resolves only once the
 * server accepted the message; a failure is a TransientError (retry later) or PermanentError.
 */

/** One message as the SMTP server receives it. */
export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per (task, recipient), so a receiving system can drop a resend. */
  messageId: string;
  /** A calendar invite (text/calendar), with its METHOD. */
  invite?: { method: 'REQUEST' | 'CANCEL'; content: string } | undefined;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}
