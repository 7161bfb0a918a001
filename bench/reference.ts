/**
 * npm run bench:reference — our server and Operaton 1.0.3 side by side: the same workload, on this machine,
 * in one run, one engine at a time (the other is not running). Prints figures and the ratio ours ÷ Operaton;
 * asserts nothing. Progress goes to stderr, the table to stdout.
 *
 * Ours: `npm start`'s entry point (src/main.ts) in a child process on a fresh data dir. Operaton: the reference
 * engine's jar (test/reference-engine, H2 file database, history full, job executor on), fresh. Per engine:
 * 1. warm-up (BENCH_WARMUP instances, 5,000, through the official client; the JVM's JIT needs it), not measured;
 * 2. N instances started (BENCH_PARALLEL in flight), then the official client (maxTasks 100, interval 0)
 *    completes their N external tasks: tasks/s, and the server's CPU per task;
 * 3. start → first task fetchable: start an instance, then fetchAndLock (no long poll) until its task comes;
 * 4. long-poll wake-up: the official client's poll waits (asyncResponseTimeout 30 s); an instance is started;
 *    time from sending the start to the client receiving the task;
 * 5. waiting instances (start → external task that nobody fetches) loaded by parallel REST starts, the
 *    server's RSS at 10,000 and at BENCH_WAITING (100,000);
 * 6. graceful stop and restart on the same data: spawn → REST answers, and → first waiting task fetched.
 * Env: BENCH_TASKS (10000), BENCH_SAMPLES (500), BENCH_WAITING (100000), BENCH_PARALLEL (32), BENCH_WARMUP (5000),
 * BENCH_ENGINES (`ours,operaton`), BENCH_JVM_ARGS (extra JVM options, e.g. `-Xmx1g`; default none).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { cpuMs, operaton, ours, rssMiB, type Engine, type Server } from './reference/servers.js';
import { deploy, drain, fetchable, fetchOnce, startManyWith, wakeUps } from './reference/workload.js';
import { fmt, ms, pct, sleep } from './figures.js';

const N = Number(process.env.BENCH_TASKS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const WAITING = Number(process.env.BENCH_WAITING ?? 100_000);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 32);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5_000);
const FIRST_RSS_AT = Math.min(10_000, WAITING);
const progress = (line: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const startMany = (url: string, key: string, count: number, label: string) =>
  startManyWith(url, key, count, {
    parallel: PARALLEL,
    onProgress: (line) => progress(`[${label}] ${line}`),
  });

/** What one engine measured. */
interface Figures {
  readyMs: number;
  startsPerS: number;
  tasksPerS: number;
  cpuPerTaskMs: number;
  fetchable: number[];
  wake: number[];
  wakeStartCall: number[];
  rssFirst: number;
  rssAll: number;
  loadPerS: number;
  restartReadyMs: number;
  restartServingMs: number;
  rssAfterRestart: number;
}

async function throughput(server: Server, label: string) {
  // Its own topic: a stopped client's last long poll may still take tasks of its topic when they arrive.
  const warm = await deploy(server.url, 'warm');
  progress(`[${label}] warm-up: ${WARMUP.toLocaleString('en-GB')} instances through the official client`);
  await startMany(server.url, warm.key, WARMUP, label);
  await drain(server.url, warm.topic, WARMUP);
  const work = await deploy(server.url, 'work');
  progress(`[${label}] starting ${N.toLocaleString('en-GB')} instances`);
  const startMs = await startMany(server.url, work.key, N, label);
  progress(`[${label}] the official client completes their ${N.toLocaleString('en-GB')} tasks`);
  const cpu0 = cpuMs(server.pid);
  const drainMs = await drain(server.url, work.topic, N);
  const cpuPerTaskMs = (cpuMs(server.pid) - cpu0) / N;
  return { startsPerS: (N / startMs) * 1000, tasksPerS: (N / drainMs) * 1000, cpuPerTaskMs };
}

async function latencies(server: Server, label: string) {
  const f = await deploy(server.url, 'fetchable');
  progress(`[${label}] start → fetchable, ${SAMPLES} samples`);
  await fetchable(server.url, f.key, f.topic, 50);
  const fetchableMs = await fetchable(server.url, f.key, f.topic, SAMPLES);
  const w = await deploy(server.url, 'wake');
  progress(`[${label}] long-poll wake-up, ${SAMPLES} samples`);
  const wake = await wakeUps(server.url, w.key, w.topic, 20 + SAMPLES);
  return { fetchable: fetchableMs, wake: wake.latency.slice(20), wakeStartCall: wake.startCall.slice(20) };
}

async function waiting(server: Server, label: string) {
  const wait = await deploy(server.url, 'wait');
  progress(`[${label}] loading ${FIRST_RSS_AT.toLocaleString('en-GB')} waiting instances`);
  let loadMs = await startMany(server.url, wait.key, FIRST_RSS_AT, label);
  await sleep(3_000);
  const rssFirst = rssMiB(server.pid);
  progress(`[${label}] RSS ${rssFirst.toFixed(0)} MiB; loading up to ${WAITING.toLocaleString('en-GB')}`);
  loadMs += await startMany(server.url, wait.key, WAITING - FIRST_RSS_AT, label);
  await sleep(3_000);
  return { rssFirst, rssAll: rssMiB(server.pid), loadPerS: (WAITING / loadMs) * 1000, topic: wait.topic };
}

