/**
 * `npm run bench:engine`: the embedded engine (durable, SQLite) side by side with raw in-memory
 * bpmn-engine, on the East Riding escalation diagram. Prints figures; asserts nothing.
 * Each part runs in its own child process so memory figures are not mixed up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeClock } from '../src/clock/fake-clock.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../src/engine/embedded/index.js';
import { measureRawBpmnEngine } from '../src/engine/embedded/baseline/raw-bpmn-engine.js';
import type { VariableMap } from '../src/engine/port.js';
import { parseStartVariables, toStartVariableMap } from '../processes/variables.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const DIAGRAM = readFileSync(join(root, 'processes/east-riding/escalation.bpmn'));
const KEY = 'EastRidingEscalation';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
// Raw bpmn-engine holds ≈ 5.5 MiB per waiting instance of this diagram (the 0.6 MiB was for a
// small one): 1,000 instances already take ≈ 5.5 GiB, so the cap is 1,000 and 100k is extrapolated.
const RAW_CAP = Number(process.env.BENCH_RAW_CAP ?? 1000);
const RAW_SIGNALS = Math.min(300, RAW_CAP);
const RAW_RECOVERS = Math.min(100, RAW_CAP);
const MiB = 1024 * 1024;
const LOAD_AT_START = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
type Figures = Record<string, number>;

const START = parseStartVariables({
  escalationId: 'esc-00000001', raisedAt: new Date('2026-11-23T09:00:00Z'), partnership: 'east-riding',
  caseReference: 'CR-2026-00042', raisedByRole: 'raising-professional', raisedByAgency: 'school',
  otherAgencyRole: 'other-professional', otherAgency: 'childrens-services', disagreement: 'Referral not accepted',
  outcomeSought: 'An assessment', timescaleSought: 'Within 5 working days', immediateRisk: false, childStatus: 'none',
}); // prettier-ignore

const pct = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
function memory(): { rss: number; heap: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

// ---------------------------------------------------------------------------------------------
// Raw bpmn-engine (src/engine/embedded/baseline: only src/engine/ may import bpmn-engine).

async function rawPart(): Promise<Figures> {
  const variables = Object.fromEntries(
    Object.entries(toStartVariableMap(START)).map(([k, v]) => [k, v.value]),
  );
  const raw = await measureRawBpmnEngine({
    xml: DIAGRAM.toString(),
    variables,
    instances: RAW_CAP,
    signals: RAW_SIGNALS,
    recovers: RAW_RECOVERS,
    firstTask: 'Raise_Record',
    memory,
  });
  return {
    startMedian: pct(raw.startTimes, 0.5),
    startP99: pct(raw.startTimes, 0.99),
    completeMedian: pct(raw.signalTimes, 0.5),
    completeP99: pct(raw.signalTimes, 0.99),
    rssPerInstance: (raw.after.rss - raw.before.rss) / RAW_CAP,
    heapPerInstance: (raw.after.heap - raw.before.heap) / RAW_CAP,
    baseRss: raw.before.rss,
    stateBytes: raw.stateBytes,
    getStateMs: raw.getStateMs,
    recoverMs: raw.recoverMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Our engine.

const FORMS = readdirSync(join(root, 'forms')).filter((f) => f.endsWith('.form'));
const RESOURCES = [
  { name: 'escalation.bpmn', content: DIAGRAM },
  ...FORMS.map((f) => ({ name: f, content: readFileSync(join(root, 'forms', f)) })),
];
const TIMERS = { name: 'timers.bpmn', content: readFileSync(join(root, 'test/fixtures/engine/timers.bpmn')) };
const CLOCK_START = Date.parse('2026-11-23T09:00:00.000Z');

async function fetchOne(engine: EmbeddedEngine, topicName: string, businessKey: string): Promise<string> {
  const [task] = await engine.fetchAndLock({
    workerId: 'bench',
    maxTasks: 1,
    topics: [{ topicName, lockDuration: 3_600_000, businessKey }],
  });
  if (!task) throw new Error(`no ${topicName} task for ${businessKey}`);
  return task.id;
}

async function latencyPart(databaseFile: string): Promise<Figures> {
  const engine = await openEmbeddedEngine({ databaseFile, clock: new FakeClock(CLOCK_START) });
  await engine.deploy({ name: 'bench', resources: RESOURCES });
  const variables: VariableMap = toStartVariableMap(START);
  const starts: number[] = [];
  const completes: number[] = [];
  for (let i = 0; i < SAMPLES + 200; i++) {
    const t0 = performance.now();
    await engine.startProcessInstance({ definitionKey: KEY, businessKey: `lat-${i}`, variables });
    const task = await fetchOne(engine, 'escalation-record', `lat-${i}`);
    const t1 = performance.now();
    await engine.completeExternalTask(task, { workerId: 'bench' });
    await fetchOne(engine, 'escalation-schedule', `lat-${i}`);
    const t2 = performance.now();
    if (i >= 200) starts.push(t1 - t0); // the first 200 warm up
    if (i >= 200) completes.push(t2 - t1);
  }
  await engine.close();
  return {
    startMedian: pct(starts, 0.5),
    startP99: pct(starts, 0.99),
    completeMedian: pct(completes, 0.5),
    completeP99: pct(completes, 0.99),
  };
}

async function fill(engine: EmbeddedEngine, from: number, to: number, variables: VariableMap): Promise<void> {
  for (let i = from; i < to; i++)
    await engine.startProcessInstance({ definitionKey: KEY, businessKey: `mem-${i}`, variables });
}

async function memoryPart(databaseFile: string): Promise<Figures> {
  const clock = new FakeClock(CLOCK_START);
  // Filling 100k instances one durable commit at a time takes minutes; NORMAL only skips the fsync.
  const engine = await openEmbeddedEngine({ databaseFile, clock, synchronous: 'NORMAL' });
  await engine.deploy({ name: 'bench', resources: [...RESOURCES, TIMERS] });
  const variables = toStartVariableMap(START);
  await fill(engine, 0, 1000, variables);
  const at1k = memory();
  await fill(engine, 1000, 10_000, variables);
  const at10k = memory();
  const t0 = performance.now();
  await fill(engine, 10_000, 100_000, variables);
  const fillPerStart = (performance.now() - t0) / 90_000;
  const at100k = memory();
  for (let i = 0; i < 1000; i++) {
    await engine.startProcessInstance({
      definitionKey: 'timers',
      variables: { waitFor: { type: 'String', value: 'PT1H' } },
    });
  }
  await engine.close();
  return {
    rss1k: at1k.rss, rss10k: at10k.rss, rss100k: at100k.rss, heap10k: at10k.heap, heap100k: at100k.heap,
    rssPerInstance: (at100k.rss - at10k.rss) / 90_000, heapPerInstance: (at100k.heap - at10k.heap) / 90_000, fillPerStart,
  }; // prettier-ignore
}

async function restartPart(databaseFile: string): Promise<Figures> {
  // Two hours after the 1,000 PT1H timers were armed: all of them are overdue.
  const clock = new FakeClock(CLOCK_START + 2 * 3_600_000);
  const t0 = performance.now();
  const engine = await openEmbeddedEngine({ databaseFile, clock });
  const waiting = await engine.countProcessInstances();
  const ready = performance.now() - t0;
  await engine.idle();
  const timersFired = performance.now() - t0;
  const after = await engine.countExternalTasks({ activityId: 'after' });
  const { rss, heap } = memory();
  const backlog = await fetchFromBacklog(engine);
  await engine.close();
  return { ready, timersFired, waiting, fired: after, rss, heap, ...backlog };
}

/**
 * fetchAndLock of 100 tasks (as the official client asks: `usePriority`) from the topic on which
 * all 100k filled instances wait; each fetch locks its 100, so the next one reads past them. With
 * `variables: []` the fetch is the lookup and the locking alone; otherwise each task also carries
 * its instance's 15 start variables.
 */
