/**
 * Scenario tests of every diagram (issue 7): on the embedded engine with a FakeClock by default,
 * and unchanged against a Camunda 7 / Operaton REST API when ENGINE_URL is set
 * (`npm run test:reference`). The test acts as the workers and as the people completing forms.
 */
import { openTarget, targetName, type Target } from './target.js';
import { unvisitedElements } from './coverage.js';
import { expect } from 'chai';
import { deployProcesses } from '../deploy.js';
import { assertScenario } from './assert.js';
import { runScenario } from './runner.js';
import type { Scenario } from './scenario.js';
import { liverpool } from './liverpool.scenarios.js';
import { liverpoolLscb } from './liverpool-lscb.scenarios.js';
import { northamptonshire } from './northamptonshire.scenarios.js';
import { eastRiding } from './east-riding.scenarios.js';
import { eastRidingBreach } from './east-riding-breach.scenarios.js';
import { eastRidingDissent } from './east-riding-dissent.scenarios.js';
import { wiltshire } from './wiltshire.scenarios.js';
import { safeguardingUnit } from './safeguarding-unit.scenarios.js';
import { safeguardingUnitConference } from './safeguarding-unit-conference.scenarios.js';

const SUITES: Record<string, Scenario[]> = {
  'safeguarding-unit': [...safeguardingUnit, ...safeguardingUnitConference],
  'east-riding': [...eastRiding, ...eastRidingBreach],
  'east-riding conference dissent': eastRidingDissent,
  northamptonshire,
  liverpool: [...liverpool, ...liverpoolLscb],
  wiltshire,
};

describe(`Escalation scenarios on ${targetName()}`, () => {
  let target: Target;
  before(async () => {
    target = await openTarget();
    await deployProcesses(target.engine);
  });
  after(async () => target?.cleanup());
  const visited = new Map<string, Set<string>>();

  for (const [partnership, scenarios] of Object.entries(SUITES)) {
    describe(partnership, () => {
      for (const s of scenarios) {
        it(`${s.title} (${s.cite})`, async () => {
          const run = await runScenario(target.engine, s, target.now);
          assertScenario(s, run, { fixedRaise: target.fixedRaise });
          const history = await target.engine.listHistoricActivityInstances({
            processInstanceId: run.processInstanceId,
          });
          visited.set(s.key, new Set([...(visited.get(s.key) ?? []), ...history.map((h) => h.activityId)]));
        });
      }
    });
  }

  describe('coverage (runs after the scenarios above)', () => {
    it('Given all the scenarios, When their histories are combined, Then every element of every diagram was visited', async () => {
      expect(await unvisitedElements(visited)).to.deep.equal({});
    });
  });
});
