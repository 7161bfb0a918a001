import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  DIVISIONS,
  holidaysIn,
  InvalidDateError,
  isWorkingDay,
  nonWorkingReason,
  parseHolidayFile,
  UnknownDivisionError,
  type Division,
} from './index.js';

const fixtureDir = new URL('../../test/fixtures/calendar/', import.meta.url);
const reference = JSON.parse(
  readFileSync(new URL('uk-bank-holidays-2018-2027.json', fixtureDir), 'utf8'),
) as {
  divisions: Record<Division, { date: string; title: string }[]>;
};
const overrides = parseHolidayFile(readFileSync(new URL('holidays-override.json', fixtureDir), 'utf8'));

describe('calendar: bank holidays against the GOV.UK reference (2018-2027)', () => {
  it('Given the reference fixture, When its dates are read, Then every date is a weekday', () => {
    for (const division of DIVISIONS) {
      for (const { date } of reference.divisions[division]) {
        expect(new Date(`${date}T12:00:00Z`).getUTCDay(), `${division} ${date}`).to.be.within(1, 5);
      }
    }
  });

  for (const division of DIVISIONS) {
    for (let year = 2018; year <= 2027; year++) {
      it(`Given ${division} in ${year}, When holidaysIn lists it, Then its weekday dates equal GOV.UK's exactly`, () => {
        const expected = reference.divisions[division]
          .filter((h) => h.date.startsWith(`${year}-`))
          .map((h) => h.date);
        const actual = holidaysIn(year, division).map((h) => h.date);
        expect(actual).to.deep.equal([...expected].sort());
      });
    }
  }
});

describe('calendar: working days', () => {
  const cases: [string, Division, boolean, string | undefined][] = [
    ['2026-12-24', 'england-and-wales', true, undefined],
    ['2026-12-25', 'england-and-wales', false, 'Christmas Day'],
    ['2026-12-26', 'england-and-wales', false, 'weekend'],
    ['2026-12-28', 'england-and-wales', false, 'Boxing Day (substitute day)'],
    ['2027-12-27', 'england-and-wales', false, 'Christmas Day (substitute day)'],
    ['2026-01-02', 'england-and-wales', true, undefined],
    ['2026-01-02', 'scotland', false, 'January 2nd'],
    ['2027-01-04', 'scotland', false, 'January 2nd (substitute day)'],
    ['2026-03-17', 'northern-ireland', false, 'St Patrick’s Day'],
    ['2026-03-17', 'england-and-wales', true, undefined],
    ['2026-07-13', 'northern-ireland', false, 'Battle of the Boyne (Orangemen’s Day) (substitute day)'],
    ['2027-07-12', 'northern-ireland', false, 'Battle of the Boyne (Orangemen’s Day)'],
    ['2026-05-25', 'england-and-wales', false, 'Spring bank holiday'],
    ['2027-03-29', 'scotland', true, undefined],
  ];
  for (const [date, division, working, reason] of cases) {
    it(`Given ${date} in ${division}, When asked, Then it is ${working ? 'a working day' : `not a working day (${reason})`}`, () => {
      expect(isWorkingDay(date, { division })).to.equal(working);
      expect(nonWorkingReason(date, { division })).to.equal(reason);
    });
  }

  it('Given instants just before midnight UTC in summer, When asked, Then their London date (BST) decides', () => {
    // 23:30 UTC is 00:30 BST the next day: Sunday 24 May UTC is Spring bank holiday Monday in London.
    expect(nonWorkingReason(new Date('2026-05-24T23:30:00Z'))).to.equal('Spring bank holiday');
    // Friday 3 July UTC is Saturday 4 July in London.
    expect(nonWorkingReason(new Date('2026-07-03T23:30:00Z'))).to.equal('weekend');
    expect(isWorkingDay(new Date('2026-07-03T22:30:00Z'))).to.equal(true);
  });

  it('Given an override file, When asking about its weekday closure, Then it is not a working day', () => {
    expect(nonWorkingReason('2026-12-31', { holidays: overrides })).to.equal('Local closure day');
    expect(isWorkingDay('2026-12-31')).to.equal(true);
    expect(nonWorkingReason('2026-06-05', { division: 'scotland', holidays: overrides })).to.equal(
      'Extra bank holiday',
    );
    expect(isWorkingDay('2026-06-05', { holidays: overrides })).to.equal(true);
  });

  it('Given a bad date or division, When asked, Then it throws naming the field', () => {
    expect(() => isWorkingDay('2026-02-30')).to.throw(InvalidDateError, /date "2026-02-30"/);
    expect(() => isWorkingDay(new Date(Number.NaN))).to.throw(InvalidDateError);
    expect(() => isWorkingDay('2026-12-24', { division: 'wales' })).to.throw(
      UnknownDivisionError,
      /division "wales"/,
    );
  });
});

describe('calendar: holidaysIn with overrides', () => {
  it('Given the override file, When listing 2026 for England and Wales, Then its weekday closure is added in date order', () => {
    const list = holidaysIn(2026, 'england-and-wales', overrides);
    expect(list.slice(-3)).to.deep.equal([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2026-12-31', name: 'Local closure day' },
    ]);
    expect(list.map((h) => h.date)).not.to.include('2026-12-19');
  });

  it('Given an override repeating a bank holiday, When listed, Then the day appears once with both names', () => {
    const repeat = parseHolidayFile({
      'england-and-wales': {
        events: [
          { title: 'Christmas Day', date: '2026-12-25' },
          { title: 'Office shut', date: '2026-12-28' },
        ],
      },
    });
    const list = holidaysIn(2026, 'england-and-wales', repeat);
    expect(list.filter((h) => h.date === '2026-12-25')).to.deep.equal([
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
    expect(list.find((h) => h.date === '2026-12-28')?.name).to.equal(
      'Boxing Day (substitute day); Office shut',
    );
  });

  it('Given a year that is not a whole four-digit number, When listed, Then it throws InvalidDateError naming the year', () => {
    for (const year of [2026.5, 999, 10000, Number.NaN]) {
      expect(() => holidaysIn(year), String(year)).to.throw(InvalidDateError, /^year /);
    }
  });
});
