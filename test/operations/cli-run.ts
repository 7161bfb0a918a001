/**
 * Runs `bin/escalation.js` (what `npx escalation` runs) as its own process against a DATA_DIR,
 * asynchronously: the product it works beside runs in the test's own process.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function escalationCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/escalation.js', ...args],
      { cwd: root, env: { ...process.env, ENGINE_URL: '', DATA_KEY: '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
