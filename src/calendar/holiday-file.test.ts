import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { DIVISIONS, holidaysIn, InvalidHolidayFileError, parseHolidayFile, type Division } from './index.js';

const fixtureDir = new URL('../../test/fixtures/calendar/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtureDir), 'utf8');

/** The reference fixture rewritten in GOV.UK's bank-holidays.json shape, as a downloaded file would be. */
function govUkShaped(): unknown {
  const reference = JSON.parse(read('uk-bank-holidays-2018-2027.json')) as {
    divisions: Record<Division, { date: string; title: string }[]>;
  };
  return Object.fromEntries(
    DIVISIONS.map((division) => [
      division,
      {
        division,
        events: reference.divisions[division].map((e) => ({ ...e, notes: '', bunting: true })),
      },
    ]),
  );
}

describe('calendar: the holidays override file (GOV.UK bank-holidays.json format)', () => {
  it('Given a valid file as text, When parsed, Then each division gets its events as { date, name } in date order', () => {
    const overrides = parseHolidayFile(read('holidays-override.json'));
    expect(overrides['england-and-wales']).to.deep.equal([
      { date: '2026-12-19', name: 'Weekend closure (no effect)' },
      { date: '2026-12-31', name: 'Local closure day' },
    ]);
    expect(overrides.scotland).to.deep.equal([{ date: '2026-06-05', name: 'Extra bank holiday' }]);
    expect(overrides['northern-ireland']).to.deep.equal([]);
  });

  it('Given a full GOV.UK-shaped file of all three divisions, When used as overrides, Then the lists do not change', () => {
    const overrides = parseHolidayFile(govUkShaped());
    for (const division of DIVISIONS) {
      expect(holidaysIn(2026, division, overrides)).to.deep.equal(holidaysIn(2026, division));
    }
  });

  it('Given an event with extra fields GOV.UK might add, When parsed, Then they are ignored', () => {
    const overrides = parseHolidayFile({
      scotland: {
        division: 'scotland',
        events: [{ title: 'Extra day', date: '2026-06-05', colour: 'blue' }],
      },
    });
    expect(overrides.scotland).to.deep.equal([{ date: '2026-06-05', name: 'Extra day' }]);
  });

  const bad: [string, unknown, RegExp][] = [
    ['text that is not JSON', '{ "england-and-wales": ', /is not valid JSON/],
    ['a list at the top level', [], /\(top level\).*\(got a list\)/],
    [
      'a misspelt division',
      { england: { events: [] } },
      /unknown division "england": use england-and-wales, scotland, northern-ireland/,
    ],
    ['a division without events', { scotland: { division: 'scotland' } }, /scotland\.events: .*\(missing\)/],
    [
      'a division field that does not match its key',
      { scotland: { division: 'england-and-wales', events: [] } },
      /scotland\.division: must be "scotland"/,
    ],
    [
      'an impossible date',
      JSON.parse(read('holidays-override-bad-date.json')),
      /england-and-wales\.events\[0\]\.date: expected a real date written YYYY-MM-DD \(got "2026-02-30"\)/,
    ],
    [
      'a date in another format',
      { scotland: { events: [{ title: 'x', date: '05/06/2026' }] } },
      /scotland\.events\[0\]\.date: .*"05\/06\/2026"/,
    ],
    [
      'an empty title',
      { scotland: { events: [{ title: '  ', date: '2026-06-05' }] } },
      /scotland\.events\[0\]\.title: a title is required/,
    ],
    [
      'a bunting that is not a boolean',
      { scotland: { events: [{ title: 'x', date: '2026-06-05', bunting: 'yes' }] } },
      /scotland\.events\[0\]\.bunting/,
    ],
  ];
  for (const [what, input, message] of bad) {
    it(`Given ${what}, When parsed, Then InvalidHolidayFileError says which field in one line`, () => {
      let caught: unknown;
      try {
        parseHolidayFile(input, 'holidays file closures.json');
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(InvalidHolidayFileError);
      const error = caught as InvalidHolidayFileError;
      expect(error.code).to.equal('INVALID_HOLIDAY_FILE');
      expect(error.field).to.equal('holidays');
      expect(error.message).to.match(/^holidays file closures\.json/);
      expect(error.message).to.match(message);
      expect(error.message).not.to.include('\n');
    });
  }

  it('Given several problems, When parsed, Then the message names the first and counts the rest', () => {
    const input = { scotland: { events: [{ title: '', date: 'x' }] } };
    expect(() => parseHolidayFile(input)).to.throw(InvalidHolidayFileError, /\(and 1 more problems\)$/);
  });
});
