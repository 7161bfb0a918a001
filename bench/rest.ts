/**
 * npm run bench:rest — the Camunda REST surface under load, on this machine. Prints, asserts nothing.
 *
 * 1. HTTP: `npm start`'s own entry point (src/main.ts) runs in a child process; the official
 *    camunda-external-task-client-js (maxTasks 100) completes N external tasks over real HTTP.
 * 2. In-process: the same workload through the engine port (fetchAndLock 100, complete), no HTTP.
 * 3. Wake-up latency: a long poll waits; a task is created; time until the poll delivers it.
 * Set BENCH_TASKS to change N (default 10,000) and BENCH_SAMPLES the latency samples (default 300).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/clock/system-clock.js';
import type { EnginePort } from '../src/engine/port.js';
import { openEmbeddedEngine } from '../src/engine/embedded/index.js';
import { createCamundaRestEngine } from '../src/engine/camunda-rest/index.js';
import { externalTaskDiagram } from '../test/conformance/fixtures/diagrams.js';
import { cpuMs, ours } from './reference/servers.js';
import { drain } from './reference/workload.js';
import { fmt, ms, pct } from './figures.js';

const N = Number(process.env.BENCH_TASKS ?? 10_000);
const LOAD_AT_START = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const root = mkdtempSync(path.join(tmpdir(), 'bench-rest-'));

/** The server's CPU time so far in ms (Linux /proc; NaN elsewhere). */
function serverCpuMs(pid: number): number {
  try {
    return cpuMs(pid);
  } catch {
    return Number.NaN;
  }
}

const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Starts `count` instances with at most `parallel` in flight. */
async function startMany(engine: EnginePort, key: string, count: number, parallel = 32): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      await engine.startProcessInstance({ definitionKey: key });
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return ms(t0);
}

/** The same through the port: fetch 100, complete them, until none is left. */
async function drainInProcess(engine: EnginePort, topic: string, count: number): Promise<number> {
  const t0 = performance.now();
  let done = 0;
  while (done < count) {
    const tasks = await engine.fetchAndLock({
      workerId: 'bench',
      maxTasks: 100,
      topics: [{ topicName: topic, lockDuration: 600_000 }],
    });
    await Promise.all(tasks.map((t) => engine.completeExternalTask(t.id, { workerId: 'bench' })));
    done += tasks.length;
  }
  return ms(t0);
}

type Poll = () => Promise<{ id: string }[]>;

/**
 * Wake-up: a fetch waits (asyncResponseTimeout 30 s); once it is surely waiting, `trigger` makes
 * a task fetchable; latency = trigger sent → task delivered to the waiting poll. Returns the
 * latencies and the trigger's own round trips.
 */
async function wakeUps(poll: Poll, trigger: () => Promise<void>, cleanUp: (id: string) => Promise<void>) {
  const latency: number[] = [];
  const triggerOnly: number[] = [];
  for (let i = 0; i < SAMPLES + 20; i++) {
    const waiting = poll();
    await new Promise((r) => setTimeout(r, 5)); // let the poll reach the engine and wait
    const t0 = performance.now();
    const triggered = trigger().then(() => ms(t0));
    const tasks = await waiting;
    const delivered = ms(t0);
    const triggerMs = await triggered;
    if (tasks.length !== 1) throw new Error(`wake-up delivered ${tasks.length} tasks`);
    await cleanUp(tasks[0]!.id);
    if (i >= 20) {
      latency.push(delivered);
      triggerOnly.push(triggerMs);
    }
  }
  return { latency, triggerOnly };
}

/** Both wake-up triggers: a new instance's task, and an existing task unlocked by its holder. */
async function wakeUpsBoth(engine: EnginePort, key: string, topic: string) {
  const poll: Poll = () =>
    engine.fetchAndLock({
      workerId: 'w',
      maxTasks: 1,
      asyncResponseTimeout: 30_000,
      topics: [{ topicName: topic, lockDuration: 60_000 }],
    });
  const complete = (id: string) => engine.completeExternalTask(id, { workerId: 'w' });
  const onStart = await wakeUps(
    poll,
    async () => void (await engine.startProcessInstance({ definitionKey: key })),
    complete,
  );
  // Instances whose tasks a holder keeps locked, to be unlocked one by one.
  const held: string[] = [];
  for (let i = 0; i < SAMPLES + 20; i++) await engine.startProcessInstance({ definitionKey: key });
  while (held.length < SAMPLES + 20) {
    const tasks = await engine.fetchAndLock({
      workerId: 'holder',
      maxTasks: 100,
      topics: [{ topicName: topic, lockDuration: 600_000 }],
    });
    held.push(...tasks.map((t) => t.id));
  }
  const onUnlock = await wakeUps(poll, () => engine.unlockExternalTask(held.pop()!), complete);
  return { onStart, onUnlock };
}

