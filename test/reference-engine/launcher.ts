/**
 * startReferenceEngine(): runs the Operaton reference engine as a child process and resolves once
 * /engine-rest answers. Tests (test:reference, test:cluster, bench) and `npm run reference:start` use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureReferenceJar, jarPath } from './build.js';

/** Where the engine keeps its data: an H2 file database (default) or a shared JDBC database. */
export type ReferenceDatabase =
  { kind: 'h2'; dir: string } | { kind: 'jdbc'; url: string; username: string; password: string };

/** Options of {@link startReferenceEngine}. */
export interface ReferenceEngineOptions {
  /** Default: a fresh H2 database in a new temp directory. */
  database?: ReferenceDatabase;
  /** Basic auth for /engine-rest (both set turns it on), as ENGINE_REST_USER / ENGINE_REST_PASSWORD. */
  auth?: { user: string; password: string };
  /** Where the engine's own log goes. Default: engine.log beside an H2 database, else in a temp dir. */
  logFile?: string;
  /** Extra JVM options, e.g. -Xmx. */
  jvmArgs?: string[];
  /** How long to wait for the engine to answer, in ms (default 120 s: the JVM start is ~10 s here). */
  readyTimeoutMs?: number;
}

/** A running reference engine. */
export interface ReferenceEngine {
  /** The full base URL including /engine-rest, exactly as the official client's baseUrl. */
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** Graceful stop (SIGTERM, then SIGKILL after 20 s); resolves when the JVM has exited. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), as in a crash; resolves when the JVM has exited. */
  kill(): Promise<void>;
  /** Resolves when the JVM exits for any reason. */
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
// A test runner that dies must not leave JVMs behind.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

function javaArgs(options: ReferenceEngineOptions, database: ReferenceDatabase): string[] {
  const datasource =
    database.kind === 'h2'
      ? [`--spring.datasource.url=jdbc:h2:file:${join(database.dir, 'engine')}`]
      : [
          `--spring.datasource.url=${database.url}`,
          `--spring.datasource.username=${database.username}`,
          `--spring.datasource.password=${database.password}`,
        ];
  return ['-Duser.timezone=Europe/London', ...(options.jvmArgs ?? []), '-jar', jarPath, ...datasource];
}

async function waitForRest(
  url: string,
  auth: ReferenceEngineOptions['auth'],
  deadline: number,
): Promise<void> {
  const headers: Record<string, string> = auth
    ? { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` }
    : {};
  for (;;) {
    try {
      const response = await fetch(`${url}/version`, { headers });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url}/version did not answer 200 in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

function waitForPort(child: ChildProcess, logFile: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`reference engine not ready in ${timeoutMs} ms:\n${tail(logFile)}`)),
      timeoutMs,
    );
    child.once('exit', () => clearTimeout(timer));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^REFERENCE_ENGINE_PORT=(\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`reference engine exited (${code}) before it was ready:\n${tail(logFile)}`)),
    );
  });
}

/** Builds the jar if needed, starts the engine and resolves once GET /engine-rest/version answers 200. */
export async function startReferenceEngine(options: ReferenceEngineOptions = {}): Promise<ReferenceEngine> {
  ensureReferenceJar((line) => process.stderr.write(`${line}\n`));
  const database = options.database ?? { kind: 'h2', dir: mkdtempSync(join(tmpdir(), 'reference-engine-')) };
  const logDir = database.kind === 'h2' ? database.dir : mkdtempSync(join(tmpdir(), 'reference-engine-log-'));
  mkdirSync(logDir, { recursive: true });
  const logFile = options.logFile ?? join(logDir, 'engine.log');
  const env = {
    ...process.env,
    ENGINE_REST_USER: options.auth?.user ?? '',
    ENGINE_REST_PASSWORD: options.auth?.password ?? '',
  };
  const child = spawn('java', javaArgs(options, database), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const deadline = performance.now() + timeoutMs;
  try {
    const port = await waitForPort(child, logFile, timeoutMs);
    const url = `http://127.0.0.1:${port}/engine-rest`;
    await waitForRest(url, options.auth, deadline);
    const signal = (name: NodeJS.Signals) => async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(name);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    };
    return { url, port, pid: child.pid!, logFile, stop: signal('SIGTERM'), kill: signal('SIGKILL'), exited };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
