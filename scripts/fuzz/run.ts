/**
 * `npm run fuzz` (and `.ci/run`): schema-driven fuzzing with schemathesis of `/engine-rest` and of
 * the escalations API `/api/v1`. Starts `npm start` exactly as a user does, on a temporary DATA_DIR
 * with Basic auth on `/engine-rest`, then:
 * 1. `/engine-rest`: seeds it (seed.ts), writes the fuzzing document (document.ts) from Camunda's;
 * 2. `/api/v1`: seeds a user, its personal access token and two escalations (api.ts), and fuzzes
 *    the server's own `/api/openapi.json` with `Authorization: Bearer <token>`.
 * Each run has a fixed seed, `--checks not_a_server_error` and a response-time guard, within its
 * time limit (5 minutes for /engine-rest, 3 for /api/v1: 8 in all, within .ci/run's 10; together about
 * 2 minutes on a quiet machine, 4.5 at load average 9). It fails on any 5xx, any answer slower than
 * the guard (long polls are capped at 1 s in the document), an internal error in the server's log,
 * a run over its time, or a server that does not stop cleanly.
 *
 * Environment: FUZZ_MAX_EXAMPLES (per operation of /engine-rest, default 40), FUZZ_API_MAX_EXAMPLES
 * (per operation of /api/v1, default 40), FUZZ_SEED (default 20261204), FUZZ_ONLY (`engine-rest` or
 * `api`: one of the two runs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { apiFuzzingDocument, seedApi } from './api.js';
import { fuzzingDocument } from './document.js';
import { seed } from './seed.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VENV = process.env.FUZZ_VENV ?? path.join(ROOT, '.tmp/fuzz-venv');
/** Each schemathesis run must end within its limit (the two within .ci/run's 10 minutes). */
const RUN_LIMIT_MS = { '/engine-rest': 5 * 60_000, '/api/v1': 3 * 60_000 } as const;
type Half = keyof typeof RUN_LIMIT_MS;
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
function runSchemathesis(
  half: Half,
  documentFile: string,
  url: string,
  auth: string[],
  reportDir: string,
  maxExamples: string,
) {
  const args = [
    'run', documentFile, '--url', url, ...auth,
    '--checks', 'not_a_server_error',
    '--max-response-time', String(MAX_RESPONSE_SECONDS),
    '--request-timeout', String(MAX_RESPONSE_SECONDS * 2),
    '--seed', process.env.FUZZ_SEED ?? '20261204',
    '--max-examples', maxExamples,
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
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS[half]);
  return new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? null : code);
    }),
  );
}

/** What a run's exit code says went wrong, if anything. */
function failures(what: Half, code: number | null): string[] {
  if (code === null)
    return [`${what}: schemathesis did not finish within ${RUN_LIMIT_MS[what] / 60_000} minutes`];
  if (code !== 0)
    return [`${what}: schemathesis failed (exit ${code}): a 5xx, a slow answer or an error, above`];
  return [];
}

/** Fuzzes `/engine-rest` at `url` (seed.ts, document.ts) with Basic auth. */
async function fuzzEngineRest(
  url: string,
  auth: { user: string; password: string },
  dir: string,
  problems: string[],
): Promise<void> {
  const { document, operations } = fuzzingDocument(await seed(url, auth));
  const documentFile = path.join(dir, 'openapi.json');
  writeFileSync(documentFile, JSON.stringify(document));
  console.log(`fuzz: ${operations} operations of Camunda's OpenAPI document against ${url}`);
  const basic = ['--auth', `${auth.user}:${auth.password}`];
  const engineMax = process.env.FUZZ_MAX_EXAMPLES ?? '40';
  const code = await runSchemathesis(
    '/engine-rest',
    documentFile,
    url,
    basic,
    path.join(dir, 'report'),
    engineMax,
  );
  problems.push(...failures('/engine-rest', code));
}

/** Fuzzes `/api/v1` from the server's `/api/openapi.json` as the seeded user (api.ts), with its token. */
async function fuzzApi(url: string, dataDir: string, dir: string, problems: string[]): Promise<void> {
  const origin = url.replace(/\/engine-rest$/, '');
  const api = await seedApi(origin, dataDir);
  const served = (await (await fetch(`${origin}/api/openapi.json`)).json()) as Record<string, unknown>;
  const apiDocument = apiFuzzingDocument(served, api);
  const apiFile = path.join(dir, 'api-openapi.json');
  writeFileSync(apiFile, JSON.stringify(apiDocument.document));
  console.log(`fuzz: ${apiDocument.operations} operations of /api/openapi.json against ${origin}/api/v1`);
  const bearer = ['--header', `Authorization: Bearer ${api.token}`];
  const apiMax = process.env.FUZZ_API_MAX_EXAMPLES ?? '40';
  const apiCode = await runSchemathesis(
    '/api/v1',
    apiFile,
    `${origin}/api/v1`,
    bearer,
    path.join(dir, 'api-report'),
    apiMax,
  );
  problems.push(...failures('/api/v1', apiCode));
}

async function main(): Promise<number> {
  const install = spawnSync('bash', [path.join(ROOT, 'scripts/fuzz/install.sh')], { stdio: 'inherit' });
  if (install.status !== 0) return 1;
  const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
  const auth = { user: 'fuzz', password: randomBytes(12).toString('hex') };
  const dataDir = path.join(dir, 'data');
  const server = startServer(dataDir, auth);
  const problems: string[] = [];
  const started = Date.now();
  try {
    const url = await server.ready;
    if (process.env.FUZZ_ONLY !== 'api') await fuzzEngineRest(url, auth, dir, problems);
    if (process.env.FUZZ_ONLY !== 'engine-rest') await fuzzApi(url, dataDir, dir, problems);
  } finally {
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    if (exit !== 0) problems.push(`the server did not stop cleanly on SIGTERM (exit ${exit})`);
    const internal = server.lines.filter(
      (l) => l.includes('engine-rest internal error') || l.includes('api request failed'),
    );
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