async function fetchFromBacklog(engine: EmbeddedEngine): Promise<Figures> {
  const backlog = await engine.countExternalTasks({ topicName: 'escalation-record', notLocked: true });
  const median = async (usePriority: boolean, variables?: string[]): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const tasks = await engine.fetchAndLock({
        workerId: 'bench',
        maxTasks: 100,
        usePriority,
        topics: [{ topicName: 'escalation-record', lockDuration: 3_600_000, variables }],
      });
      times.push(performance.now() - t0);
      if (tasks.length !== 100) throw new Error(`fetched ${tasks.length} of 100`);
    }
    return pct(times, 0.5);
  };
  return {
    backlog,
    fetchPriorityMedian: await median(true),
    fetchCreationMedian: await median(false),
    fetchNoVariablesMedian: await median(true, []),
  };
}

// ---------------------------------------------------------------------------------------------
// Orchestration: each part in a child, then one table.

function child(part: string, databaseFile = ''): Figures {
  // Raw bpmn-engine holds about 5.5 MiB per waiting instance of this diagram: give it room for the cap.
  const flags = ['--expose-gc', '--import', 'tsx', ...(part === 'raw' ? ['--max-old-space-size=10240'] : [])];
  const ran = spawnSync(process.execPath, [...flags, 'bench/engine.ts', part, databaseFile], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  if (ran.status !== 0) throw new Error(`bench part ${part} failed: ${ran.stderr}`);
  return JSON.parse(ran.stdout.trim().split('\n').pop()!) as Figures;
}

const PARTS: Record<string, (file: string) => Promise<Figures>> = {
  raw: () => rawPart(),
  latency: latencyPart,
  memory: memoryPart,
  restart: restartPart,
};

async function main(): Promise<void> {
  const [part, file] = process.argv.slice(2);
  if (part) return void process.stdout.write(`${JSON.stringify(await PARTS[part]!(file!))}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  try {
    const raw = child('raw');
    const latency = child('latency', join(dir, 'latency.sqlite'));
    const mem = child('memory', join(dir, 'memory.sqlite'));
    const restart = child('restart', join(dir, 'memory.sqlite'));
    report(raw, latency, mem, restart);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(raw: Figures, ours: Figures, mem: Figures, restart: Figures): void {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const mib = (v: number) => `${(v / MiB).toFixed(0)} MiB`;
  const kib = (v: number) => `${(v / 1024).toFixed(2)} KiB`;
  const rows: [string, string, string][] = [
    ['start → first external task fetchable, median', ms(ours.startMedian!), ms(raw.startMedian!)],
    ['start → first external task fetchable, p99', ms(ours.startP99!), ms(raw.startP99!)],
    ['complete → next task created, median', ms(ours.completeMedian!), ms(raw.completeMedian!)],
    ['complete → next task created, p99', ms(ours.completeP99!), ms(raw.completeP99!)],
    ['RSS growth per waiting instance', kib(mem.rssPerInstance!), kib(raw.rssPerInstance!)],
    ['heap growth per waiting instance', kib(mem.heapPerInstance!), kib(raw.heapPerInstance!)],
    ['RSS with 10k waiting', mib(mem.rss10k!), `≈ ${mib(raw.baseRss! + 10_000 * raw.rssPerInstance!)} (extrapolated)`],
    ['RSS with 100k waiting', mib(mem.rss100k!), `≈ ${mib(raw.baseRss! + 100_000 * raw.rssPerInstance!)} (extrapolated)`],
    ['heap with 10k / 100k waiting', `${mib(mem.heap10k!)} / ${mib(mem.heap100k!)}`, `≈ ${mib(10_000 * raw.heapPerInstance!)} / ${mib(100_000 * raw.heapPerInstance!)} (extrapolated)`],
    ['restart with 100k waiting → ready', ms(restart.ready!), `≈ ${(100_000 * raw.recoverMs! / 1000).toFixed(0)} s to recover all (extrapolated)`],
    ['… then 1,000 overdue timers fired', ms(restart.timersFired!), 'lost (setTimeout timers do not survive a restart)'],
    [`fetchAndLock 100 of ${restart.backlog} waiting on one topic, median: usePriority / creation order`, `${ms(restart.fetchPriorityMedian!)} / ${ms(restart.fetchCreationMedian!)}`, 'n/a (no external tasks)'],
    ['… the same without variables (the lookup and locking alone)', ms(restart.fetchNoVariablesMedian!), 'n/a'],
    ['state per waiting instance', 'rows only', `${(raw.stateBytes! / 1024).toFixed(1)} KiB JSON, getState ${ms(raw.getStateMs!)}, recover+resume ${ms(raw.recoverMs!)}`],
  ]; // prettier-ignore
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `Engine benchmark: ${KEY}, ${SAMPLES} samples; raw bpmn-engine capped at ${RAW_CAP} instances (${RAW_SIGNALS} signals, ${RAW_RECOVERS} recoveries); load average at start ${LOAD_AT_START}.`,
  );
  console.log(
    `${'measure'.padEnd(width)}  embedded (durable, SQLite synchronous=FULL)  |  raw bpmn-engine 25 (in memory)`,
  );
  for (const [name, a, b] of rows) console.log(`${name.padEnd(width)}  ${a.padEnd(43)}  |  ${b}`);
  console.log(
    `(waiting after restart: ${restart.waiting}, overdue timers fired: ${restart.fired}; RSS after restart ${mib(restart.rss!)}; fill ${ms(mem.fillPerStart!)}/start at synchronous=NORMAL)`,
  );
}

await main();
