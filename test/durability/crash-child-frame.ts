/**
 * The frame of a crash test's child process (`test/durability/crash-child.ts`,
 * `src/engine/embedded/store/group-commit-crash-child.ts`): it reads `<databaseFile> load|drain <runId>`,
 * opens the engine on the system clock, deploys `crash.bpmn` and says `ready`; in `load` mode it runs the
 * child's load until the parent kills it; in `drain` mode it completes every open instance, closes the
 * engine and says `drained`. Every line it prints is an acknowledgement: that step must survive a SIGKILL.
 */
import { systemClock } from '../../src/clock/system-clock.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { fixture } from '../engine/harness.js';

/** What a crash child does itself; the frame does the rest. */
export interface CrashChild {
  /** `load` mode: starts instances and completes their tasks, acknowledging each step, until killed. */
  load(engine: EmbeddedEngine, runId: string): Promise<unknown>;
  /** Fetches a batch and completes it, acknowledging each completion; resolves with the batch's size. */
  completeSome(engine: EmbeddedEngine, runId: string): Promise<number>;
  /** How long the drain may take before the child fails. */
  drainSeconds: number;
}

/** Prints one acknowledgement line. */
export const ack = (line: string): void => void process.stdout.write(`${line}\n`);

/** Runs the child named by this process's arguments (see the file's comment). */
export async function runCrashChild(child: CrashChild): Promise<void> {
  const [databaseFile, mode, runId] = process.argv.slice(2) as [string, 'load' | 'drain', string];
  const engine = await openEmbeddedEngine({ databaseFile, clock: systemClock });
  await engine.deploy({
    name: 'crash',
    enableDuplicateFiltering: true,
    resources: [{ name: 'crash.bpmn', content: fixture('crash.bpmn') }],
  });
  ack('ready');
  if (mode === 'load') await child.load(engine, runId);
  await drain(engine, child, runId);
  await engine.close();
  ack('drained');
}

/** Completes tasks until no instance is left open (their timers fire meanwhile). */
async function drain(engine: EmbeddedEngine, child: CrashChild, runId: string): Promise<void> {
  const deadline = systemClock.now() + child.drainSeconds * 1000;
  while (systemClock.now() < deadline) {
    const done = await child.completeSome(engine, runId);
    if (done === 0 && (await engine.countProcessInstances()) === 0) return;
    if (done === 0) await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`drain did not finish within ${child.drainSeconds} s`);
}
