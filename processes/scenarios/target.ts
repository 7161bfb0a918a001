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

async function embedded(): Promise<Target> {
  // Loaded by path so this file type-checks while the embedded adapter is being built (issue 3).
  const modulePath = '../../src/engine/embedded/index.js';
  const { openEmbeddedEngine } = (await import(modulePath)) as {
    openEmbeddedEngine(o: { databaseFile: string; clock: FakeClock }): Promise<EnginePort>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'escalations-processes-'));
  const clock = new FakeClock(FIXED_RAISE);
  const engine = await openEmbeddedEngine({ databaseFile: join(dir, 'engine.db'), clock });
  return {
    name: 'the embedded engine with a fake clock',
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
    name: `ENGINE_URL (${url})`,
    engine,
    now: () => new Date(systemClock.now()),
    fixedRaise: false,
    cleanup: () => engine.close(),
  };
}

export const targetName = (): string =>
  process.env.ENGINE_URL ? `ENGINE_URL (${process.env.ENGINE_URL})` : 'the embedded engine with a fake clock';

export function openTarget(): Promise<Target> {
  const url = process.env.ENGINE_URL;
  return url ? Promise.resolve(remote(url)) : embedded();
}
