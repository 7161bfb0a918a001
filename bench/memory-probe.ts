/**
 * npm run bench:memory — the server's memory under hostile load. Prints, asserts nothing.
 *
 * `npm start`'s entry point (src/main.ts) runs in a child process with Basic auth; its resident set
 * is read from /proc (VmRSS now, VmHWM the peak so far) after each phase:
 * 1. parallel oversize uploads: BENCH_UPLOADS (default 6) deployments at once, each 99 parts of
 *    4.9 MB (485 MB offered), streamed; the server must stop each at the 20 MB total (413);
 * 2. deep bodies: BENCH_DEEP (default 200) requests at once, each a 1 MiB JSON body nested
 *    524,288 levels, or a typed value / Object text nested 5,000 levels (400);
 * 3. long polls: BENCH_POLLS (default 2,000) fetchAndLock requests held open at once, then the
 *    server is stopped and must answer every one with [].
 * Linux only (/proc).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, sleep } from './figures.js';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 6);
const DEEP = Number(process.env.BENCH_DEEP ?? 200);
const POLLS = Number(process.env.BENCH_POLLS ?? 2_000);
const AUTH = `Basic ${Buffer.from('bench:bench').toString('base64')}`;

/** VmRSS and VmHWM of `pid` in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)![1]) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ENGINE_REST_USER: 'bench', ENGINE_REST_PASSWORD: 'bench' },
    stdio: ['ignore', 'ignore', 'pipe'],
  }); // prettier-ignore
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve) =>
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const entry = JSON.parse(line.startsWith('{') ? line : '{}') as {
        message?: string;
        engineRest?: string;
      };
      if (entry.message === 'ready') resolve(entry.engineRest!);
    }),
  );
  return { child, url, exited };
}

/** One upload of `parts` parts of `partBytes`, streamed; resolves with the status. */
async function oversizeUpload(url: string, parts = 99, partBytes = 4.9 * 1024 * 1024): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 0x78);
  let part = 0;
  let inPart = partBytes;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (inPart >= partBytes) {
        if (part === parts) return c.close();
        c.enqueue(
          Buffer.from(
            `\r\n--B\r\nContent-Disposition: form-data; name="p${part}"; filename="p${part}.bpmn"\r\n\r\n`,
          ),
        );
        part++;
        inPart = 0;
        return;
      }
      inPart += chunk.length;
      c.enqueue(chunk);
    },
  });
  const res = await fetch(`${url}/deployment/create`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { authorization: AUTH, 'content-type': 'multipart/form-data; boundary=B' },
  } as RequestInit);
  await res.arrayBuffer();
  return res.status;
}

/** Deep bodies: a 1 MiB array nest, or a 5,000-level typed value / Object text. */
function deepBody(i: number): [string, string] {
  const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
  if (i % 3 === 0) return ['/process-definition/key/none/start', nest(512 * 1024)];
  if (i % 3 === 1) return ['/message', `{"messageName":"m","processVariables":{"x":{"type":"String","value":${nest(5_000)}}}}`];
  const info = '{"objectTypeName":"java.util.ArrayList","serializationDataFormat":"application/json"}';
  return ['/message', `{"messageName":"m","processVariables":{"x":{"type":"Object","value":"${nest(5_000)}","valueInfo":${info}}}}`];
} // prettier-ignore

async function deepBodies(url: string): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: DEEP }, async (_, i) => {
      const [p, body] = deepBody(i);
      const res = await fetch(`${url}${p}`, { method: 'POST', body, headers: { authorization: AUTH, 'content-type': 'application/json' } });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }),
  ); // prettier-ignore
  return statuses;
}

function longPolls(url: string): Promise<unknown[]>[] {
  const body = JSON.stringify({
    workerId: 'w',
    maxTasks: 1,
    asyncResponseTimeout: 600_000,
    topics: [{ topicName: 'none', lockDuration: 1000 }],
  });
  return Array.from({ length: POLLS }, () =>
    fetch(`${url}/external-task/fetchAndLock`, { method: 'POST', body, headers: { authorization: AUTH, 'content-type': 'application/json' } })
      .then((r) => r.json() as Promise<unknown[]>),
  ); // prettier-ignore
}

const row = (phase: string, m: { rss: number; peak: number }, outcome: string) =>
  console.log(
    `| ${phase.padEnd(44)} | ${fmt(m.rss, 0).padStart(7)} | ${fmt(m.peak, 0).padStart(8)} | ${outcome}`,
  );

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
  const server = await startServer(path.join(dir, 'data'));
  const pid = server.child.pid!;
  console.log(`bench:memory on ${process.platform}, Node ${process.version}; server pid ${pid}`);
  console.log('| phase                                        | RSS MB  | peak MB  | answers');
  row('after start (procedures deployed)', memory(pid), '');
  const uploads = await Promise.all(Array.from({ length: UPLOADS }, () => oversizeUpload(server.url)));
  row(`${UPLOADS} parallel uploads of 99 × 4.9 MB`, memory(pid), `statuses ${uploads.join(', ')}`);
  const deep = await deepBodies(server.url);
  row(`${DEEP} parallel deep bodies`, memory(pid), [...deep].map(([s, n]) => `${n} × ${s}`).join(', '));
  const polls = longPolls(server.url);
  await sleep(5_000);
  row(`${POLLS} long polls held open`, memory(pid), 'waiting');
  const last = memory(pid);
  server.child.kill('SIGTERM');
  const answers = await Promise.all(polls.map((p) => p.catch(() => null)));
  const empty = answers.filter((a) => Array.isArray(a) && a.length === 0).length;
  row(
    'stopped with SIGTERM (peak of the whole run)',
    last,
    `${empty} of ${POLLS} polls answered []; exit ${await server.exited}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
