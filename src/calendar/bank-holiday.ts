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

/**
 * Adds one holiday to a date → name map. The same day listed twice (two library entries, or an
 * override repeating GOV.UK) keeps one name, or both joined by `; ` when they differ.
 */
export function addHoliday(names: Map<LocalDate, string>, date: LocalDate, name: string): void {
  const earlier = names.get(date);
  names.set(date, earlier && earlier !== name ? `${earlier}; ${name}` : name);
}

/** The map's holidays as frozen entries in date order. */
export function holidayList(names: ReadonlyMap<LocalDate, string>): BankHoliday[] {
  return [...names].map(([date, name]) => Object.freeze({ date, name })).sort(byDate);
}
