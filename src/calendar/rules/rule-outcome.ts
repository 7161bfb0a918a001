import { InvalidHolidayFileError } from '../errors/invalid-holiday-file-error.js';
import { addDays, formatDay, type LocalDate } from '../london-time.js';
import type { WorkingCalendar } from '../working-calendar.js';

/** What a rule works out: the deadline and the lines that explain how. */
export interface RuleOutcome {
  due: Date;
  lines: string[];
}

// Bank holidays never close more than a few days in a row; only an override file listing a long run
// of closure days could, and then the search must stop with an error rather than loop for ever.
const MAX_CLOSED_RUN = 366;

/**
 * The first working day after `date`, adding a `Skipped <day>: <reason>` line for every day passed over.
 * @throws InvalidHolidayFileError when the override days leave no working day within a year.
 */
export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate, lines: string[]): LocalDate {
  let day = date;
  for (let i = 0; i < MAX_CLOSED_RUN; i++) {
    day = addDays(day, 1);
    const reason = calendar.nonWorkingReason(day);
    if (reason === undefined) return day;
    lines.push(`Skipped ${formatDay(day)}: ${reason}`);
  }
  throw new InvalidHolidayFileError(`the holidays leave no working day in the year after ${date}`);
}

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st` … */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** `1 working day`, `2 working days`. */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
