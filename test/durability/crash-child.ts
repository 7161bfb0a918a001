/**
 * The child process of the crash test (not a test itself). It runs the engine on the system
 * clock under load: starts instances of `crash.bpmn`, completes their external tasks and lets
 * their 0.2 s timers fire. After each committed call it prints an acknowledgement line, so the
 * parent knows what must have survived a SIGKILL.
 *
 *   node --import tsx test/durability/crash-child.ts <databaseFile> load|drain <runId>
 *
 * `load` runs until killed; `drain` starts nothing, finishes every open instance and exits 0.
 */
import { systemClock } from '../../src/clock/system-clock.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { fixture } from '../engine/harness.js';

const [databaseFile, mode, runId] = process.argv.slice(2) as [string, 'load' | 'drain', string];
const ack = (line: string): void => void process.stdout.write(`${line}\n`);
const TOPICS = ['crash-first', 'crash-second'].map((topicName) => ({ topicName, lockDuration: 500 }));

async function completeSome(engine: EmbeddedEngine): Promise<number> {
  const tasks = await engine.fetchAndLock({ workerId: `w-${runId}`, maxTasks: 10, topics: TOPICS });
  for (const task of tasks) {
    await engine.completeExternalTask(task.id, { workerId: `w-${runId}` });
    ack(`complete ${task.id} ${task.activityInstanceId} ${task.processInstanceId}`);
  }
  return tasks.length;
}

async function load(engine: EmbeddedEngine): Promise<never> {
  for (let i = 0; ; i++) {
    const started = await engine.startProcessInstance({
      definitionKey: 'crash',
      businessKey: `${runId}-${i}`,
    });
    ack(`start ${started.id}`);
    await completeSome(engine);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function drain(engine: EmbeddedEngine): Promise<void> {
  const deadline = systemClock.now() + 20_000;
  while (systemClock.now() < deadline) {
    const done = await completeSome(engine);
    if (done === 0 && (await engine.countProcessInstances()) === 0) return;
    if (done === 0) await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('drain did not finish within 20 s');
}

const engine = await openEmbeddedEngine({ databaseFile, clock: systemClock });
await engine.deploy({
  name: 'crash',
  enableDuplicateFiltering: true,
  resources: [{ name: 'crash.bpmn', content: fixture('crash.bpmn') }],
});
ack('ready');
if (mode === 'load') await load(engine);
await drain(engine);
await engine.close();
ack('drained');
