import { readFileSync } from 'node:fs';
import type { CliIo } from './io.js';

/** A {@link CliIo} that collects output in memory, for running commands inside unit tests. */
export interface MemoryIo extends CliIo {
  readonly out: string;
  readonly err: string;
}

/**
 * Output goes to strings; files are read from the real disk; the environment is the one given
 * (empty by default, so the host's `HOLIDAYS_FILE` cannot leak into a test).
 */
export function memoryIo(env: Record<string, string | undefined> = {}, stdin = ''): MemoryIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readFile: (path) => readFileSync(path, 'utf8'),
    env,
    readStdin: async () => stdin,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
