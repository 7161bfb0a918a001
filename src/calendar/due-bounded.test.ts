import { expect } from 'chai';
import { dueFor, RaiseTimeRequiredError } from './index.js';
import { runCases, type Case } from './due-case-runner.js';

// East Riding (§3): Stages 1-4 within 5 days of the raise; Stage 5 begun at 5 days, completed within a further 5.
// A breach moves to the next stage with a "speedy response" deadline that must not pass the next fixed limit,
// and no stage may start with a deadline already past. Raised Mon 2 Nov 2026 at 10:00 GMT; no holidays that
// fortnight. Every instant below was worked out by hand from a calendar.
const raised = '2026-11-02T10:00:00Z';
const bounded: Case[] = [
  {
    given: 'a speedy response well inside the limit (Mon 9 Nov 10:00)',
    timescale: '1 working day, at most 10 days from raised',
    options: { from: '2026-11-09T10:00:00Z', raised },
    due: '2026-11-10T10:00:00.000Z',
    says: [
      'Gives: Tue 10 Nov 2026 at 10:00 GMT (2026-11-10T10:00:00.000Z).',
      'Gives: Thu 12 Nov 2026 at 10:00 GMT (2026-11-12T10:00:00.000Z).',
      '"1 working day" is not later than the limit, so it applies.',
    ],
  },
  {
    given: 'a speedy response that would run past the limit (Thu 12 Nov 09:00)',
    timescale: '1 working day, at most 10 days from raised',
    options: { from: '2026-11-12T09:00:00Z', raised },
    due: '2026-11-12T10:00:00.000Z',
    says: ['The limit "10 days from raised" is earlier, so it applies.'],
  },
  {
    given: 'a limit that passed before the stage started (Fri 13 Nov 10:00)',
    timescale: '1 working day, at most 10 days from raised',
    options: { from: '2026-11-13T10:00:00Z', raised },
    due: '2026-11-16T10:00:00.000Z',
    says: [
      'Skipped Sat 14 Nov 2026: weekend',
      'The limit "10 days from raised" had already passed when the stage started, so it is ignored and "1 working day" applies.',
    ],
  },
  {
    given: 'a fixed limit due in half an hour, with a floor of one working day (Thu 12 Nov 09:30)',
    timescale: '10 days from raised, at least 1 working day',
    options: { from: '2026-11-12T09:30:00Z', raised },
    due: '2026-11-13T09:30:00.000Z',
    says: ['The limit "1 working day" is later, so it applies.'],
  },
  {
    given: 'a fixed limit well ahead of the floor (Thu 5 Nov 10:00)',
    timescale: '10 days from raised, at least 1 working day',
    options: { from: '2026-11-05T10:00:00Z', raised },
    due: '2026-11-12T10:00:00.000Z',
    says: ['"10 days from raised" is not earlier than the limit, so it applies.'],
  },
];

runCases('calendar: dueFor, a rule with a bound (at most / at least)', bounded);

describe('calendar: dueFor, a bound that counts from the raise', () => {
  it('Given "1 working day, at most 10 days from raised" and no raise time, When evaluated, Then RaiseTimeRequiredError names the limit', () => {
    expect(() => dueFor('1 working day, at most 10 days from raised', { from: '2026-11-09T10:00:00Z' }))
      .to.throw(RaiseTimeRequiredError)
      .with.property('message')
      .that.includes('10 days from raised');
  });

  it('Given a bounded rule, When evaluated, Then the first line states the rule and how the bound works', () => {
    const r = dueFor('1 WORKING DAY,  at most  10 days from raised', {
      from: '2026-11-09T10:00:00Z',
      raised,
    });
    expect(r.rule).to.equal('1 working day, at most 10 days from raised');
    expect(r.explanation[0]).to.equal(
      'Rule "1 working day, at most 10 days from raised": the earlier of the two deadlines below; a limit that has already passed when the stage starts is ignored, so the stage never starts overdue.',
    );
  });
});