async function restart(engine: Engine, server: Server, dir: string, topic: string) {
  progress(`[${engine.label}] RSS ${rssMiB(server.pid).toFixed(0)} MiB; stopping and restarting`);
  await server.stop();
  const t0 = performance.now();
  const again = await engine.start(dir);
  const restartReadyMs = ms(t0);
  const tasks = await fetchOnce(again.url, topic, 'bench-restart');
  if (tasks.length !== 1) throw new Error(`after the restart no waiting task was fetchable`);
  const restartServingMs = ms(t0);
  await sleep(3_000);
  const rssAfterRestart = rssMiB(again.pid);
  await again.stop();
  return { restartReadyMs, restartServingMs, rssAfterRestart };
}

async function measure(engine: Engine): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-reference-${engine.label.toLowerCase()}-`));
  try {
    const server = await engine.start(dir);
    progress(
      `[${engine.label}] ready in ${server.readyMs.toFixed(0)} ms at ${server.url} (pid ${server.pid})`,
    );
    try {
      const t = await throughput(server, engine.label);
      const l = await latencies(server, engine.label);
      const w = await waiting(server, engine.label);
      const r = await restart(engine, server, dir, w.topic);
      return { readyMs: server.readyMs, ...t, ...l, ...w, ...r };
    } catch (error) {
      await server.stop().catch(() => {});
      throw error;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One table row: the two values, ours ÷ Operaton, and who is better by how much. */
function row(measure: string, a: number, b: number, higherIsBetter: boolean, digits = 1): string {
  const ratio = a / b;
  const oursWins = higherIsBetter ? ratio > 1 : ratio < 1;
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  const verdict =
    Math.abs(ratio - 1) < 0.005 ? 'even' : `${oursWins ? 'ours' : 'Operaton'} ×${fmt(factor, 2)}`;
  return `| ${measure} | ${fmt(a, digits)} | ${fmt(b, digits)} | ${fmt(ratio, 2)} | ${verdict} |`;
}

function table(o: Figures, c: Figures): string {
  const k = (n: number) => n.toLocaleString('en-GB');
  return [
    '| measure | ours | Operaton | ours ÷ Operaton | better |',
    '|---|---|---|---|---|',
    row(
      `${k(N)} external tasks completed (official client, maxTasks 100), tasks/s`,
      o.tasksPerS,
      c.tasksPerS,
      true,
      0,
    ),
    row('  server CPU per completed task, ms', o.cpuPerTaskMs, c.cpuPerTaskMs, false, 2),
    row(
      `  starting those ${k(N)} instances (${PARALLEL} in flight), starts/s`,
      o.startsPerS,
      c.startsPerS,
      true,
      0,
    ),
    row('start → first task fetchable, median ms', pct(o.fetchable, 50), pct(c.fetchable, 50), false, 2),
    row('start → first task fetchable, p99 ms', pct(o.fetchable, 99), pct(c.fetchable, 99), false, 2),
    row(
      'long-poll wake-up (start sent → task at the client), median ms',
      pct(o.wake, 50),
      pct(c.wake, 50),
      false,
      2,
    ),
    row('long-poll wake-up, p99 ms', pct(o.wake, 99), pct(c.wake, 99), false, 2),
    row(
      '  the start call alone (it commits before the task is handed out), median ms',
      pct(o.wakeStartCall, 50),
      pct(c.wakeStartCall, 50),
      false,
      2,
    ),
    row('  the start call alone, p99 ms', pct(o.wakeStartCall, 99), pct(c.wakeStartCall, 99), false, 2),
    row(`RSS with ${k(FIRST_RSS_AT)} waiting instances, MiB`, o.rssFirst, c.rssFirst, false, 0),
    row(`RSS with ${k(WAITING)} waiting instances, MiB`, o.rssAll, c.rssAll, false, 0),
    row(`  loading them (${PARALLEL} starts in flight), starts/s`, o.loadPerS, c.loadPerS, true, 0),
    row(
      `restart with ${k(WAITING)} waiting: spawn → REST answers, ms`,
      o.restartReadyMs,
      c.restartReadyMs,
      false,
      0,
    ),
    row('restart: spawn → first waiting task fetched, ms', o.restartServingMs, c.restartServingMs, false, 0),
    row('  RSS after the restart, MiB', o.rssAfterRestart, c.rssAfterRestart, false, 0),
    row('fresh start: spawn → ready, ms', o.readyMs, c.readyMs, false, 0),
  ].join('\n');
}

const load0 = loadavg();
const chosen = (process.env.BENCH_ENGINES ?? 'ours,operaton').split(',');
const results: Figures[] = [];
for (const engine of [ours, operaton].filter((e) => chosen.includes(e.label.toLowerCase()))) {
  results.push(await measure(engine));
}
const load1 = loadavg();
const header = `bench:reference — ${N.toLocaleString('en-GB')} tasks, ${SAMPLES} latency samples, ${WAITING.toLocaleString('en-GB')} waiting; Node ${process.version}; load average ${fmt(load0[0]!, 2)} at the start, ${fmt(load1[0]!, 2)} at the end`;
if (results.length === 2) process.stdout.write(`${header}\n\n${table(results[0]!, results[1]!)}\n`);
else
  process.stdout.write(
    `${header}\n\n${JSON.stringify(results[0], (k, v) => (Array.isArray(v) ? { p50: pct(v, 50), p99: pct(v, 99) } : v), 2)}\n`,
  );
// Official clients may still hold a long poll open; nothing else is left to wait for.
process.exit(0);
