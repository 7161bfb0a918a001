/**
 * What-if deadlines against reality (issue 16, "for each partnership, deadlines from simulate equal
 * those of a real run driven through the API with the fake clock"): each diagram is simulated, then
 * the same escalation is raised at the same instant through `POST /api/v1/escalations` on the whole
 * product (test/api/harness.ts: the embedded engine with the fake clock, the real workers over
 * loopback, a real SMTP server), each stage is completed through
 * `POST /api/v1/escalations/:id/tasks/:taskId/complete` with the simulation's answer at the
 * simulation's instant, and every stage's start, due variable and explanation (what the real
 * escalation-schedule worker wrote), and the due date the API shows for the open task, must equal
 * the simulated ones; the escalation must end where the simulation said.
 *
 * Northamptonshire's Stage 5 cannot be reached through the API yet: the offer of mediation's form
 * (`northamptonshire-mediation-offer`) has no `outcome` field and the API's completion requires one
 * (`stageVariablesSchema`), so it answers 400. Through the API, Northamptonshire climbs its three
 * Stage 3 levels and resolves at Stage 4; its default route through Stage 5 is compared with a real
 * run on the workers stack instead (test/workers/stack.ts: the same engine, workers and fake clock,
 * stages completed through the engine port).
 */
import { expect } from 'chai';
import type { StartVariablesInput } from '../../processes/variables.js';
import { simulateFile } from '../../src/simulation/simulation.test-harness.js';
import type { Timeline } from '../../src/simulation/timeline.js';
import { ApiHarness } from '../api/harness.js';
import type { FakeClock } from '../../src/clock/fake-clock.js';
import { Stack } from '../workers/stack.js';
import { answerThroughApi, createPeople, raiseThroughApi, type Observed } from './api-run.js';

interface Case {
  partnership: StartVariablesInput['partnership'];
  file: string;
  context: NonNullable<StartVariablesInput['disagreementContext']>;
  /** Chosen so that spans cross bank holidays or a clock change. */
  raised: string;
  why: string;
  /** Outcomes for the simulation (and so the real run); by default the branch that escalates. */
  outcomes?: string[];
}

const CASES: Case[] = [
  {
    partnership: 'northamptonshire',
    file: 'northamptonshire/escalation.bpmn',
    context: 'general',
    raised: '2026-12-24T10:00:00Z',
    why: 'Christmas, Boxing Day and New Year in Stages 1 and 2, three Stage 3 levels, resolved at Stage 4',
    outcomes: ['unresolved', 'unresolved', 'next-level', 'next-level', 'next-level', 'resolved'],
  },
  {
    partnership: 'east-riding',
    file: 'east-riding/escalation.bpmn',
    context: 'general',
    raised: '2027-03-24T13:00:00Z',
    why: 'calendar days from raised across the change to BST at Easter 2027 (§3)',
  },
  {
    partnership: 'east-riding',
    file: 'east-riding/conference-dissent.bpmn',
    context: 'conference-decision',
    raised: '2027-03-18T13:00:00Z',
    why: 'the 72-hour adjournment across the change to BST (§5)',
  },
  {
    partnership: 'liverpool',
    file: 'liverpool/escalation.bpmn',
    context: 'general',
    raised: '2026-12-17T15:00:00Z',
    why: 'Day 9 on Christmas Day and Day 16 on New Year’s Day (Stages 1 to 4)',
  },
  {
    partnership: 'wiltshire',
    file: 'wiltshire/escalation.bpmn',
    context: 'general',
    raised: '2027-03-25T10:00:00Z',
    why: 'reminders over Good Friday and Easter Monday (no fixed timescale)',
  },
  {
    partnership: 'safeguarding-unit',
    file: 'safeguarding-unit/line-management.bpmn',
    context: 'general',
    raised: '2026-12-23T09:00:00Z',
    why: 'reminders over Christmas and New Year (2.3, 2.4, 2.7, 3.1)',
  },
  {
    partnership: 'safeguarding-unit',
    file: 'safeguarding-unit/cp-plan.bpmn',
    context: 'cp-plan',
    raised: '2027-04-28T09:00:00Z',
    why: 'reminders over the Early May and Spring bank holidays (3.4)',
  },
  {
    partnership: 'safeguarding-unit',
    file: 'safeguarding-unit/conference-request.bpmn',
    context: 'conference-request',
    raised: '2027-08-26T09:00:00Z',
    why: 'reminders over the Summer bank holiday (3.2)',
  },
  {
    partnership: 'safeguarding-unit',
    file: 'safeguarding-unit/conference-dissent.bpmn',
    context: 'conference-decision',
    raised: '2026-12-23T09:00:00Z',
    why: 'reminders over Christmas (3.3)',
  },
];

