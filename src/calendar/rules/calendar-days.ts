import {
  addDays,
  atLondonTime,
  formatDay,
  formatLondonClock,
  formatWallTime,
  londonDateOf,
  londonWallTimeOf,
  type WallTime,
} from '../london-time.js';
import { plural, type RuleOutcome } from './rule-outcome.js';

const HOUR_MS = 3_600_000;

/**
 * `N days` / `N weeks` (as 7N days): the start plus N calendar days in London, keeping the
 * wall-clock time. Weekends and bank holidays count like any other day.
 */
export function calendarDaysAfter(start: Date, days: number): RuleOutcome {
  const startDate = londonDateOf(start);
  const wall = londonWallTimeOf(start);
  const dueDate = addDays(startDate, days);
  const due = atLondonTime(dueDate, wall);
  const lines = [
    `Counted ${plural(days, 'calendar day')} from ${formatDay(startDate)} to ${formatDay(dueDate)}, keeping the ` +
      `London time ${formatWallTime(wall)}; weekends and bank holidays count as days.`,
  ];
  const elapsedHours = (due.getTime() - start.getTime()) / HOUR_MS;
  if (elapsedHours !== days * 24) {
    lines.push(
      `The clocks change in between, so the elapsed time is ${elapsedHours} hours rather than ${days * 24}.`,
    );
  }
  const note = wallTimeNote(dueDate, wall, due);
  if (note) lines.push(note);
  return { due, lines };
}

/** Says how a wall time that a clock change skips or repeats on `date` was settled. */
function wallTimeNote(date: string, wall: WallTime, due: Date): string | undefined {
  const shown = londonWallTimeOf(due);
  if (formatWallTime(shown) !== formatWallTime(wall)) {
    return (
      `${formatWallTime(wall)} does not exist in London on ${formatDay(date)} (the clocks go forward an hour), ` +
      `so the deadline is ${formatLondonClock(due)}.`
    );
  }
  const anHourLater = new Date(due.getTime() + HOUR_MS);
  if (formatWallTime(londonWallTimeOf(anHourLater)) === formatWallTime(wall)) {
    return (
      `${formatWallTime(wall)} happens twice in London on ${formatDay(date)} (the clocks go back an hour); ` +
      `the deadline is the first, ${formatLondonClock(due)}.`
    );
  }
  return undefined;
}
