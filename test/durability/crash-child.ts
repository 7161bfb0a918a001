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
import type { EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { ack, runCrashChild } from './crash-child-frame.js';

const TOPICS = ['crash-first', 'crash-second'].map((topicName) => ({ topicName, lockDuration: 500 }));

async function completeSome(engine: EmbeddedEngine, runId: string): Promise<number> {
  const tasks = await engine.fetchAndLock({ workerId: `w-${runId}`, maxTasks: 10, topics: TOPICS });
  for (const task of tasks) {
    await engine.completeExternalTask(task.id, { workerId: `w-${runId}` });
    ack(`complete ${task.id} ${task.activityInstanceId} ${task.processInstanceId}`);
  }
  return tasks.length;
}

async function load(engine: EmbeddedEngine, runId: string): Promise<never> {
  for (let i = 0; ; i++) {
    const started = await engine.startProcessInstance({
      definitionKey: 'crash',
      businessKey: `${runId}-${i}`,
    });
    ack(`start ${started.id}`);
    await completeSome(engine, runId);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

await runCrashChild({ load, completeSome, drainSeconds: 20 });
