import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseHolidayFile } from '../calendar/index.js';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { simulate } from './runner.js';
import { requestFor, simulateFile } from './simulation.test-harness.js';
import { throwawayEngines } from './throwaway-engine.js';
import type { Timeline } from './timeline.js';

const ids = (t: Timeline) => t.stages.map((s) => s.elementId);
const outcomes = (t: Timeline) => t.stages.map((s) => s.outcome);
const stage = (t: Timeline, id: string) => t.stages.find((s) => s.elementId === id)!;

/**
 * The escalating route through each diagram, read from the diagram: at every decision the default
 * flow ("not resolved"), never another level of the same stage while another way on exists.
 */
const ROUTES: [string, string, string[], string][] = [
  [
    'northamptonshire',
    'northamptonshire/escalation.bpmn',
    [
      'Stage1_RecordOutcome',
      'Stage2_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage4_RecordOutcome',
      'Stage5_OfferMediation',
      'Stage5_RecordOutcome',
    ],
    'Escalation_ClosedUnresolved',
  ],
  [
    'east-riding',
    'east-riding/escalation.bpmn',
    [
      'Stage1_RecordOutcome',
      'Stage2_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage4_RecordOutcome',
      'Stage5_RecordOutcome',
    ],
    'Escalation_ClosedUnresolved',
  ],
  [
    'east-riding',
    'east-riding/conference-dissent.bpmn',
    ['Conference_RecordOutcome', 'Adjournment_RecordOutcome', 'Arbitration_RecordOutcome'],
    'Escalation_ClosedUnresolved',
  ],
  [
    'liverpool',
    'liverpool/escalation.bpmn',
    [
      'Stage1_RecordOutcome',
      'Stage1LineManager_RecordOutcome',
      'Stage2_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3Mediation_RecordOutcome',
      'Stage4_RecordOutcome',
    ],
    'Escalation_ClosedUnresolved',
  ],
  [
    'wiltshire',
    'wiltshire/escalation.bpmn',
    [
      'Raise_SafeguardingLead',
      'Level1_RecordOutcome',
      'Level2_RecordOutcome',
      'Level3_RecordOutcome',
      'Level4_RecordOutcome',
    ],
    'Escalation_FormallyLogged',
  ],
  [
    'safeguarding-unit',
    'safeguarding-unit/line-management.bpmn',
    [
      'Stage1_RecordOutcome',
      'Stage2_RecordOutcome',
      'Meeting_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage4_RecordOutcome',
    ],
    'Escalation_ClosedUnresolved',
  ],
  [
    'safeguarding-unit',
    'safeguarding-unit/cp-plan.bpmn',
    ['Stage1_RecordOutcome', 'Stage2_RecordOutcome', 'Stage3_RecordOutcome', 'Stage4_RecordOutcome'],
    'Escalation_ClosedUnresolved',
  ],
  [
    'safeguarding-unit',
    'safeguarding-unit/conference-request.bpmn',
    ['Csc_RecordOutcome', 'AgencyView_RecordOutcome', 'Head_RecordOutcome'],
    'Escalation_ClosedUnresolved',
  ],
  [
    'safeguarding-unit',
    'safeguarding-unit/conference-dissent.bpmn',
    ['Challenge_RecordOutcome', 'LineManager_RecordOutcome', 'Head_RecordOutcome'],
    'Escalation_ClosedUnresolved',
  ],
];

