import { expect } from 'chai';
import fc from 'fast-check';
import { DIVISIONS, dueFor, isWorkingDay } from './index.js';
import { londonDateOf, londonWallTimeOf, startOfLondonDay, addDays } from './london-time.js';

// Starts anywhere from 2018 to 2027 (the years proved against GOV.UK), to the millisecond.
const instant = fc.date({
  min: new Date('2018-01-01T00:00:00Z'),
  max: new Date('2027-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const division = fc.constantFrom(...DIVISIONS);
const runs = { numRuns: 300 };

describe('calendar: properties of dueFor (fast-check)', () => {
  it('Given any start, N and division, When "N working days" is evaluated, Then it lands on a working day at the same London time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), division, (from, n, div) => {
        const { due } = dueFor(`${n} working days`, { from, division: div });
        expect(isWorkingDay(due, { division: div })).to.equal(true);
        expect(londonWallTimeOf(due)).to.deep.equal(londonWallTimeOf(from));
        expect(londonDateOf(due) > londonDateOf(from)).to.equal(true);
      }),
      runs,
    );
  });

  it('Given any start and N < M, When "N working days" and "M working days" are evaluated, Then M is never earlier than N', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        division,
        (from, a, b, div) => {
          fc.pre(a !== b);
          const [n, m] = a < b ? [a, b] : [b, a];
          const early = dueFor(`${n} working days`, { from, division: div }).due.getTime();
          const late = dueFor(`${m} working days`, { from, division: div }).due.getTime();
          expect(late).to.be.greaterThan(early);
        },
      ),
      runs,
    );
  });

  it('Given any start and N, When "N hours" is evaluated, Then exactly N hours elapse', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 9999 }), (from, n) => {
        const { due } = dueFor(`${n} hours`, { from });
        expect(due.getTime() - from.getTime()).to.equal(n * 3_600_000);
      }),
      runs,
    );
  });

  it('Given any raise time and N, When "Day N" is evaluated, Then it is London midnight N days after the raise date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 }), (raised, n) => {
        const { due } = dueFor(`Day ${n}`, { from: raised, raised });
        expect(due.getTime()).to.equal(startOfLondonDay(addDays(londonDateOf(raised), n)).getTime());
        expect(londonWallTimeOf(due)).to.deep.equal({ hour: 0, minute: 0, second: 0, millisecond: 0 });
      }),
      runs,
    );
  });

  it('Given any start, When "same working day" is evaluated, Then it is the midnight ending the first working day on or after the start date', () => {
    fc.assert(
      fc.property(instant, division, (from, div) => {
        const { due } = dueFor('same working day', { from, division: div });
        const lastDay = addDays(londonDateOf(due), -1);
        expect(isWorkingDay(lastDay, { division: div })).to.equal(true);
        expect(lastDay >= londonDateOf(from)).to.equal(true);
        // …and it is the first one: no working day lies between the start's date and it.
        for (let d = londonDateOf(from); d < lastDay; d = addDays(d, 1)) {
          expect(isWorkingDay(d, { division: div }), d).to.equal(false);
        }
        expect(due.getTime()).to.be.greaterThan(from.getTime());
      }),
      runs,
    );
  });
});
