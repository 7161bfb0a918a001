/**
 * The engine a process test runs on: the embedded engine with a FakeClock at FIXED_RAISE by
 * default, or the Camunda 7 / Operaton REST API at ENGINE_URL through the REST adapter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnginePort } from '../../src/engine/port.js';
import { createCamundaRestEngine } from '../../src/engine/camunda-rest/index.js';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { systemClock } from '../../src/clock/system-clock.js';
import { FIXED_RAISE } from './scenario.js';

export interface Target {
  name: string;
  engine: EnginePort;
  now: () => Date;
  /** True when the clock stands at FIXED_RAISE, so absolute due dates can be checked. */
  fixedRaise: boolean;
  cleanup: () => Promise<void>;
}

const EMBEDDED_NAME = 'the embedded engine with a fake clock';
const remoteName = (url: string): string => `ENGINE_URL (${url})`;

async function embedded(): Promise<Target> {
  // Imported on use, so a run against ENGINE_URL never loads the embedded engine and SQLite.
  const { openEmbeddedEngine } = await import('../../src/engine/embedded/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'escalations-processes-'));
  const clock = new FakeClock(FIXED_RAISE);
  const engine = await openEmbeddedEngine({ databaseFile: join(dir, 'engine.db'), clock });
  return {
    name: EMBEDDED_NAME,
    engine,
    now: () => new Date(clock.now()),
    fixedRaise: true,
    cleanup: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function remote(url: string): Target {
  const engine = createCamundaRestEngine({ baseUrl: url });
  return {
    name: remoteName(url),
    engine,
    now: () => new Date(systemClock.now()),
    fixedRaise: false,
    cleanup: () => engine.close(),
  };
}

/** The name of the target {@link openTarget} opens, for test titles. */
export const targetName = (): string =>
  process.env.ENGINE_URL ? remoteName(process.env.ENGINE_URL) : EMBEDDED_NAME;

export function openTarget(): Promise<Target> {
  const url = process.env.ENGINE_URL;
  return url ? Promise.resolve(remote(url)) : embedded();
}
