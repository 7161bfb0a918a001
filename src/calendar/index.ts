/**
 * The working-day calendar and the timescale language (issue 6). Pure: no I/O and no clock reads,
 * so workers, the API and the diagram linter get the same deadline on either engine.
 *
 * - {@link dueFor} works out a stage's deadline with an explanation a practitioner can read;
 * - {@link parseTimescale} validates a diagram's `timescale` property at deploy or lint time;
 * - {@link isWorkingDay}, {@link holidaysIn} and {@link WorkingCalendar} answer calendar questions;
 * - {@link parseHolidayFile} / {@link holidayFileSchema} read a GOV.UK-format override file
 *   (the caller reads the file; this code only validates its text or JSON), and
 *   {@link readHolidayFile} does both with a `readFile` the caller injects;
 * - {@link DIVISIONS} lists the UK divisions; every date is reckoned in {@link LONDON} time.
 *
 * See docs/timescales.md for the language and worked examples.
 */
export { dueFor, type DueOptions, type DueResult } from './due.js';
export {
  parseTimescale,
  formatTimescale,
  ACCEPTED_FORMS,
  MAX_COUNT,
  type Timescale,
  type SimpleTimescale,
  type BoundedTimescale,
  type Bound,
  type CountedKind,
} from './timescale.js';
export {
  isWorkingDay,
  nonWorkingReason,
  holidaysIn,
  WorkingCalendar,
  type CalendarOptions,
} from './working-calendar.js';
export type { BankHoliday } from './bank-holiday.js';
export {
  parseHolidayFile,
  readHolidayFile,
  mergeHolidayOverrides,
  holidayFileSchema,
  NO_HOLIDAY_OVERRIDES,
  type HolidayFile,
  type HolidayOverrides,
} from './holiday-file.js';
export {
  DIVISIONS,
  DIVISION_NAMES,
  DEFAULT_DIVISION,
  divisionSchema,
  parseDivision,
  type Division,
} from './divisions.js';
export { isoInstantSchema, parseInstant } from './instants.js';
export { LONDON, formatLondonInstant, formatDay, londonDateOf, type LocalDate } from './london-time.js';
export {
  CalendarError,
  InvalidTimescaleError,
  InvalidInstantError,
  UnknownDivisionError,
  RaiseTimeRequiredError,
  InvalidHolidayFileError,
  InvalidDateError,
} from './errors/index.js';
