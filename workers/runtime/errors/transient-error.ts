/**
 * A fault that may pass (the SMTP server unreachable, the engine busy): the task is failed with
 * retries counting down and a growing retry timeout, and comes back later.
 */
export class TransientError extends Error {
  readonly code: string;
  constructor(message: string, code = 'TRANSIENT', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
    this.code = code;
  }
}
