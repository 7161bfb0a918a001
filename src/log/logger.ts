/**
 * Structured logging. Fields are for ids, counts and codes only: never a child's or a
 * professional's personal data, never variable values.
 */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | null>): void;
  error(message: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** Discards everything; the default in tests. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** One JSON line per event on stderr, for `npm start`. */
export function jsonLineLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit =
    (level: string) =>
    (message: string, fields: Record<string, string | number | boolean | null> = {}): void =>
      write(JSON.stringify({ level, message, ...fields }) + '\n');
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
