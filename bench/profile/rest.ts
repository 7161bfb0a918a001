/**
 * npm run bench:profile-rest — where the server's CPU goes while the official client drains
 * external tasks over HTTP (the throughput half of bench/rest.ts). The server runs in a child
 * process with the V8 sampling profiler on only during the drain; the profile is written to
 * BENCH_PROFILE (default `.tmp/rest-drain.cpuprofile`, loadable in Chrome DevTools) and summarised:
 * self time by function and by area (SQLite, engine, express, zod, HTTP, …). Prints, asserts nothing.
 * BENCH_TASKS sets the number of tasks (default 5,000).
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCamundaRestEngine } from '../../src/engine/camunda-rest/index.js';
import { externalTaskDiagram } from '../../test/conformance/fixtures/diagrams.js';
import { drain } from '../reference/workload.js';
import { summarise } from './cpuprofile-summary.js';

const N = Number(process.env.BENCH_TASKS ?? 5_000);
const profileFile = path.resolve(process.env.BENCH_PROFILE ?? '.tmp/rest-drain.cpuprofile');
const root = mkdtempSync(path.join(tmpdir(), 'bench-profile-'));
mkdirSync(path.dirname(profileFile), { recursive: true });

type Reply =
  | { kind: 'ready'; url: string }
  | { kind: 'started' }
  | { kind: 'stopped'; cpuMs: number; commits: number; units: number };

const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [root, profileFile], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const next = (): Promise<Reply> => new Promise((resolve) => child.once('message', (m: Reply) => resolve(m)));

try {
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('server did not start');
  const engine = createCamundaRestEngine({ baseUrl: ready.url });
  const d = externalTaskDiagram('profile');
  await engine.deploy({ name: d.key, resources: [{ name: d.file, content: Buffer.from(d.xml) }] });
  for (let i = 0; i < N; i += 50) {
    const lane = Array.from({ length: Math.min(50, N - i) }, () =>
      engine.startProcessInstance({ definitionKey: d.key }),
    );
    await Promise.all(lane);
  }
  child.send('profile:start');
  await next();
  const drainMs = await drain(ready.url, d.topic, N);
  child.send('profile:stop');
  const stopped = await next();
  child.send('exit');
  if (stopped.kind !== 'stopped') throw new Error('profile not written');
  const rate = (N / drainMs) * 1000;
  process.stdout.write(
    `${N} tasks in ${drainMs.toFixed(0)} ms (${rate.toFixed(0)} tasks/s); server CPU ${(stopped.cpuMs / N).toFixed(3)} ms per task; ` +
      `${stopped.commits} commits carrying ${stopped.units} units (${(stopped.units / stopped.commits).toFixed(1)} per commit)\n`,
  );
  process.stdout.write(summarise(JSON.parse(readFileSync(profileFile, 'utf8')), N));
  process.stdout.write(`profile: ${profileFile}\n`);
} finally {
  await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  rmSync(root, { recursive: true, force: true });
}
