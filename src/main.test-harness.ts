/**
 * Runs `npm start` (src/main.ts) as a real child process for the tests beside main.ts: started the
 * way a user or a service manager does, waiting for its `ready` log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The repository root, where `npm start` runs. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** A started server: the process, its `ready` line, a URL to reach it, and its exit. */
export interface Started {
  child: ChildProcess;
  ready: Record<string, unknown>;
  /** The loopback URL when it listens on every interface, else the one it listens on. */
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

/** http://127.0.0.1:<port>, from the ready line's `/engine-rest` URL. */
export const originOf = (s: Started): string => s.url.replace(/\/engine-rest$/, '');

/**
 * Starts it with `env` and waits for `ready`: through `npm start` exactly (`npm: true`, optionally
 * in its own process group as a terminal would run it), else as `node --import tsx src/main.ts`.
 */
export function startMain(
  env: Record<string, string>,
  options: { npm?: boolean; group?: boolean } = {},
): Promise<Started> {
  const [command, args] = options.npm
    ? ['npm', ['start']]
    : [process.execPath, ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: options.group === true,
  });
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line.startsWith('{') ? line : '{}') as Record<string, unknown>;
      if (entry.message !== 'ready') return;
      const url = String(entry.loopbackUrl ?? entry.engineRest);
      resolve({ child, ready: entry, url, exited, stderr: () => lines.join('\n') });
    });
    void exited.then(({ code }) => reject(new Error(`main exited with ${code}:\n${lines.join('\n')}`)));
  });
}

/** Starts src/main.ts with `env` (PORT=0) and waits for it to exit, as a refused start does. */
export async function runToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}
