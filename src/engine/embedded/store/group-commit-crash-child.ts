/**
 * The child process of the group-commit crash test (not a test itself): the crash test's diagram
 * under *concurrent* load, so that many steps share each commit. Lanes of starts run side by
 * side, and each fetched batch of tasks is completed all at once (as the official client does).
 * After each call resolves it prints an acknowledgement line: that step must survive a SIGKILL.
 *
 *   node --import tsx src/engine/embedded/store/group-commit-crash-child.ts <databaseFile> load|drain <runId>
 */
import { systemClock } from '../../../clock/system-clock.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../index.js';
import { fixture } from '../../../../test/engine/harness.js';
import { BadUserRequestError, NotFoundError } from '../../errors/index.js';

const [databaseFile, mode, runId] = process.argv.slice(2) as [string, 'load' | 'drain', string];
const ack = (line: string): void => void process.stdout.write(`${line}\n`);
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

async function lane(engine: EmbeddedEngine, n: number): Promise<never> {
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

async function drain(engine: EmbeddedEngine): Promise<void> {
  const deadline = systemClock.now() + 30_000;
  while (systemClock.now() < deadline) {
    const done = await completeSome(engine, `w-${runId}`);
    if (done === 0 && (await engine.countProcessInstances()) === 0) return;
    if (done === 0) await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('drain did not finish within 30 s');
}

const engine = await openEmbeddedEngine({ databaseFile, clock: systemClock });
await engine.deploy({
  name: 'crash',
  enableDuplicateFiltering: true,
  resources: [{ name: 'crash.bpmn', content: fixture('crash.bpmn') }],
});
ack('ready');
if (mode === 'load') await Promise.all(Array.from({ length: LANES }, (_, n) => lane(engine, n)));
await drain(engine);
await engine.close();
ack('drained');
