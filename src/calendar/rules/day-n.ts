import { addDays, formatDay, londonDateOf, startOfLondonDay } from '../london-time.js';
import type { WorkingCalendar } from '../working-calendar.js';
import type { RuleOutcome } from './rule-outcome.js';

/**
 * `Day N`: the raise date is Day 1, and the deadline is the end of Day N, i.e. London midnight at
 * the start of (raise date + N days). Days are calendar days; a Day N that is not a working day is
 * noted but does not move the deadline.
 */
export function endOfDayN(raised: Date, n: number, calendar: WorkingCalendar): RuleOutcome {
  const raiseDate = londonDateOf(raised);
  const dayN = addDays(raiseDate, n - 1);
  const after = addDays(raiseDate, n);
  const lines = [
    `Day 1 is the raise date, ${formatDay(raiseDate)}; Day ${n} is ${formatDay(dayN)}.`,
    `The deadline is the end of Day ${n}: midnight at the start of ${formatDay(after)}.`,
  ];
  const reason = calendar.nonWorkingReason(dayN);
  if (reason !== undefined) {
    lines.push(
      `Note: Day ${n} (${formatDay(dayN)}) is not a working day (${reason}); Day N counts calendar days, ` +
        `so the deadline does not move.`,
    );
  }
  return { due: startOfLondonDay(after), lines };
}
