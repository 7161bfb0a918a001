/** Checks a scenario run against its Then. */
import { expect } from 'chai';
import type { Scenario } from './scenario.js';
import type { ScenarioRun } from './runner.js';

function expectSubsequence(actual: string[], expected: string[]): void {
  let i = 0;
  for (const id of actual) if (id === expected[i]) i += 1;
  expect(
    i,
    `path ${JSON.stringify(actual)} should contain, in order, ${JSON.stringify(expected)}; stuck at ${expected[i]}`,
  ).to.equal(expected.length);
}

export function assertScenario(s: Scenario, run: ScenarioRun, { fixedRaise }: { fixedRaise: boolean }): void {
  expectSubsequence(run.path, s.path);
  for (const id of s.notPath ?? []) expect(run.path, `must not pass ${id}`).not.to.include(id);
  expect(run.ended, 'ended').to.equal(s.ended);
  for (const n of s.notified ?? []) {
    const hit = run.handled.some(
      (t) =>
        t.topic === 'escalation-notify' &&
        t.inputs.template === n.template &&
        String(t.inputs.role).split(',').includes(n.role),
    );
    expect(hit, `notified ${n.role} with ${n.template}`).to.equal(true);
  }
  if (s.copiedTo) {
    const stageNotices = run.handled.filter(
      (t) => t.topic === 'escalation-notify' && !/^(Raise|ImmediateRisk)_/.test(t.activityId),
    );
    expect(stageNotices.length).to.be.greaterThan(0);
    for (const t of stageNotices)
      expect(t.inputs.copyTo, `${t.activityId} copies ${s.copiedTo}`).to.equal(s.copiedTo);
  }
  const schedules = run.handled.filter((t) => t.topic === 'escalation-schedule');
  for (const [dueVariable, timescale] of Object.entries(s.timescales ?? {})) {
    const t = schedules.find((x) => x.properties.dueVariable === dueVariable);
    expect(t?.properties.timescale, `timescale of ${dueVariable}`).to.equal(timescale);
  }
  for (const [timer, [jobDue, variable]] of Object.entries(run.timers)) {
    expect(jobDue?.getTime(), `${timer} fires at its due variable`).to.equal(variable?.getTime());
  }
  if (fixedRaise) {
    for (const [dueVariable, iso] of Object.entries(s.dueAt ?? {})) {
      const t = schedules.find((x) => x.properties.dueVariable === dueVariable);
      expect(t?.due?.toISOString(), `${dueVariable}`).to.equal(iso);
    }
  }
}
