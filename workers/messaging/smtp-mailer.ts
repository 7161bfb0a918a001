/**
 * The SMTP adapter: nodemailer, one pooled transport. `smtps://` is TLS from the start;
 * `smtp://` must upgrade with STARTTLS, except to a loopback host (a local relay or test server),
 * the only place plain SMTP is allowed. Credentials come in the URL.
 */
import nodemailer from 'nodemailer';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { TransientError } from '../runtime/errors/transient-error.js';
import type { Mailer, OutgoingMessage } from './mailer.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** Why an SMTP_URL cannot be used, or null. */
export function smtpUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a URL such as smtps://user:password@smtp.example.org:465';
  }
  if (parsed.protocol !== 'smtps:' && parsed.protocol !== 'smtp:')
    return 'must start with smtps:// or smtp://';
  if (!parsed.hostname) return 'must name a host';
  return null;
}

export function createSmtpMailer(url: string): Mailer {
  const parsed = new URL(url);
  const loopback = LOOPBACK.test(parsed.hostname);
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    // Plain SMTP leaves this machine only encrypted: STARTTLS is required unless the host is loopback.
    ...(parsed.protocol === 'smtp:' && !loopback ? { requireTLS: true } : {}),
    ...(parsed.protocol === 'smtp:' && loopback ? { ignoreTLS: true } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message: OutgoingMessage) {
      try {
        await transport.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          ...(message.invite
            ? {
                icalEvent: {
                  method: message.invite.method,
                  filename: 'invite.ics',
                  content: message.invite.content,
                },
              }
            : {}),
        });
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transport.close(),
  };
}

/** 5xx answers are permanent (the server refuses this message); anything else may pass. */
function classify(error: unknown): Error {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const reason = `SMTP ${e.responseCode ?? e.code ?? 'error'}: ${(e.message ?? '').split('\n')[0]}`;
  if (typeof e.responseCode === 'number' && e.responseCode >= 500)
    return new PermanentError(reason, 'SMTP_REFUSED');
  return new TransientError(reason, 'SMTP_UNAVAILABLE', { cause: error });
}
