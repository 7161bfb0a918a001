/**
 * A real SMTP server for tests (smtp-server) that parses what it receives (mailparser), including
 * calendar invites. It can be taken down and brought back on the same port, to test retries.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** One accepted message. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The text/calendar part, if any. */
  ics: string | null;
  raw: string;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private held: Promise<void> | null = null;
  /** Messages whose data arrived, accepted or still held. */
  arrived = 0;
  port = 0;

  /**
   * Holds every message's data until the returned function is called: the server has the message
   * but has not answered, as a slow server does (to test a send still in flight).
   */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.held = null;
      release();
    };
  }

  /** Starts on a random port (or the port it had, after `down()`). */
  async up(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.arrived++;
          void (this.held ?? Promise.resolve())
            .then(() => simpleParser(raw))
            .then((mail) => {
              this.received.push(
                toReceived(
                  mail,
                  raw,
                  session.envelope.rcptTo.map((r) => r.address),
                ),
              );
              callback();
            }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops accepting connections (an SMTP outage); `up()` brings it back on the same port. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages to one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

function toReceived(mail: ParsedMail, raw: string, envelope: string[]): ReceivedMail {
  const calendar = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return {
    to: envelope,
    from: mail.from?.text ?? '',
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    messageId: mail.messageId ?? '',
    ics: calendar ? calendar.content.toString('utf8') : null,
    raw,
  };
}