describe('simulation: what-if deadlines on the real diagrams (issue 16)', function () {
  this.timeout(120_000);

  for (const [partnership, file, route, end] of ROUTES) {
    it(`Given processes/${file} and no outcomes, When simulated, Then every decision takes the branch that escalates: ${route.join(' → ')} → ${end}`, async () => {
      const t = await simulateFile(partnership, file, '2026-11-02T10:00:00Z');
      expect(ids(t)).to.deep.equal(route);
      expect(t.end).to.include({ kind: 'completed', elementId: end });
      // Each stage starts when the one before is answered, one minute before its date.
      t.stages.forEach((s, i) => {
        const date = s.due ?? s.reminder;
        if (date) expect(Date.parse(s.answeredAt!), s.elementId).to.equal(Date.parse(date) - 60_000);
        if (i > 0) expect(s.startedAt, s.elementId).to.equal(t.stages[i - 1]!.answeredAt);
      });
    });
  }

  it('Given Northamptonshire raised on Christmas Eve 2026, When simulated, Then Stage 1 skips Christmas Day and the Boxing Day substitute and Stage 2 New Year’s Day, with the deadline worker’s explanation (Stage 1 "within 48 hours (2 working days)", Stage 2 "within 5 working days")', async () => {
    const t = await simulateFile(
      'northamptonshire',
      'northamptonshire/escalation.bpmn',
      '2026-12-24T10:00:00Z',
    );
    const s1 = stage(t, 'Stage1_RecordOutcome');
    expect(s1).to.include({
      startedAt: '2026-12-24T10:00:00.000Z',
      due: '2026-12-30T10:00:00.000Z',
      timescale: '2 working days',
      kind: 'deadline',
      dueVariable: 'stage1Due',
    });
    expect(s1.explanation).to.include.members([
      'Skipped Fri 25 Dec 2026: Christmas Day',
      'Skipped Mon 28 Dec 2026: Boxing Day (substitute day)',
      'Due: Wed 30 Dec 2026 at 10:00 GMT (2026-12-30T10:00:00.000Z).',
    ]);
    expect(s1.timer).to.deep.include({ id: 'Stage1_Deadline', interrupting: true });
    expect(s1.timer!.leadsTo.map((x) => x.id)).to.deep.equal(['Stage1_NotifyBreach']);
    const s2 = stage(t, 'Stage2_RecordOutcome');
    expect(s2).to.include({ startedAt: '2026-12-30T09:59:00.000Z', due: '2027-01-07T09:59:00.000Z' });
    expect(s2.explanation).to.include("Skipped Fri 1 Jan 2027: New Year's Day");
  });

  it('Given Liverpool raised Thu 17 Dec 2026 at 15:00, When simulated, Then Day 1, Day 2, Day 9 and Day 16 end at London midnight counted from the raise date, Christmas Day included ("To be concluded by Day 9")', async () => {
    const t = await simulateFile('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z');
    expect(t.stages.slice(0, 4).map((s) => [s.timescale, s.due])).to.deep.equal([
      ['Day 1', '2026-12-18T00:00:00.000Z'],
      ['Day 2', '2026-12-19T00:00:00.000Z'],
      ['Day 9', '2026-12-26T00:00:00.000Z'],
      ['Day 16', '2027-01-02T00:00:00.000Z'],
    ]);
    expect(stage(t, 'Stage2_RecordOutcome').explanation!.join('\n')).to.include('Christmas Day');
  });

  it('Given Wiltshire, which sets no fixed timescale, When simulated over Easter 2027, Then every stage has a reminder and no deadline, and the reminder skips Good Friday and Easter Monday ("Timescales for a resolution will vary")', async () => {
    const t = await simulateFile('wiltshire', 'wiltshire/escalation.bpmn', '2027-03-25T10:00:00Z');
    for (const s of t.stages) expect(s, s.elementId).to.include({ kind: 'reminder', due: null });
    const lead = stage(t, 'Raise_SafeguardingLead');
    expect(lead).to.include({
      reminder: '2027-03-31T09:00:00.000Z',
      timescale: '2 working days',
      chosen: 'no-decision',
    });
    expect(lead.explanation).to.include.members([
      'Skipped Fri 26 Mar 2027: Good Friday',
      'Skipped Mon 29 Mar 2027: Easter Monday',
    ]);
    expect(lead.timer).to.deep.include({ id: 'Raise_Reminder', interrupting: false });
  });

  it('Given outcomes, When simulated, Then they are taken in order at the stages whose outcome decides the route, and those left over are reported', async () => {
    const two = await simulateFile('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z', {
      outcomes: ['unresolved', 'resolved'],
    });
    expect(ids(two)).to.deep.equal(['Stage1_RecordOutcome', 'Stage1LineManager_RecordOutcome']);
    expect(two.stages.map((s) => s.chosen)).to.deep.equal(['given', 'given']);
    expect(two.end).to.include({ kind: 'completed', elementId: 'Escalation_Resolved' });
    const early = await simulateFile('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z', {
      outcomes: ['resolved', 'unresolved'],
    });
    expect(ids(early)).to.deep.equal(['Stage1_RecordOutcome']);
    expect(early.unusedOutcomes).to.deep.equal(['unresolved']);
  });

  it('Given Wiltshire and "stuck", When simulated, Then the safeguarding lead step (not a decision) keeps the outcome for Level 1, the QA&P Sub Group mediates and the escalation goes on at Level 2 (§2.4, §3.1(c))', async () => {
    const t = await simulateFile('wiltshire', 'wiltshire/escalation.bpmn', '2027-03-25T10:00:00Z', {
      outcomes: ['stuck'],
    });
    expect(ids(t).slice(0, 5)).to.deep.equal([
      'Raise_SafeguardingLead',
      'Level1_RecordOutcome',
      'Mediation_OfferMediator',
      'Mediation_RecordOutcome',
      'Level2_RecordOutcome',
    ]);
    expect(outcomes(t).slice(0, 4)).to.deep.equal(['agreed', 'stuck', 'qap-mediator', 'unresolved']);
  });

  it('Given Northamptonshire and next-level three times at Stage 3, When simulated, Then Stage 3 climbs three senior-manager levels (stage3MaxLevels) and then reaches Stage 4 (Stage 3 "through an organisation\'s management structure")', async () => {
    const t = await simulateFile(
      'northamptonshire',
      'northamptonshire/escalation.bpmn',
      '2026-11-02T10:00:00Z',
      {
        outcomes: ['unresolved', 'unresolved', 'next-level', 'next-level', 'next-level'],
      },
    );
    expect(ids(t).slice(0, 6)).to.deep.equal([
      'Stage1_RecordOutcome',
      'Stage2_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage4_RecordOutcome',
    ]);
    expect(t.stages.slice(2, 5).map((s) => s.due)).to.deep.equal([
      '2026-11-18T09:58:00.000Z',
      '2026-11-25T09:57:00.000Z',
      '2026-12-02T09:56:00.000Z',
    ]);
  });

  it('Given an edited Liverpool diagram whose Stage 3 is "Day 2", already past when Stage 3 starts, When simulated, Then Stage 3 is shown as missed and the escalation takes its breach route to the mediation meeting', async () => {
    const base = requestFor('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z');
    const diagram = base.diagram.replace(
      'name="timescale" value="Day 16" />',
      'name="timescale" value="Day 2" />',
    );
    expect(diagram).to.not.equal(base.diagram);
    const t = await simulate({ ...base, diagram }, throwawayEngines());
    expect(ids(t).slice(2, 5)).to.deep.equal([
      'Stage2_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3Mediation_RecordOutcome',
    ]);
    expect(stage(t, 'Stage3_RecordOutcome')).to.include({
      due: '2026-12-19T00:00:00.000Z',
      startedAt: '2026-12-25T23:59:00.000Z',
      answeredAt: null,
      outcome: null,
      chosen: 'missed',
    });
    expect(stage(t, 'Stage3Mediation_RecordOutcome').startedAt).to.equal('2026-12-25T23:59:00.000Z');
  });

  it('Given --at-once, When Liverpool is simulated, Then every stage is answered as it starts and the Day N dates stay fixed to the raise date', async () => {
    const t = await simulateFile('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z', {
      atOnce: true,
    });
    for (const s of t.stages) expect(s.answeredAt, s.elementId).to.equal('2026-12-17T15:00:00.000Z');
    expect(stage(t, 'Stage2_RecordOutcome').due).to.equal('2026-12-26T00:00:00.000Z');
    expect(stage(t, 'Stage3Mediation_RecordOutcome')).to.include({
      timescale: 'Day 16, at least 2 working days',
      due: '2027-01-02T00:00:00.000Z',
    });
  });

  it('Given a stage that can climb levels for ever, When the limit is reached, Then the simulation stops and says so', async () => {
    const t = await simulateFile(
      'safeguarding-unit',
      'safeguarding-unit/cp-plan.bpmn',
      '2026-11-02T10:00:00Z',
      {
        outcomes: ['unresolved', 'unresolved', ...Array<string>(10).fill('next-level')],
        maxStages: 6,
      },
    );
    expect(ids(t)).to.deep.equal([
      'Stage1_RecordOutcome',
      'Stage2_RecordOutcome',
      ...Array<string>(4).fill('Stage3_RecordOutcome'),
    ]);
    expect(t.end).to.include({ kind: 'task-limit', limit: 6 });
  });

  it('Given the partnership’s division and the server’s holidays file, When simulated, Then the deadline worker counts with them (Scotland keeps 2 January; a local closure day is skipped)', async () => {
    const scottish = requestFor(
      'northamptonshire',
      'northamptonshire/escalation.bpmn',
      '2026-12-31T09:00:00Z',
    );
    scottish.partnership.calendar = { ...scottish.partnership.calendar, division: 'scotland' };
    const inScotland = await simulate(scottish, throwawayEngines());
    expect(inScotland.stages[0]!.due).to.equal('2027-01-06T09:00:00.000Z');
    expect(inScotland.stages[0]!.explanation).to.include(
      'Skipped Mon 4 Jan 2027: January 2nd (substitute day)',
    );
    const closures = parseHolidayFile(
      readFileSync(`${REPOSITORY_ROOT}/test/fixtures/calendar/holidays-override.json`, 'utf8'),
    );
    const closed = await simulateFile(
      'northamptonshire',
      'northamptonshire/escalation.bpmn',
      '2026-12-30T10:00:00Z',
      {
        serverHolidays: closures,
      },
    );
    expect(closed.stages[0]!.due).to.equal('2027-01-05T10:00:00.000Z');
    expect(closed.stages[0]!.explanation!.join('\n')).to.include('Local closure day');
  });
});
