import { expect } from 'chai';
import {
  ACCEPTED_FORMS,
  formatTimescale,
  InvalidTimescaleError,
  parseTimescale,
  type Timescale,
} from './index.js';

describe('calendar: the timescale language (parseTimescale)', () => {
  const valid: [string, Timescale, string][] = [
    ['2 working days', { kind: 'working-days', count: 2, fromRaised: false }, '2 working days'],
    ['1 working day', { kind: 'working-days', count: 1, fromRaised: false }, '1 working day'],
    ['1 Working Days', { kind: 'working-days', count: 1, fromRaised: false }, '1 working day'],
    ['  5   WORKING\tdays  ', { kind: 'working-days', count: 5, fromRaised: false }, '5 working days'],
    ['5 days', { kind: 'days', count: 5, fromRaised: false }, '5 days'],
    ['1 day', { kind: 'days', count: 1, fromRaised: false }, '1 day'],
    ['2 weeks', { kind: 'weeks', count: 2, fromRaised: false }, '2 weeks'],
    ['1 Week', { kind: 'weeks', count: 1, fromRaised: false }, '1 week'],
    ['72 hours', { kind: 'hours', count: 72, fromRaised: false }, '72 hours'],
    ['1 HOUR', { kind: 'hours', count: 1, fromRaised: false }, '1 hour'],
    ['30 minutes', { kind: 'minutes', count: 30, fromRaised: false }, '30 minutes'],
    ['Day 9', { kind: 'day-n', count: 9, fromRaised: false }, 'Day 9'],
    ['day 23', { kind: 'day-n', count: 23, fromRaised: false }, 'Day 23'],
    ['same working day', { kind: 'same-working-day', fromRaised: false }, 'same working day'],
    ['Same Working Day', { kind: 'same-working-day', fromRaised: false }, 'same working day'],
    ['5 days from raised', { kind: 'days', count: 5, fromRaised: true }, '5 days from raised'],
    [
      '5 Working Days FROM RAISED',
      { kind: 'working-days', count: 5, fromRaised: true },
      '5 working days from raised',
    ],
    ['Day 9 from raised', { kind: 'day-n', count: 9, fromRaised: true }, 'Day 9 from raised'],
    [
      'same working day from raised',
      { kind: 'same-working-day', fromRaised: true },
      'same working day from raised',
    ],
    ['9999 minutes', { kind: 'minutes', count: 9999, fromRaised: false }, '9999 minutes'],
    [
      '1 Working Day,  AT MOST 10 days from raised',
      {
        kind: 'bounded',
        base: { kind: 'working-days', count: 1, fromRaised: false },
        bound: 'at most',
        limit: { kind: 'days', count: 10, fromRaised: true },
      },
      '1 working day, at most 10 days from raised',
    ],
    [
      '10 days from raised, at least 1 working day',
      {
        kind: 'bounded',
        base: { kind: 'days', count: 10, fromRaised: true },
        bound: 'at least',
        limit: { kind: 'working-days', count: 1, fromRaised: false },
      },
      '10 days from raised, at least 1 working day',
    ],
  ];
  for (const [text, expected, canonical] of valid) {
    it(`Given ${JSON.stringify(text)}, When parsed, Then it is ${canonical}`, () => {
      const parsed = parseTimescale(text);
      expect(parsed).to.deep.equal(expected);
      expect(formatTimescale(parsed)).to.equal(canonical);
      expect(parseTimescale(formatTimescale(parsed))).to.deep.equal(parsed);
    });
  }

  const invalid: [string, RegExp][] = [
    ['48 hours (2 working days)', /not one of the accepted forms/],
    ['two working days', /not one of the accepted forms/],
    ['2 business days', /not one of the accepted forms/],
    ['2 working-days', /not one of the accepted forms/],
    ['2.5 days', /not one of the accepted forms/],
    ['-1 days', /not one of the accepted forms/],
    ['within 5 working days', /not one of the accepted forms/],
    ['day nine', /not one of the accepted forms/],
    ['same day', /not one of the accepted forms/],
    ['2 working days from', /not one of the accepted forms/],
    ['2 working days from the raise', /not one of the accepted forms/],
    ['from raised', /not one of the accepted forms/],
    ['', /not one of the accepted forms/],
    ['   ', /not one of the accepted forms/],
    ['P2D', /not one of the accepted forms/],
    ['0 working days', /N must be a whole number from 1 to 9999/],
    ['Day 0', /N must be a whole number from 1 to 9999/],
    ['10000 minutes', /N must be a whole number from 1 to 9999/],
    ['1 working day, at most', /not one of the accepted forms/],
    ['1 working day, at most soon', /not one of the accepted forms/],
    ['1 working day, at most 2 days, at least 1 day', /not one of the accepted forms/],
    [', at least 1 day', /not one of the accepted forms/],
    ['1 working day at most 2 days', /not one of the accepted forms/],
  ];
  for (const [text, message] of invalid) {
    it(`Given ${JSON.stringify(text)}, When parsed, Then InvalidTimescaleError quotes it`, () => {
      let caught: unknown;
      try {
        parseTimescale(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(InvalidTimescaleError);
      const error = caught as InvalidTimescaleError;
      expect(error.code).to.equal('INVALID_TIMESCALE');
      expect(error.field).to.equal('timescale');
      expect(error.input).to.equal(text);
      expect(error.message).to.include(JSON.stringify(text));
      expect(error.message).to.match(message);
      expect(error.message).not.to.include('\n');
    });
  }

  it('Given an unrecognised timescale, When parsed, Then the message lists every accepted form and the suffix', () => {
    expect(() => parseTimescale('soon'))
      .to.throw(InvalidTimescaleError)
      .that.satisfies((e: Error) =>
        [...ACCEPTED_FORMS, 'from raised'].every((form) => e.message.includes(form)),
      );
  });
});
