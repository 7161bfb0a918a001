/**
 * Structured logging. Fields are for ids, counts and codes only: never a child's or a
 * professional's personal data, never variable values.
 */
import { currentRequest } from './request-context.js';

export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | null>): void;
  error(message: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** Discards everything; the default in tests. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * One JSON line per event on stderr, for `npm start`. A line logged while serving an HTTP request
 * carries its `requestId` (the `X-Request-Id` of the answer), so one request's lines can be found.
 */
export function jsonLineLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit =
    (level: string) =>
    (message: string, fields: Record<string, string | number | boolean | null> = {}): void => {
      const requestId = currentRequest()?.requestId;
      write(JSON.stringify({ level, message, ...(requestId ? { requestId } : {}), ...fields }) + '\n');
    };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