async function deploy(engine: EnginePort, suffix: string) {
  const d = externalTaskDiagram(suffix);
  await engine.deploy({ name: d.key, resources: [{ name: d.file, content: Buffer.from(d.xml) }] });
  return d;
}

async function overHttp() {
  const server = await ours.start(path.join(root, 'http'));
  const engine = createCamundaRestEngine({ baseUrl: server.url });
  const d = await deploy(engine, 'bench_http');
  const createMs = await startMany(engine, d.key, N);
  const [server0, client0] = [serverCpuMs(server.pid), ownCpuMs()];
  const drainMs = await drain(server.url, d.topic, N);
  const cpu = { server: (serverCpuMs(server.pid) - server0) / N, client: (ownCpuMs() - client0) / N };
  const w = await deploy(engine, 'bench_http_wake');
  const wake = await wakeUpsBoth(engine, w.key, w.topic);
  await server.stop();
  // A restart on the same data: the procedures are unchanged, so nothing is parsed or deployed.
  const again = await ours.start(path.join(root, 'http'));
  await again.stop();
  return { readyMs: server.readyMs, restartReadyMs: again.readyMs, createMs, drainMs, cpu, ...wake };
}

async function inProcess() {
  const engine = await openEmbeddedEngine({
    databaseFile: path.join(root, 'in-process.sqlite'),
    clock: systemClock,
  });
  const d = await deploy(engine, 'bench_port');
  const createMs = await startMany(engine, d.key, N);
  const cpu0 = ownCpuMs();
  const drainMs = await drainInProcess(engine, d.topic, N);
  const cpu = (ownCpuMs() - cpu0) / N;
  const w = await deploy(engine, 'bench_port_wake');
  const wake = await wakeUpsBoth(engine, w.key, w.topic);
  await engine.close();
  return { createMs, drainMs, cpu, ...wake };
}

try {
  const http = await overHttp();
  const port = await inProcess();
  const rate = (n: number, t: number) => fmt((n / t) * 1000, 0);
  type Wake = { latency: number[]; triggerOnly: number[] };
  const p = (w: Wake, q: number) => fmt(pct(w.latency, q), 2);
  const t = (w: Wake) => `${fmt(pct(w.triggerOnly, 50), 2)} / ${fmt(pct(w.triggerOnly, 99), 2)}`;
  const ratio = (a: Wake, b: Wake, q: number) => fmt(pct(a.latency, q) / pct(b.latency, q), 2);
  const rows: [string, string, string, string][] = [
    [
      `${fmt(N, 0)} external tasks completed (maxTasks 100), tasks/s`,
      rate(N, http.drainMs),
      rate(N, port.drainMs),
      fmt(port.drainMs / http.drainMs, 2),
    ],
    [
      '  CPU per completed task, ms (HTTP: server + official client)',
      `${fmt(http.cpu.server, 2)} + ${fmt(http.cpu.client, 2)}`,
      fmt(port.cpu, 2),
      '',
    ],
    [
      `starting those ${fmt(N, 0)} instances (32 in flight), starts/s`,
      rate(N, http.createMs),
      rate(N, port.createMs),
      fmt(port.createMs / http.createMs, 2),
    ],
    [
      'wake-up, task unlocked → delivered to a waiting poll, p50 ms',
      p(http.onUnlock, 50),
      p(port.onUnlock, 50),
      ratio(http.onUnlock, port.onUnlock, 50),
    ],
    [
      'wake-up, task unlocked → delivered, p99 ms',
      p(http.onUnlock, 99),
      p(port.onUnlock, 99),
      ratio(http.onUnlock, port.onUnlock, 99),
    ],
    ['  the unlock call alone, p50 / p99 ms', t(http.onUnlock), t(port.onUnlock), ''],
    [
      'wake-up, instance start sent → its task delivered, p50 ms',
      p(http.onStart, 50),
      p(port.onStart, 50),
      ratio(http.onStart, port.onStart, 50),
    ],
    [
      'wake-up, instance start sent → its task delivered, p99 ms',
      p(http.onStart, 99),
      p(port.onStart, 99),
      ratio(http.onStart, port.onStart, 99),
    ],
    ['  the start call alone, p50 / p99 ms', t(http.onStart), t(port.onStart), ''],
  ];

  const out = [
    `bench:rest — ${fmt(N, 0)} tasks, ${SAMPLES} wake-up samples, Node ${process.version}, load average at start ${LOAD_AT_START}; HTTP = official client against src/main.ts in a child process (ready in ${fmt(http.readyMs, 0)} ms on a fresh data directory, ${fmt(http.restartReadyMs, 0)} ms on restart)`,
    '',
    '| measure | HTTP (/engine-rest) | in-process (port) | HTTP ÷ in-process |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
