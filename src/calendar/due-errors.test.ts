import { expect } from 'chai';
import type { CalendarError } from './index.js';
import {
  dueFor,
  InvalidInstantError,
  InvalidTimescaleError,
  RaiseTimeRequiredError,
  UnknownDivisionError,
  type DueOptions,
} from './index.js';

const from = '2026-12-24T10:00:00Z';

const cases: [string, string, DueOptions, new (...args: never[]) => CalendarError, string, RegExp][] = [
  [
    'a timescale in words',
    'two working days',
    { from },
    InvalidTimescaleError,
    'timescale',
    /"two working days"/,
  ],
  [
    'a procedure sentence',
    '48 hours (2 working days)',
    { from },
    InvalidTimescaleError,
    'timescale',
    /accepted forms/,
  ],
  ['N of zero', '0 days', { from }, InvalidTimescaleError, 'timescale', /from 1 to 9999/],
  [
    'from raised without a raise time',
    '5 days from raised',
    { from },
    RaiseTimeRequiredError,
    'raised',
    /"5 days from raised"/,
  ],
  [
    'Day N from raised without a raise time',
    'Day 9 from raised',
    { from },
    RaiseTimeRequiredError,
    'raised',
    /raise time/,
  ],
  [
    'a from that is not a date',
    '1 day',
    { from: 'tomorrow' },
    InvalidInstantError,
    'from',
    /from "tomorrow"/,
  ],
  [
    'a from without a zone',
    '1 day',
    { from: '2026-12-24T10:00:00' },
    InvalidInstantError,
    'from',
    /Z or an offset/,
  ],
  [
    'a from that is only a date',
    '1 day',
    { from: '2026-12-24' },
    InvalidInstantError,
    'from',
    /"2026-12-24"/,
  ],
  [
    'a from on an impossible date',
    '1 day',
    { from: '2026-02-30T10:00:00Z' },
    InvalidInstantError,
    'from',
    /2026-02-30/,
  ],
  ['an invalid Date', '1 day', { from: new Date(Number.NaN) }, InvalidInstantError, 'from', /invalid Date/],
  [
    'a bad raised the rule does not use',
    '1 day',
    { from, raised: 'yesterday' },
    InvalidInstantError,
    'raised',
    /raised "yesterday"/,
  ],
  [
    'an unknown division',
    '1 working day',
    { from, division: 'wales' },
    UnknownDivisionError,
    'division',
    /"wales".*england-and-wales, scotland, northern-ireland/,
  ],
  [
    'a division in other capitals',
    '1 working day',
    { from, division: 'Scotland' },
    UnknownDivisionError,
    'division',
    /"Scotland"/,
  ],
];

describe('calendar: dueFor refuses bad input', () => {
  for (const [what, timescale, options, type, field, message] of cases) {
    it(`Given ${what}, When dueFor runs, Then it throws ${type.name} naming ${field}`, () => {
      let caught: unknown;
      try {
        dueFor(timescale, options);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(type);
      const error = caught as CalendarError;
      expect(error.field).to.equal(field);
      expect(error.httpStatus).to.equal(400);
      expect(error.code).to.match(/^[A-Z_]+$/);
      expect(error.message).to.match(message);
      expect(error.message).not.to.include('\n');
    });
  }

  it('Given a Date and an offset string for the same instant, When evaluated, Then the deadlines are equal', () => {
    const a = dueFor('2 working days', { from: new Date('2026-12-24T10:00:00Z') });
    const b = dueFor('2 working days', { from: '2026-12-24T11:00:00+01:00' });
    expect(a.due.toISOString()).to.equal(b.due.toISOString());
  });

  it('Given a parsed Timescale object, When evaluated, Then it gives the same result as its text', () => {
    const viaText = dueFor('Day 9', { from, raised: '2026-12-17T15:00:00Z' });
    const viaObject = dueFor(
      { kind: 'day-n', count: 9, fromRaised: false },
      { from, raised: '2026-12-17T15:00:00Z' },
    );
    expect(viaObject).to.deep.equal(viaText);
    expect(() => dueFor({ kind: 'days', count: 0, fromRaised: false }, { from })).to.throw(
      InvalidTimescaleError,
    );
  });
});
