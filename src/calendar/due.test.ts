import { runCases, type Case } from './due-case-runner.js';

// Every expected instant below was worked out by hand from a calendar, not copied from the code's output.
// 2026: Thu 24 Dec, Fri 25 Christmas, Mon 28 Boxing Day (substitute); Fri 1 Jan 2027 New Year's Day.
// 2027: Fri 26 Mar Good Friday, Sun 28 Mar clocks go forward, Mon 29 Mar Easter Monday;
//       Sat 25 / Sun 26 Dec, so Mon 27 and Tue 28 Dec are substitutes; Sat 1 Jan 2028, so Mon 3 Jan is.
// The clocks go back on Sun 25 Oct 2026.
const calendarTime: Case[] = [
  {
    given: 'a Friday 13:00 BST start over the autumn clock change (73 hours elapse)',
    timescale: '3 days',
    options: { from: '2026-10-23T12:00:00Z' },
    due: '2026-10-26T13:00:00.000Z',
    says: ['The clocks change in between, so the elapsed time is 73 hours rather than 72.'],
  },
  {
    given: 'East Riding Stage 5: 5 days from the raise, over Christmas (holidays count as days)',
    timescale: '5 days from raised',
    options: { from: '2026-12-24T15:00:00Z', raised: '2026-12-21T09:00:00Z' },
    due: '2026-12-26T09:00:00.000Z',
  },
  {
    given: 'Easter 2027 across the change to BST',
    timescale: '1 week',
    options: { from: '2027-03-25T10:00:00Z' },
    due: '2027-04-01T09:00:00.000Z',
    says: ['The clocks change in between, so the elapsed time is 167 hours rather than 168.'],
  },
  {
    given: 'two weeks across the autumn clock change',
    timescale: '2 weeks',
    options: { from: '2026-10-20T09:00:00Z' },
    due: '2026-11-03T10:00:00.000Z',
  },
  {
    given: 'a wall time that does not exist on the deadline day (01:30 on Sun 28 Mar 2027)',
    timescale: '1 day',
    options: { from: '2027-03-27T01:30:00Z' },
    due: '2027-03-28T01:30:00.000Z',
    says: [
      '01:30 does not exist in London on Sun 28 Mar 2027 (the clocks go forward an hour), so the deadline is 02:30 BST.',
    ],
  },
  {
    given: 'a wall time that happens twice on the deadline day (01:30 on Sun 25 Oct 2026)',
    timescale: '1 day',
    options: { from: '2026-10-24T00:30:00Z' },
    due: '2026-10-25T00:30:00.000Z',
    says: [
      '01:30 happens twice in London on Sun 25 Oct 2026 (the clocks go back an hour); the deadline is the first, 01:30 BST.',
    ],
  },
  {
    given: 'East Riding conference adjournment over the autumn clock change',
    timescale: '72 hours',
    options: { from: '2026-10-23T12:00:00Z' },
    due: '2026-10-26T12:00:00.000Z',
    says: ['The clocks go back in between, so the London time moves from 13:00 BST to 12:00 GMT.'],
  },
  {
    given: 'Easter 2027 across the change to BST, in hours',
    timescale: '168 hours',
    options: { from: '2027-03-25T10:00:00Z' },
    due: '2027-04-01T10:00:00.000Z',
    says: ['The clocks go forward in between, so the London time moves from 10:00 GMT to 11:00 BST.'],
  },
  {
    given: 'Christmas (elapsed time skips nothing)',
    timescale: '48 hours',
    options: { from: '2026-12-24T10:00:00Z' },
    due: '2026-12-26T10:00:00.000Z',
  },
  {
    given: 'minutes across the spring clock change',
    timescale: '90 minutes',
    options: { from: '2027-03-28T00:30:00Z' },
    due: '2027-03-28T02:00:00.000Z',
  },
];

