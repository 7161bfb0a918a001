import { addHoliday, holidayList, type BankHoliday } from './bank-holiday.js';
import { DEFAULT_DIVISION, parseDivision, type Division } from './divisions.js';
import { InvalidDateError } from './errors/invalid-date-error.js';
import { NO_HOLIDAY_OVERRIDES, type HolidayOverrides } from './holiday-file.js';
import { libraryHolidays } from './library-holidays.js';
import { isLocalDate, isWeekend, londonDateOf, type LocalDate } from './london-time.js';

/** Which calendar to use: the division (default england-and-wales) and any override days. */
export interface CalendarOptions {
  /** `england-and-wales` (default), `scotland` or `northern-ireland`. */
  division?: Division | string | undefined;
  /** Extra days from {@link parseHolidayFile}. */
  holidays?: HolidayOverrides | undefined;
}

/**
 * The division's bank holidays in `year` that fall on a weekday, with the override file's extra
 * days for that division merged in, in date order. This is the list GOV.UK publishes (it omits
 * weekend dates, whose substitute weekday carries the holiday).
 * @throws InvalidDateError for a year that is not a whole number from 1000 to 9999;
 *   UnknownDivisionError for an unknown division.
 */
export function holidaysIn(
  year: number,
  division: Division | string = DEFAULT_DIVISION,
  overrides: HolidayOverrides = NO_HOLIDAY_OVERRIDES,
): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidDateError('year', year, 'a whole number from 1000 to 9999');
  }
  const known = parseDivision(division);
  const merged = new Map<LocalDate, string>();
  for (const h of libraryHolidays(year, known)) merged.set(h.date, h.name);
  for (const h of overrides[known] ?? []) {
    if (h.date.startsWith(`${year}-`) && !isWeekend(h.date)) addHoliday(merged, h.date, h.name);
  }
  return holidayList(merged);
}

/**
 * Working days of one division: Monday to Friday except its bank holidays and override days.
 * Holidays are looked up once per year and kept, so counting many days stays cheap.
 */
export class WorkingCalendar {
  readonly division: Division;
  private readonly overrides: HolidayOverrides;
  private readonly years = new Map<number, ReadonlyMap<LocalDate, string>>();

  constructor(options: CalendarOptions = {}) {
    this.division = parseDivision(options.division);
    this.overrides = options.holidays ?? NO_HOLIDAY_OVERRIDES;
  }

  /** The name of the bank holiday (or override day) on a weekday `date`, if any. */
  holidayOn(date: LocalDate): string | undefined {
    const year = Number(date.slice(0, 4));
    let names = this.years.get(year);
    if (!names) {
      names = new Map(holidaysIn(year, this.division, this.overrides).map((h) => [h.date, h.name]));
      this.years.set(year, names);
    }
    return names.get(date);
  }

  /** Why `date` is not a working day (`weekend` or the holiday's name), or `undefined` if it is one. */
  nonWorkingReason(date: LocalDate): string | undefined {
    return isWeekend(date) ? 'weekend' : this.holidayOn(date);
  }

  /** True when `date` is a working day. */
  isWorkingDay(date: LocalDate): boolean {
    return this.nonWorkingReason(date) === undefined;
  }
}

/**
 * True when a date is a working day in the division: Monday to Friday and not a bank holiday (or
 * an override day). `date` is a London date `YYYY-MM-DD`, or an instant whose London date is used.
 * @throws InvalidDateError for a string that is not a real `YYYY-MM-DD` date or an invalid Date;
 *   UnknownDivisionError for an unknown division.
 */
export function isWorkingDay(date: LocalDate | Date, options: CalendarOptions = {}): boolean {
  return new WorkingCalendar(options).isWorkingDay(toLocalDate(date));
}

/**
 * Why a date is not a working day (`weekend` or the bank holiday's name), or `undefined` when it
 * is one. Same arguments as {@link isWorkingDay}.
 */
export function nonWorkingReason(date: LocalDate | Date, options: CalendarOptions = {}): string | undefined {
  return new WorkingCalendar(options).nonWorkingReason(toLocalDate(date));
}

function toLocalDate(date: LocalDate | Date): LocalDate {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new InvalidDateError('date', 'Invalid Date', 'a valid Date');
    return londonDateOf(date);
  }
  if (typeof date !== 'string' || !isLocalDate(date)) {
    throw new InvalidDateError('date', date, 'a real date written YYYY-MM-DD');
  }
  return date;
}