const simulated = (t: Timeline): Observed[] =>
  t.stages.map((s) => ({
    elementId: s.elementId,
    startedAt: s.startedAt,
    date: s.due ?? s.reminder,
    explanation: s.explanation,
    apiDue: s.due ?? s.reminder,
  }));

describe('simulation equals a real run through the API with the real workers and the fake clock (issue 16)', function () {
  this.timeout(300_000);

  for (const c of CASES) {
    it(`Given processes/${c.file} raised ${c.raised} (${c.why}), When simulated and then raised and answered through the API with the same answers at the same instants, Then every stage starts and falls due at the same instant with the same explanation, and it ends at the same end event`, async () => {
      const timeline = await simulateFile(c.partnership, c.file, c.raised, { outcomes: c.outcomes ?? [] });
      expect(timeline.stages.length, 'stages simulated').to.be.greaterThan(2);
      expect(timeline.unusedOutcomes).to.deep.equal([]);
      expect(timeline.end.kind).to.equal('completed');
      const h = await ApiHarness.start();
      try {
        const people = await createPeople(h, c.partnership);
        await h.clock.advanceTo(c.raised);
        const escalation = await raiseThroughApi(h, people[0]!, c.context);
        const real = await answerThroughApi(h, people, escalation, timeline);
        expect(real).to.deep.equal(simulated(timeline));
        const pi = escalation.processInstanceId;
        expect(await h.product.engine.listIncidents({ processInstanceId: pi }), 'incidents').to.deep.equal(
          [],
        );
        const [historic] = await h.product.engine.listHistoricProcessInstances({ processInstanceId: pi });
        expect(historic?.state, 'the real escalation has ended').to.equal('COMPLETED');
        const path = (await h.product.engine.listHistoricActivityInstances({ processInstanceId: pi })).map(
          (a) => a.activityId,
        );
        if (timeline.end.kind === 'completed') expect(path).to.include(timeline.end.elementId);
      } finally {
        await h.stop();
      }
    });
  }
});

describe('simulation equals a real run on the workers stack: Northamptonshire through Stage 5 (issue 16)', function () {
  this.timeout(300_000);
  if (Stack.remote) return; // the real run moves the fake clock: the embedded engine only

  it('Given processes/northamptonshire/escalation.bpmn raised 2026-12-24T10:00:00Z and no outcomes, When simulated and then run on the real workers with the same answers at the same instants, Then every stage to the mediation outcome starts and falls due at the same instant with the same explanation (NSCP Stages 1 to 5)', async () => {
    const timeline = await simulateFile(
      'northamptonshire',
      'northamptonshire/escalation.bpmn',
      '2026-12-24T10:00:00Z',
    );
    expect(timeline.stages.map((s) => s.elementId)).to.include.members([
      'Stage5_OfferMediation',
      'Stage5_RecordOutcome',
    ]);
    const stack = await Stack.start({ smtp: false });
    try {
      const real = await runOnStack(stack, timeline);
      expect(real).to.deep.equal(simulated(timeline).map(({ apiDue: _api, ...rest }) => rest));
    } finally {
      await stack.stop();
    }
  });
});

/** Raises on the stack at the simulated instant and answers each stage as the simulation did. */
async function runOnStack(stack: Stack, timeline: Timeline): Promise<Omit<Observed, 'apiDue'>[]> {
  const clock = stack.clock as FakeClock;
  await clock.advanceTo(timeline.raisedAt);
  const run = await stack.raise('northamptonshire');
  await stack.settle(run);
  const pi = run.processInstanceId;
  const observed: Omit<Observed, 'apiDue'>[] = [];
  for (const stage of timeline.stages) {
    await clock.advanceTo(stage.answeredAt!);
    await stack.settle(run);
    const [task] = await stack.engine.listUserTasks({
      processInstanceId: pi,
      taskDefinitionKey: stage.elementId,
    });
    expect(task, `${stage.elementId} is open at ${stage.answeredAt}`).to.not.equal(undefined);
    const variables = await stack.engine.getProcessVariables(pi);
    const date = stage.dueVariable ? variables[stage.dueVariable]?.value : null;
    const explanation = stage.dueVariable ? variables[`${stage.dueVariable}Explanation`]?.value : null;
    observed.push({
      elementId: task!.taskDefinitionKey,
      startedAt: task!.created.toISOString(),
      date: date instanceof Date ? date.toISOString() : null,
      explanation: typeof explanation === 'string' ? explanation.split('\n') : null,
    });
    await stack.complete(run, stage.elementId, stage.answer);
  }
  expect(await stack.engine.listIncidents({ processInstanceId: pi }), 'incidents').to.deep.equal([]);
  const [historic] = await stack.engine.listHistoricProcessInstances({ processInstanceId: pi });
  expect(historic?.state, 'the real escalation has ended').to.equal('COMPLETED');
  return observed;
}
