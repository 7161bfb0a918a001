import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { memoryIo } from '../memory-io.js';
import { run } from './due.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../test/fixtures/calendar/${name}`, import.meta.url));
const from = ['--from', '2026-12-24T10:00:00Z'];

describe('cli: escalation due (in process)', () => {
  it('Given a timescale and --from, When run, Then the deadline is printed as a UTC ISO instant on its own line', () => {
    const io = memoryIo();
    expect(run(['2 working days', ...from], io)).to.equal(0);
    expect(io.out).to.equal('2026-12-30T10:00:00.000Z\n');
    expect(io.err).to.equal('');
  });

  it('Given an unquoted timescale, When run, Then its words are joined', () => {
    const io = memoryIo();
    expect(run(['2', 'working', 'days', ...from], io)).to.equal(0);
    expect(io.out).to.equal('2026-12-30T10:00:00.000Z\n');
  });

  it('Given --json, When run, Then { due, rule, explanation } is printed', () => {
    const io = memoryIo();
    expect(
      run(['Day 9', '--from', '2026-12-20T12:00:00Z', '--raised', '2026-12-17T15:00:00Z', '--json'], io),
    ).to.equal(0);
    const printed = JSON.parse(io.out) as Record<string, unknown>;
    expect(Object.keys(printed)).to.deep.equal(['due', 'rule', 'explanation']);
    expect(printed.due).to.equal('2026-12-26T00:00:00.000Z');
    expect(printed.rule).to.equal('Day 9');
    expect(printed.explanation).to.include(
      'Day 1 is the raise date, Thu 17 Dec 2026; Day 9 is Fri 25 Dec 2026.',
    );
  });

  it('Given --division scotland, When run, Then the Scottish calendar is used', () => {
    const io = memoryIo();
    expect(run(['1 working day', '--from', '2025-12-31T09:00:00Z', '--division', 'scotland'], io)).to.equal(
      0,
    );
    expect(io.out).to.equal('2026-01-05T09:00:00.000Z\n');
  });

  it('Given --holidays, or else HOLIDAYS_FILE, When run, Then the override days are skipped', () => {
    const viaOption = memoryIo();
    expect(
      run(['3 working days', ...from, '--holidays', fixture('holidays-override.json')], viaOption),
    ).to.equal(0);
    expect(viaOption.out).to.equal('2027-01-04T10:00:00.000Z\n');
    const viaEnv = memoryIo({ HOLIDAYS_FILE: fixture('holidays-override.json') });
    expect(run(['3 working days', ...from], viaEnv)).to.equal(0);
    expect(viaEnv.out).to.equal('2027-01-04T10:00:00.000Z\n');
    const optionWins = memoryIo({ HOLIDAYS_FILE: '/nonexistent/holidays.json' });
    expect(
      run(['3 working days', ...from, '--holidays', fixture('holidays-override.json')], optionWins),
    ).to.equal(0);
  });

  const bad: [string, string[], RegExp][] = [
    [
      'an invalid timescale',
      ['48 hourz', ...from],
      /^escalation due: timescale "48 hourz" is not one of the accepted forms/,
    ],
    [
      'an invalid instant',
      ['1 day', '--from', 'monday'],
      /^escalation due: from "monday" is not an exact instant/,
    ],
    ['an instant without a zone', ['1 day', '--from', '2026-12-24T10:00'], /Z or an offset/],
    ['an invalid raised', ['1 day', ...from, '--raised', 'x'], /^escalation due: raised "x"/],
    [
      'an unknown division',
      ['1 day', ...from, '--division', 'wales'],
      /^escalation due: division "wales" is unknown/,
    ],
    ['from raised without --raised', ['1 day from raised', ...from], /no raised time was given/],
    ['no timescale', [...from], /^escalation due: missing the timescale/],
    ['no --from', ['1 day'], /^escalation due: missing --from/],
    [
      '--from without a value',
      ['1 day', '--from'],
      /^escalation due: Option '--from <value>' argument missing/,
    ],
    ['an unknown option', ['1 day', ...from, '--zone', 'UTC'], /^escalation due: Unknown option '--zone'/],
    [
      'a missing holidays file',
      ['1 day', ...from, '--holidays', '/nonexistent/h.json'],
      /cannot read holidays file \/nonexistent\/h\.json: ENOENT/,
    ],
    [
      'a bad holidays file',
      ['1 day', ...from, '--holidays', fixture('holidays-override-bad-date.json')],
      /events\[0\]\.date: expected a real date/,
    ],
  ];
  for (const [what, argv, message] of bad) {
    it(`Given ${what}, When run, Then exit 2 with one line on stderr and nothing on stdout`, () => {
      const io = memoryIo();
      expect(run(argv, io)).to.equal(2);
      expect(io.out).to.equal('');
      expect(io.err).to.match(message);
      expect(io.err.trimEnd()).not.to.include('\n');
      expect(io.err.endsWith('\n')).to.equal(true);
    });
  }

  it('Given --help, When run, Then the usage is printed with exit 0', () => {
    const io = memoryIo();
    expect(run(['--help'], io)).to.equal(0);
    expect(io.out).to.match(/^Usage: escalation due "<timescale>" --from <ISO instant>/);
  });
});
