import { DIVISION_NAMES, type Division } from './divisions.js';
import { RaiseTimeRequiredError } from './errors/raise-time-required-error.js';
import type { HolidayOverrides } from './holiday-file.js';
import { parseInstant } from './instants.js';
import { formatLondonInstant } from './london-time.js';
import { calendarDaysAfter } from './rules/calendar-days.js';
import { endOfDayN } from './rules/day-n.js';
import { elapsedAfter } from './rules/elapsed-time.js';
import { ordinal, plural, type RuleOutcome } from './rules/rule-outcome.js';
import { endOfSameWorkingDay } from './rules/same-working-day.js';
import { workingDaysAfter } from './rules/working-days.js';
import {
  formatTimescale,
  parseTimescale,
  type BoundedTimescale,
  type SimpleTimescale,
  type Timescale,
} from './timescale.js';
import { WorkingCalendar } from './working-calendar.js';

/** What a deadline is counted from, and in which calendar. */
export interface DueOptions {
  /** The current stage's start: a Date or an ISO 8601 instant with Z or an offset. */
  from: Date | string;
  /** The escalation's raise time (same forms). Needed by `from raised`; `Day N` falls back to `from`. */
  raised?: Date | string | null | undefined;
  /** `england-and-wales` (default), `scotland` or `northern-ireland`. */
  division?: Division | string | undefined;
  /** Extra non-working days from {@link parseHolidayFile}. */
  holidays?: HolidayOverrides | undefined;
}

/** A deadline with its reasons. */
export interface DueResult {
  /** The deadline instant. */
  due: Date;
  /** The timescale in its canonical spelling, e.g. `2 working days`, `Day 9`. */
  rule: string;
  /**
   * Lines a practitioner can read: the rule, what it counted from, every day skipped and why
   * (e.g. `Skipped Fri 25 Dec 2026: Christmas Day`), and the deadline in London time and UTC.
   */
  explanation: string[];
}

/**
 * Works out a stage's deadline from its timescale. Pure: no clock, no I/O; the same inputs give the
 * same deadline on the embedded engine and on Camunda 7, because the worker computes it here.
 * @throws InvalidTimescaleError, InvalidInstantError, RaiseTimeRequiredError, UnknownDivisionError
 *   (all {@link CalendarError}s naming the field); nothing is guessed.
 */
export function dueFor(timescale: string | Timescale, options: DueOptions): DueResult {
  // A Timescale object is re-read through the parser so that an out-of-range count cannot slip in.
  const parsed = parseTimescale(typeof timescale === 'string' ? timescale : formatTimescale(timescale));
  const rule = formatTimescale(parsed);
  const from = parseInstant(options.from, 'from');
  const raised = options.raised == null ? undefined : parseInstant(options.raised, 'raised');
  const calendar = new WorkingCalendar({ division: options.division, holidays: options.holidays });
  const context: Context = { from, raised, calendar };
  const outcome = parsed.kind === 'bounded' ? bounded(parsed, context) : simple(parsed, context, true);
  return {
    due: outcome.due,
    rule,
    explanation: [
      ...(parsed.kind === 'bounded' ? [describeBound(parsed, rule)] : []),
      ...outcome.lines,
      `Due: ${formatLondonInstant(outcome.due)} (${outcome.due.toISOString()}).`,
    ],
  };
}

interface Context {
  from: Date;
  raised: Date | undefined;
  calendar: WorkingCalendar;
}

/** One rule: its description, what it counted from, and the rule's own lines (`Gives:` when part of a bound). */
function simple(t: SimpleTimescale, c: Context, alone: boolean): RuleOutcome {
  const rule = formatTimescale(t);
  if (t.fromRaised && c.raised === undefined) throw new RaiseTimeRequiredError(rule);
  const countsFromRaised = t.fromRaised || t.kind === 'day-n';
  const start = countsFromRaised ? (c.raised ?? c.from) : c.from;
  const outcome = evaluate(t, start, c.calendar);
  const gives = alone ? [] : [`Gives: ${formatLondonInstant(outcome.due)} (${outcome.due.toISOString()}).`];
  return {
    due: outcome.due,
    lines: [
      describeRule(t, rule, c.calendar.division),
      describeStart(start, countsFromRaised, c.raised !== undefined),
      ...outcome.lines,
      ...gives,
    ],
  };
}

