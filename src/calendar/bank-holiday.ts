import type { LocalDate } from './london-time.js';

/** A bank holiday (or an added closure day) on a weekday. */
export interface BankHoliday {
  /** The London date, `YYYY-MM-DD`. */
  readonly date: LocalDate;
  /** Its name, e.g. `Boxing Day (substitute day)`. */
  readonly name: string;
}

/** Orders holidays by date. */
export function byDate(a: BankHoliday, b: BankHoliday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
