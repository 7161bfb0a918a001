import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { memoryIo } from '../memory-io.js';
import { run } from './holidays.js';

const override = fileURLToPath(
  new URL('../../../test/fixtures/calendar/holidays-override.json', import.meta.url),
);

describe('cli: escalation holidays (in process)', () => {
  it('Given 2026, When run, Then each weekday bank holiday is printed as "date  name"', () => {
    const io = memoryIo();
    expect(run(['2026'], io)).to.equal(0);
    expect(io.out).to.equal(
      [
        "2026-01-01  New Year's Day",
        '2026-04-03  Good Friday',
        '2026-04-06  Easter Monday',
        '2026-05-04  Early May bank holiday',
        '2026-05-25  Spring bank holiday',
        '2026-08-31  Summer bank holiday',
        '2026-12-25  Christmas Day',
        '2026-12-28  Boxing Day (substitute day)',
        '',
      ].join('\n'),
    );
  });

  it('Given --division northern-ireland, When run for 2026, Then 17 March and the 12 July substitute are listed', () => {
    const io = memoryIo();
    expect(run(['2026', '--division', 'northern-ireland'], io)).to.equal(0);
    expect(io.out).to.include('2026-03-17  St Patrick’s Day\n');
    expect(io.out).to.include('2026-07-13  Battle of the Boyne (Orangemen’s Day) (substitute day)\n');
  });

  it('Given an override file, When run, Then its weekday days are listed too', () => {
    const io = memoryIo();
    expect(run(['2026', '--holidays', override], io)).to.equal(0);
    expect(
      io.out.endsWith('2026-12-28  Boxing Day (substitute day)\n2026-12-31  Local closure day\n'),
    ).to.equal(true);
  });

  const bad: [string, string[], RegExp][] = [
    ['no year', [], /^escalation holidays: missing the year/],
    ['a year that is not four digits', ['26'], /^escalation holidays: year "26" is not valid/],
    ['two years', ['2026', '2027'], /^escalation holidays: unexpected argument "2027"/],
    [
      'an unknown division',
      ['2026', '--division', 'wales'],
      /^escalation holidays: division "wales" is unknown/,
    ],
  ];
  for (const [what, argv, message] of bad) {
    it(`Given ${what}, When run, Then exit 2 with one line on stderr`, () => {
      const io = memoryIo();
      expect(run(argv, io)).to.equal(2);
      expect(io.out).to.equal('');
      expect(io.err).to.match(message);
      expect(io.err.trimEnd()).not.to.include('\n');
    });
  }
});
