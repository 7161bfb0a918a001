import { expect } from 'chai';
import {
  atLondonTime,
  formatDay,
  formatLondonClock,
  formatLondonInstant,
  isLocalDate,
  londonDateOf,
  startOfLondonDay,
} from './london-time.js';

const at = (date: string, hour: number, minute = 0): string =>
  atLondonTime(date, { hour, minute, second: 0, millisecond: 0 }).toISOString();

describe('calendar: London wall-clock time', () => {
  it('Given ordinary GMT and BST dates, When a wall time is placed, Then the offset is 0 and +1 hour', () => {
    expect(at('2026-12-30', 10)).to.equal('2026-12-30T10:00:00.000Z');
    expect(at('2026-07-01', 10)).to.equal('2026-07-01T09:00:00.000Z');
  });

  it('Given 01:30 on Sun 28 Mar 2027 (skipped by the spring change), When placed, Then it moves forward to 02:30 BST', () => {
    expect(at('2027-03-28', 1, 30)).to.equal('2027-03-28T01:30:00.000Z');
    expect(formatLondonClock(new Date('2027-03-28T01:30:00Z'))).to.equal('02:30 BST');
  });

  it('Given 01:30 on Sun 25 Oct 2026 (repeated by the autumn change), When placed, Then it is the first, 01:30 BST', () => {
    expect(at('2026-10-25', 1, 30)).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('Given change days, When midnight is placed, Then it is the start of that London day', () => {
    expect(startOfLondonDay('2027-03-28').toISOString()).to.equal('2027-03-28T00:00:00.000Z');
    expect(startOfLondonDay('2027-03-29').toISOString()).to.equal('2027-03-28T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-25').toISOString()).to.equal('2026-10-24T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-26').toISOString()).to.equal('2026-10-26T00:00:00.000Z');
  });

  it('Given instants either side of London midnight in summer, When their date is taken, Then it is the London date', () => {
    expect(londonDateOf(new Date('2026-06-30T22:59:59.999Z'))).to.equal('2026-06-30');
    expect(londonDateOf(new Date('2026-06-30T23:00:00.000Z'))).to.equal('2026-07-01');
  });

  it('Given dates and instants, When formatted, Then they read like "Fri 25 Dec 2026 at 10:00 GMT", whatever the locale', () => {
    expect(formatDay('2026-12-25')).to.equal('Fri 25 Dec 2026');
    expect(formatDay('2026-09-07')).to.equal('Mon 7 Sep 2026');
    expect(formatLondonInstant(new Date('2026-12-30T10:00:00Z'))).to.equal('Wed 30 Dec 2026 at 10:00 GMT');
    expect(formatLondonInstant(new Date('2026-07-01T08:15:30.250Z'))).to.equal(
      'Wed 1 Jul 2026 at 09:15:30.250 BST',
    );
  });

  it('Given date texts, When checked, Then only real YYYY-MM-DD dates pass', () => {
    expect(['2024-02-29', '2026-12-31'].map(isLocalDate)).to.deep.equal([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '25/12/2026', ''].map(isLocalDate)).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
