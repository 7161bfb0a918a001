/**
 * Driving a running product from outside, as a person or a script does: the `escalation` CLI on its
 * data directory (to add users and make tokens) and `/api/v1` with a token. For the processes
 * `startMain` starts (the npm-start durability test, bench:api) and for `npm run fuzz`'s seeding.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `npx escalation <args>` on `dataDir`, as README's Quick start runs it, with `input` on stdin: its
 * stdout, trimmed. Throws, naming the command and its stderr, when it exits other than 0.
 */
export function runEscalation(dataDir: string, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/escalation.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`escalation ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}

/** One `/api/v1` request to the product at `origin` (http://host:port) with a bearer token. */
export async function apiRequest(
  origin: string,
  token: string,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${origin}/api/v1${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}
