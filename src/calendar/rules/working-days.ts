import { atLondonTime, formatDay, formatWallTime, londonDateOf, londonWallTimeOf } from '../london-time.js';
import type { WorkingCalendar } from '../working-calendar.js';
import { nextWorkingDay, ordinal, plural, type RuleOutcome } from './rule-outcome.js';

/**
 * `N working days`: the same London wall-clock time on the Nth working day after the start's
 * London date. The count starts from that date even when it is not itself a working day.
 */
export function workingDaysAfter(start: Date, count: number, calendar: WorkingCalendar): RuleOutcome {
  const startDate = londonDateOf(start);
  const wall = londonWallTimeOf(start);
  const lines: string[] = [];
  const reason = calendar.nonWorkingReason(startDate);
  if (reason !== undefined) {
    lines.push(
      `${formatDay(startDate)} is not a working day (${reason}); the count still starts from that date.`,
    );
  }
  const skipped: string[] = [];
  let date = startDate;
  for (let i = 0; i < count; i++) date = nextWorkingDay(calendar, date, skipped);
  lines.push(...compactWeekends(skipped));
  lines.push(
    `Counted ${plural(count, 'working day')} after ${formatDay(startDate)}: the ${ordinal(count)} is ` +
      `${formatDay(date)}, and the deadline keeps the start's London time, ${formatWallTime(wall)}.`,
  );
  // Working days are never Sundays, the only days UK clocks change, so this wall time exists exactly once.
  return { due: atLondonTime(date, wall), lines };
}

// Beyond this many skipped days the weekends drown the bank holidays a reader is looking for.
const MAX_SKIPPED_LINES = 30;
const WEEKEND_LINE = /^Skipped .*: weekend$/;

/** Keeps every skipped-day line for a short count; for a long one, sums the weekends up in one line. */
function compactWeekends(skipped: string[]): string[] {
  if (skipped.length <= MAX_SKIPPED_LINES) return skipped;
  const holidays = skipped.filter((line) => !WEEKEND_LINE.test(line));
  const weekendDays = skipped.length - holidays.length;
  return [`Skipped ${weekendDays} weekend days (every Saturday and Sunday in between).`, ...holidays];
}
