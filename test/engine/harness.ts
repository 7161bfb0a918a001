/**
 * Test harness for the engine feature tests: a real engine on a real SQLite file in a fresh
 * temporary directory, a fake clock, and the fixtures in `test/fixtures/engine/`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import {
  openEmbeddedEngine,
  type EmbeddedEngine,
  type EmbeddedEngineOptions,
} from '../../src/engine/embedded/index.js';
import type { LockedExternalTask } from '../../src/engine/port.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'engine');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export interface Harness {
  engine: EmbeddedEngine;
  clock: FakeClock;
  dir: string;
  databaseFile: string;
  /** Deploys fixtures by file name; returns the deployment. */
  deploy(...names: string[]): ReturnType<EmbeddedEngine['deploy']>;
  /** Fetches and locks every available task of `topic` for worker `w`. */
  fetch(topic: string, workerId?: string): Promise<LockedExternalTask[]>;
  /** Closes and reopens the engine on the same database (a restart). */
  restart(options?: Partial<EmbeddedEngineOptions>): Promise<EmbeddedEngine>;
  close(): Promise<void>;
}

export async function openHarness(options: Partial<EmbeddedEngineOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-test-'));
  const databaseFile = join(dir, 'engine.db');
  const clock = (options.clock as FakeClock | undefined) ?? new FakeClock('2026-11-23T09:00:00.000Z');
  const open = (extra: Partial<EmbeddedEngineOptions> = {}) =>
    openEmbeddedEngine({ databaseFile, clock, ...options, ...extra });
  const harness: Harness = {
    engine: await open(),
    clock,
    dir,
    databaseFile,
    deploy: (...names) =>
      harness.engine.deploy({
        name: 'test',
        resources: names.map((name) => ({ name, content: fixture(name) })),
      }),
    fetch: (topic, workerId = 'w') =>
      harness.engine.fetchAndLock({
        workerId,
        maxTasks: 100,
        topics: [{ topicName: topic, lockDuration: 60_000 }],
      }),
    async restart(extra) {
      await harness.engine.close();
      harness.engine = await open(extra);
      return harness.engine;
    },
    async close() {
      await harness.engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The ids of the activities that ran, in start order, from history. */
export async function path(engine: EmbeddedEngine, processInstanceId: string): Promise<string[]> {
  const activities = await engine.listHistoricActivityInstances({ processInstanceId });
  return activities.map((a) => a.activityId);
}