/**
 * `A, at most B` is the earlier of the two, unless B is not after the stage start: a limit that has
 * passed is ignored, so that a stage never starts overdue. `A, at least B` is the later of the two.
 */
function bounded(t: BoundedTimescale, c: Context): RuleOutcome {
  const base = simple(t.base, c, false);
  const limit = simple(t.limit, c, false);
  const lines = [...base.lines, ...limit.lines];
  const limitName = `"${formatTimescale(t.limit)}"`;
  const baseName = `"${formatTimescale(t.base)}"`;
  if (t.bound === 'at least') {
    const later = limit.due.getTime() > base.due.getTime();
    lines.push(
      later
        ? `The limit ${limitName} is later, so it applies.`
        : `${baseName} is not earlier than the limit, so it applies.`,
    );
    return { due: later ? limit.due : base.due, lines };
  }
  if (limit.due.getTime() <= c.from.getTime()) {
    lines.push(
      `The limit ${limitName} had already passed when the stage started, so it is ignored and ${baseName} applies.`,
    );
    return { due: base.due, lines };
  }
  const earlier = limit.due.getTime() < base.due.getTime();
  lines.push(
    earlier
      ? `The limit ${limitName} is earlier, so it applies.`
      : `${baseName} is not later than the limit, so it applies.`,
  );
  return { due: earlier ? limit.due : base.due, lines };
}

function describeBound(t: BoundedTimescale, rule: string): string {
  return t.bound === 'at most'
    ? `Rule "${rule}": the earlier of the two deadlines below; a limit that has already passed when the stage starts is ignored, so the stage never starts overdue.`
    : `Rule "${rule}": the later of the two deadlines below.`;
}

function evaluate(t: SimpleTimescale, start: Date, calendar: WorkingCalendar): RuleOutcome {
  switch (t.kind) {
    case 'working-days':
      return workingDaysAfter(start, t.count, calendar);
    case 'days':
      return calendarDaysAfter(start, t.count);
    case 'weeks':
      return calendarDaysAfter(start, t.count * 7);
    case 'hours':
      return elapsedAfter(start, t.count, 'hour');
    case 'minutes':
      return elapsedAfter(start, t.count, 'minute');
    case 'day-n':
      return endOfDayN(start, t.count, calendar);
    case 'same-working-day':
      return endOfSameWorkingDay(start, calendar);
  }
}

function describeRule(t: SimpleTimescale, rule: string, division: Division): string {
  const workingDays = `working days are Monday to Friday except ${DIVISION_NAMES[division]} bank holidays`;
  const head = `Rule "${rule}":`;
  switch (t.kind) {
    case 'working-days':
      return `${head} the same London wall-clock time on the ${ordinal(t.count)} working day after the start's date; ${workingDays}.`;
    case 'days':
      return `${head} the start plus ${plural(t.count, 'calendar day')} in London time, keeping the wall-clock time.`;
    case 'weeks':
      return `${head} the start plus ${plural(t.count, 'week')} (${t.count * 7} calendar days) in London time, keeping the wall-clock time.`;
    case 'hours':
    case 'minutes':
      return `${head} the start plus exactly ${plural(t.count, t.kind.slice(0, -1))} of elapsed time.`;
    case 'day-n':
      return `${head} the raise date is Day 1, and the deadline is the end of Day ${t.count} (midnight, London time).`;
    case 'same-working-day':
      return `${head} the end of the start's date if it is a working day, otherwise the end of the next working day; ${workingDays}.`;
  }
}

function describeStart(start: Date, countsFromRaised: boolean, raisedGiven: boolean): string {
  const when = formatLondonInstant(start);
  if (!countsFromRaised) return `From: the stage start, ${when}.`;
  if (raisedGiven) return `From: the escalation's raise time, ${when}.`;
  return `No raise time was given, so the stage start, ${when}, is taken as the raise time.`;
}
