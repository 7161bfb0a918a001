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
 */
import { expect } from 'chai';
import type { StartVariablesInput } from '../../processes/variables.js';
import { readFileSync } from 'node:fs';
import { diagramPath, simulateFile } from '../../src/simulation/simulation.test-harness.js';
import type { Timeline } from '../../src/simulation/timeline.js';
import { ApiHarness } from '../api/harness.js';
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
    why: 'Christmas, Boxing Day and New Year in Stages 1 and 2, then Stages 3 to 5',
  },
  {
    partnership: 'northamptonshire',
    file: 'northamptonshire/escalation.bpmn',
    context: 'general',
    raised: '2027-05-20T10:00:00Z',
    why: 'three Stage 3 levels over the Spring bank holiday, resolved at Stage 4',
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

/**
 * The simulated stages as the real run is observed. The API shows a task's due date from its
 * `camunda:dueDate`, which every stage but Northamptonshire's mediation outcome sets to the Date
 * variable its timer reads; without one the API shows none.
 */
const simulated = (t: Timeline, xml: string): Observed[] =>
  t.stages.map((s) => {
    const dueDate = new RegExp(
      `<bpmn:userTask id="${s.elementId}"[^>]*camunda:dueDate="\\$\\{(\\w+)\\}"`,
    ).exec(xml)?.[1];
    return {
      elementId: s.elementId,
      startedAt: s.startedAt,
      date: s.due ?? s.reminder,
      explanation: s.explanation,
      apiDue: dueDate !== undefined && dueDate === s.dueVariable ? (s.due ?? s.reminder) : null,
    };
  });

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
        expect(real).to.deep.equal(simulated(timeline, readFileSync(diagramPath(c.file), 'utf8')));
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