const endOfDay: Case[] = [
  {
    given: 'Liverpool Stage 2 raised Thu 17 Dec 2026 (Day 9 is Christmas Day, which does not move it)',
    timescale: 'Day 9',
    options: { from: '2026-12-20T12:00:00Z', raised: '2026-12-17T15:00:00Z' },
    due: '2026-12-26T00:00:00.000Z',
    says: [
      'Day 1 is the raise date, Thu 17 Dec 2026; Day 9 is Fri 25 Dec 2026.',
      'The deadline is the end of Day 9: midnight at the start of Sat 26 Dec 2026.',
      'Note: Day 9 (Fri 25 Dec 2026) is not a working day (Christmas Day); Day N counts calendar days, so the deadline does not move.',
    ],
  },
  {
    given: 'Liverpool line manager stage raised on Sat 27 Mar 2027 (Day 2 ends at midnight BST)',
    timescale: 'Day 2',
    options: { from: '2027-03-27T11:00:00Z', raised: '2027-03-27T11:00:00Z' },
    due: '2027-03-28T23:00:00.000Z',
  },
  {
    given: 'Liverpool Stage 3 raised Tue 20 Oct 2026 (Day 16 is after the clocks go back)',
    timescale: 'Day 16',
    options: { from: '2026-10-30T12:00:00Z', raised: '2026-10-20T08:00:00Z' },
    due: '2026-11-05T00:00:00.000Z',
  },
  {
    given: 'Liverpool Stage 4 raised Thu 10 Dec 2026 (Day 23 is New Year’s Day)',
    timescale: 'day 23',
    options: { from: '2026-12-28T12:00:00Z', raised: '2026-12-10T10:00:00Z' },
    due: '2027-01-02T00:00:00.000Z',
  },
  {
    given: 'no raise time, 00:30 BST on Wed 1 Jul 2026 (the start is the raise; its London date is Day 1)',
    timescale: 'Day 1',
    options: { from: '2026-06-30T23:30:00Z' },
    due: '2026-07-01T23:00:00.000Z',
    says: [
      'No raise time was given, so the stage start, Wed 1 Jul 2026 at 00:30 BST, is taken as the raise time.',
    ],
  },
  {
    given: 'a start on a working day (Thu 24 Dec 2026)',
    timescale: 'same working day',
    options: { from: '2026-12-24T16:00:00Z' },
    due: '2026-12-25T00:00:00.000Z',
    says: ['Thu 24 Dec 2026 is a working day, so the deadline is the end of that day.'],
  },
  {
    given: 'a start on Christmas Day 2026',
    timescale: 'same working day',
    options: { from: '2026-12-25T12:00:00Z' },
    due: '2026-12-30T00:00:00.000Z',
    says: [
      'Fri 25 Dec 2026 is not a working day (Christmas Day).',
      'Skipped Mon 28 Dec 2026: Boxing Day (substitute day)',
      'Tue 29 Dec 2026 is the next working day, so the deadline is the end of that day.',
    ],
  },
  {
    given: 'a start on the Saturday before the late-May bank holiday (end of Tue 26 May, BST)',
    timescale: 'same working day',
    options: { from: '2026-05-23T10:00:00Z' },
    due: '2026-05-26T23:00:00.000Z',
  },
  {
    given: 'from raised on Good Friday 2027 (the next working day is after the change to BST)',
    timescale: 'same working day from raised',
    options: { from: '2027-03-30T10:00:00Z', raised: '2027-03-26T09:00:00Z' },
    due: '2027-03-30T23:00:00.000Z',
  },
  {
    given: 'Scotland on 2 January 2026',
    timescale: 'same working day',
    options: { from: '2026-01-02T10:00:00Z', division: 'scotland' },
    due: '2026-01-06T00:00:00.000Z',
  },
  {
    given: 'England and Wales on 2 January 2026',
    timescale: 'same working day',
    options: { from: '2026-01-02T10:00:00Z' },
    due: '2026-01-03T00:00:00.000Z',
  },
  {
    given: 'Northern Ireland on 12 July 2027 (a Monday)',
    timescale: 'same working day',
    options: { from: '2027-07-12T10:00:00Z', division: 'northern-ireland' },
    due: '2027-07-13T23:00:00.000Z',
  },
];

runCases('calendar: dueFor, N days / weeks / hours / minutes', calendarTime);
runCases('calendar: dueFor, Day N and same working day', endOfDay);
