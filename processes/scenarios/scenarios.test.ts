/**
 * Scenario tests of every diagram (issue 7): on the embedded engine with a FakeClock by default,
 * and unchanged against a Camunda 7 / Operaton REST API when ENGINE_URL is set
 * (`npm run test:reference`). The test acts as the workers and as the people completing forms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnginePort } from '../../src/engine/port.js';
import { createCamundaRestEngine } from '../../src/engine/camunda-rest/index.js';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { systemClock } from '../../src/clock/system-clock.js';
import { deployProcesses } from '../deploy.js';
import { assertScenario } from './assert.js';
import { runScenario } from './runner.js';
import { FIXED_RAISE, type Scenario } from './scenario.js';
import { liverpool } from './liverpool.scenarios.js';
import { northamptonshire } from './northamptonshire.scenarios.js';
import { eastRiding, eastRidingDissent } from './east-riding.scenarios.js';
import { wiltshire } from './wiltshire.scenarios.js';
import { safeguardingUnit } from './safeguarding-unit.scenarios.js';

const SUITES: Record<string, Scenario[]> = {
  'safeguarding-unit': safeguardingUnit,
  'east-riding': eastRiding,
  'east-riding conference dissent': eastRidingDissent,
  northamptonshire,
  liverpool,
  wiltshire,
};

interface Target {
  engine: EnginePort;
  now: () => Date;
  fixedRaise: boolean;
  cleanup: () => Promise<void>;
}

async function embedded(): Promise<Target> {
  // Loaded by path so this file type-checks while the embedded adapter is being built.
  const modulePath = '../../src/engine/embedded/index.js';
  const { openEmbeddedEngine } = (await import(modulePath)) as {
    openEmbeddedEngine(o: { databaseFile: string; clock: FakeClock }): Promise<EnginePort>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'escalations-scenarios-'));
  const clock = new FakeClock(FIXED_RAISE);
  const engine = await openEmbeddedEngine({ databaseFile: join(dir, 'engine.db'), clock });
  return {
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
  return { engine, now: () => new Date(systemClock.now()), fixedRaise: false, cleanup: () => engine.close() };
}

const url = process.env.ENGINE_URL;

describe(`Escalation scenarios on ${url ? `ENGINE_URL (${url})` : 'the embedded engine with a fake clock'}`, () => {
  let target: Target;
  before(async () => {
    target = url ? remote(url) : await embedded();
    await deployProcesses(target.engine);
  });
  after(async () => target?.cleanup());

  for (const [partnership, scenarios] of Object.entries(SUITES)) {
    describe(partnership, () => {
      for (const s of scenarios) {
        it(`${s.title} (${s.cite})`, async () => {
          const run = await runScenario(target.engine, s, target.now);
          assertScenario(s, run, { fixedRaise: target.fixedRaise });
        });
      }
    });
  }
});
