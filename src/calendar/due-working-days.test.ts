import { readFileSync } from 'node:fs';
import { runCases, type Case } from './due-case-runner.js';
import { parseHolidayFile } from './index.js';

const overrides = parseHolidayFile(
  readFileSync(new URL('../../test/fixtures/calendar/holidays-override.json', import.meta.url), 'utf8'),
);

// Every expected instant below was worked out by hand from a calendar, not copied from the code's output.
// 2026: Thu 24 Dec, Fri 25 Christmas, Mon 28 Boxing Day (substitute); Fri 1 Jan 2027 New Year's Day.
// 2027: Fri 26 Mar Good Friday, Sun 28 Mar clocks go forward, Mon 29 Mar Easter Monday;
//       Sat 25 / Sun 26 Dec, so Mon 27 and Tue 28 Dec are substitutes; Sat 1 Jan 2028, so Mon 3 Jan is.
// The clocks go back on Sun 25 Oct 2026.
const workingDays: Case[] = [
  {
    given: 'Christmas 2026 (Boxing Day substitute on Mon 28 Dec)',
    timescale: '2 working days',
    options: { from: '2026-12-24T10:00:00Z' },
    due: '2026-12-30T10:00:00.000Z',
    says: [
      'Skipped Fri 25 Dec 2026: Christmas Day',
      'Skipped Sat 26 Dec 2026: weekend',
      'Skipped Sun 27 Dec 2026: weekend',
      'Skipped Mon 28 Dec 2026: Boxing Day (substitute day)',
      'Due: Wed 30 Dec 2026 at 10:00 GMT (2026-12-30T10:00:00.000Z).',
    ],
  },
  {
    given: 'Christmas and New Year 2026-27',
    timescale: '5 working days',
    options: { from: '2026-12-24T10:00:00Z' },
    due: '2027-01-05T10:00:00.000Z',
    says: ['Skipped Mon 28 Dec 2026: Boxing Day (substitute day)', "Skipped Fri 1 Jan 2027: New Year's Day"],
  },
  {
    given: 'Christmas 2027 (both days substituted)',
    timescale: '2 working days',
    options: { from: '2027-12-23T14:30:00Z' },
    due: '2027-12-29T14:30:00.000Z',
    says: [
      'Skipped Mon 27 Dec 2027: Christmas Day (substitute day)',
      'Skipped Tue 28 Dec 2027: Boxing Day (substitute day)',
    ],
  },
  {
    given: "New Year 2028 (New Year's Day substituted on Mon 3 Jan)",
    timescale: '3 working days',
    options: { from: '2027-12-29T09:00:00Z' },
    due: '2028-01-04T09:00:00.000Z',
    says: ["Skipped Mon 3 Jan 2028: New Year's Day (substitute day)"],
  },
  {
    given: 'Easter 2027 across the change to BST (10:00 GMT start, 10:00 BST deadline)',
    timescale: '2 working days',
    options: { from: '2027-03-25T10:00:00Z' },
    due: '2027-03-31T09:00:00.000Z',
    says: [
      'Skipped Fri 26 Mar 2027: Good Friday',
      'Skipped Mon 29 Mar 2027: Easter Monday',
      'Due: Wed 31 Mar 2027 at 10:00 BST (2027-03-31T09:00:00.000Z).',
    ],
  },
  {
    given: 'the late-May bank holiday 2026, starting on the Friday before',
    timescale: '1 working day',
    options: { from: '2026-05-22T16:00:00Z' },
    due: '2026-05-26T16:00:00.000Z',
    says: ['Skipped Mon 25 May 2026: Spring bank holiday'],
  },
  {
    given: 'Scotland at New Year 2026-27 (2 January substituted on Mon 4 Jan)',
    timescale: '5 working days',
    options: { from: '2026-12-24T10:00:00Z', division: 'scotland' },
    due: '2027-01-06T10:00:00.000Z',
    says: ['Skipped Mon 4 Jan 2027: January 2nd (substitute day)'],
  },
  {
    given: 'Scotland on the 2nd of January 2026 (a Friday)',
    timescale: '1 working day',
    options: { from: '2025-12-31T09:00:00Z', division: 'scotland' },
    due: '2026-01-05T09:00:00.000Z',
    says: ['Skipped Fri 2 Jan 2026: January 2nd'],
  },
  {
    given: 'England and Wales on the 2nd of January 2026 (an ordinary working day there)',
    timescale: '1 working day',
    options: { from: '2025-12-31T09:00:00Z' },
    due: '2026-01-02T09:00:00.000Z',
  },
  {
    given: "Northern Ireland on St Patrick's Day 2026 (a Tuesday)",
    timescale: '1 working day',
    options: { from: '2026-03-16T12:00:00Z', division: 'northern-ireland' },
    due: '2026-03-18T12:00:00.000Z',
    says: ['Skipped Tue 17 Mar 2026: St Patrick’s Day'],
  },
  {
    given: 'Northern Ireland on 12 July 2026 (a Sunday, substituted on Mon 13 Jul)',
    timescale: '1 working day',
    options: { from: '2026-07-10T08:00:00Z', division: 'northern-ireland' },
    due: '2026-07-14T08:00:00.000Z',
    says: ['Skipped Mon 13 Jul 2026: Battle of the Boyne (Orangemen’s Day) (substitute day)'],
  },
  {
    given: 'a start on a Saturday (the count still starts from that date)',
    timescale: '1 working day',
    options: { from: '2026-12-19T10:00:00Z' },
    due: '2026-12-21T10:00:00.000Z',
    says: ['Sat 19 Dec 2026 is not a working day (weekend); the count still starts from that date.'],
  },
  {
    given: 'a start on Christmas Day',
    timescale: '1 working day',
    options: { from: '2026-12-25T10:00:00Z' },
    due: '2026-12-29T10:00:00.000Z',
    says: ['Fri 25 Dec 2026 is not a working day (Christmas Day); the count still starts from that date.'],
  },
  {
    given: 'a start late on a Sunday (the wall-clock time is kept, not moved to the morning)',
    timescale: '1 working day',
    options: { from: '2026-12-20T23:30:00Z' },
    due: '2026-12-21T23:30:00.000Z',
  },
  {
    given: 'a start at 00:30 BST on Wed 1 Jul 2026, which is still 30 Jun in UTC (the London date counts)',
    timescale: '1 working day',
    options: { from: '2026-06-30T23:30:00Z' },
    due: '2026-07-01T23:30:00.000Z',
  },
  {
    given: 'from raised (Northamptonshire-style count from the raise, Mon 21 Dec)',
    timescale: '5 working days from raised',
    options: { from: '2026-12-30T10:00:00Z', raised: '2026-12-21T09:00:00Z' },
    due: '2026-12-30T09:00:00.000Z',
    says: ["From: the escalation's raise time, Mon 21 Dec 2026 at 09:00 GMT."],
  },
  {
    given: 'an override file closing Thu 31 Dec 2026',
    timescale: '3 working days',
    options: { from: '2026-12-24T10:00:00Z', holidays: overrides },
    due: '2027-01-04T10:00:00.000Z',
    says: ['Skipped Thu 31 Dec 2026: Local closure day'],
  },
  {
    given: 'a long count over Christmas and Easter 2027 (weekends summed up, holidays still listed)',
    timescale: '63 working days',
    options: { from: '2026-12-24T10:00:00Z' },
    due: '2027-03-30T09:00:00.000Z',
    says: [
      'Skipped 28 weekend days (every Saturday and Sunday in between).',
      'Skipped Fri 25 Dec 2026: Christmas Day',
      'Skipped Mon 28 Dec 2026: Boxing Day (substitute day)',
      "Skipped Fri 1 Jan 2027: New Year's Day",
      'Skipped Fri 26 Mar 2027: Good Friday',
      'Skipped Mon 29 Mar 2027: Easter Monday',
      'Due: Tue 30 Mar 2027 at 10:00 BST (2027-03-30T09:00:00.000Z).',
    ],
  },
  {
    given: 'the same start without the override file',
    timescale: '3 working days',
    options: { from: '2026-12-24T10:00:00Z' },
    due: '2026-12-31T10:00:00.000Z',
  },
];

runCases('calendar: dueFor, N working days', workingDays);
