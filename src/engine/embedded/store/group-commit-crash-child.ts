/**
 * The child process of the group-commit crash test (not a test itself): the crash test's diagram
 * under *concurrent* load, so that many steps share each commit. Lanes of starts run side by
 * side, and each fetched batch of tasks is completed all at once (as the official client does).
 * After each call resolves it prints an acknowledgement line: that step must survive a SIGKILL.
 *
 *   node --import tsx src/engine/embedded/store/group-commit-crash-child.ts <databaseFile> load|drain <runId>
 */
import type { EmbeddedEngine } from '../index.js';
import { BadUserRequestError, NotFoundError } from '../../errors/index.js';
import { ack, runCrashChild } from '../../../../test/durability/crash-child-frame.js';

const TOPICS = ['crash-first', 'crash-second'].map((topicName) => ({ topicName, lockDuration: 2_000 }));
const LANES = 8;

/** Fetches up to 20 tasks and completes them all concurrently; resolves with how many. */
async function completeSome(engine: EmbeddedEngine, worker: string): Promise<number> {
  const tasks = await engine.fetchAndLock({ workerId: worker, maxTasks: 20, topics: TOPICS });
  await Promise.all(
    tasks.map(async (task) => {
      try {
        await engine.completeExternalTask(task.id, { workerId: worker });
      } catch (error) {
        // On a starved machine a lock can expire and another lane take the task: not acknowledged.
        if (error instanceof BadUserRequestError || error instanceof NotFoundError) return;
        throw error;
      }
      ack(`complete ${task.id} ${task.activityInstanceId} ${task.processInstanceId}`);
    }),
  );
  return tasks.length;
}

async function lane(engine: EmbeddedEngine, runId: string, n: number): Promise<never> {
  for (let i = 0; ; i++) {
    const started = await Promise.all(
      [0, 1, 2].map((k) =>
        engine.startProcessInstance({ definitionKey: 'crash', businessKey: `${runId}-${n}-${i}-${k}` }),
      ),
    );
    for (const s of started) ack(`start ${s.id}`);
    await completeSome(engine, `w-${runId}-${n}`);
  }
}

await runCrashChild({
  load: (engine, runId) => Promise.all(Array.from({ length: LANES }, (_, n) => lane(engine, runId, n))),
  completeSome: (engine, runId) => completeSome(engine, `w-${runId}`),
  drainSeconds: 30,
});
