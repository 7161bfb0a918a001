import { readFileSync } from 'node:fs';

/**
 * Everything a command touches outside itself, so a command can be run in a unit test with
 * in-memory writers. Only the entry point builds the real one (it is the one place that reads the
 * environment).
 */
export interface CliIo {
  /** Writes text to standard output exactly as given (commands add their own newlines). */
  stdout(text: string): void;
  /** Writes text to standard error exactly as given. */
  stderr(text: string): void;
  /** Reads a UTF-8 text file; throws the file system's error (e.g. ENOENT) when it cannot. */
  readFile(path: string): string;
  /** The environment variables the commands may consult (e.g. `HOLIDAYS_FILE`). */
  env: Readonly<Record<string, string | undefined>>;
  /** All of standard input as UTF-8 (personal data and passwords come this way, never as arguments). */
  readStdin(): Promise<string>;
}

/** Exit codes: success, an unexpected failure, and bad input or usage (the caller can fix it). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The real process's streams, file system and environment. */
export function processIo(proc: NodeJS.Process): CliIo {
  return {
    stdout: (text) => void proc.stdout.write(text),
    stderr: (text) => void proc.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    env: proc.env,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of proc.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
