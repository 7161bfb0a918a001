import { addDays, formatDay, londonDateOf, startOfLondonDay } from '../london-time.js';
import type { WorkingCalendar } from '../working-calendar.js';
import { nextWorkingDay, type RuleOutcome } from './rule-outcome.js';

/**
 * `same working day`: the end of the start's London date if it is a working day, otherwise the
 * end of the next working day ("end" = the following London midnight).
 */
export function endOfSameWorkingDay(start: Date, calendar: WorkingCalendar): RuleOutcome {
  const startDate = londonDateOf(start);
  const lines: string[] = [];
  const reason = calendar.nonWorkingReason(startDate);
  let day = startDate;
  if (reason === undefined) {
    lines.push(`${formatDay(day)} is a working day, so the deadline is the end of that day.`);
  } else {
    lines.push(`${formatDay(startDate)} is not a working day (${reason}).`);
    day = nextWorkingDay(calendar, startDate, lines);
    lines.push(`${formatDay(day)} is the next working day, so the deadline is the end of that day.`);
  }
  const after = addDays(day, 1);
  lines.push(`The end of ${formatDay(day)} is midnight at the start of ${formatDay(after)}.`);
  return { due: startOfLondonDay(after), lines };
}
