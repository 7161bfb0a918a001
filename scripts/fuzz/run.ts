/**
 * `npm run fuzz` (and `.ci/run`): schema-driven fuzzing of `/engine-rest` with schemathesis.
 * Starts `npm start` exactly as a user does, on a temporary DATA_DIR with Basic auth, seeds it
 * (seed.ts), writes the fuzzing document (document.ts) and runs schemathesis with a fixed seed,
 * `--checks not_a_server_error` and a response-time guard, within 5 minutes. It fails on any 5xx,
 * any answer slower than the guard (long polls are capped at 1 s in the document), an internal
 * error in the server's log, a run over its time, or a server that does not stop cleanly.
 *
 * Environment: FUZZ_MAX_EXAMPLES (per operation, default 40), FUZZ_SEED (default 20261204).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fuzzingDocument } from './document.js';
import { seed } from './seed.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VENV = process.env.FUZZ_VENV ?? path.join(ROOT, '.tmp/fuzz-venv');
/** The whole schemathesis run must end within this (the bound). */
const RUN_LIMIT_MS = 5 * 60_000;
/** The slowest answer allowed, in seconds. */
const MAX_RESPONSE_SECONDS = 5;

/** `npm start` on `dataDir`; resolves with its URL once `ready`, and the lines it logged. */
function startServer(dataDir: string, auth: { user: string; password: string }) {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ENGINE_REST_USER: auth.user,
      ENGINE_REST_PASSWORD: auth.password,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line.startsWith('{') ? line : '{}') as {
        message?: string;
        engineRest?: string;
      };
      if (entry.message === 'ready') resolve(entry.engineRest!);
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${lines.join('\n')}`)));
  });
  return { child, ready, exited, lines };
}

/** Runs schemathesis against `url`; resolves with its exit code (null when it had to be killed). */
function runSchemathesis(documentFile: string, url: string, auth: string, reportDir: string) {
  const args = [
    'run', documentFile, '--url', url, '--auth', auth,
    '--checks', 'not_a_server_error',
    '--max-response-time', String(MAX_RESPONSE_SECONDS),
    '--request-timeout', String(MAX_RESPONSE_SECONDS * 2),
    '--seed', process.env.FUZZ_SEED ?? '20261204',
    '--max-examples', process.env.FUZZ_MAX_EXAMPLES ?? '40',
    '--phases', 'examples,coverage,fuzzing',
    '--workers', '1',
    '--suppress-health-check', 'all',
    '--report', 'junit', '--report-dir', reportDir,
  ]; // prettier-ignore
  // Its working directory is the run's temporary one: schemathesis keeps a cache there.
  const child = spawn(path.join(VENV, 'bin/schemathesis'), args, {
    stdio: 'inherit',
    cwd: path.dirname(reportDir),
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  return new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? null : code);
    }),
  );
}

async function main(): Promise<number> {
  const install = spawnSync('bash', [path.join(ROOT, 'scripts/fuzz/install.sh')], { stdio: 'inherit' });
  if (install.status !== 0) return 1;
  const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
  const auth = { user: 'fuzz', password: randomBytes(12).toString('hex') };
  const server = startServer(path.join(dir, 'data'), auth);
  const problems: string[] = [];
  const started = Date.now();
  try {
    const url = await server.ready;
    const { document, operations } = fuzzingDocument(await seed(url, auth));
    const documentFile = path.join(dir, 'openapi.json');
    writeFileSync(documentFile, JSON.stringify(document));
    console.log(`fuzz: ${operations} operations of Camunda's OpenAPI document against ${url}`);
    const code = await runSchemathesis(
      documentFile,
      url,
      `${auth.user}:${auth.password}`,
      path.join(dir, 'report'),
    );
    if (code === null) problems.push(`schemathesis did not finish within ${RUN_LIMIT_MS / 60_000} minutes`);
    else if (code !== 0)
      problems.push(`schemathesis failed (exit ${code}): a 5xx, a slow answer or an error, above`);
  } finally {
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    if (exit !== 0) problems.push(`the server did not stop cleanly on SIGTERM (exit ${exit})`);
    const internal = server.lines.filter((l) => l.includes('engine-rest internal error'));
    if (internal.length)
      problems.push(`the server logged ${internal.length} internal errors:\n${internal.join('\n')}`);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `fuzz: ${((Date.now() - started) / 1000).toFixed(0)} s, ${problems.length ? 'FAILED' : 'passed'}`,
  );
  problems.forEach((p) => console.error(`fuzz: ${p}`));
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
