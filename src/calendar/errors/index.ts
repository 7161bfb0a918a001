export { CalendarError } from './calendar-error.js';
export { InvalidTimescaleError } from './invalid-timescale-error.js';
export { InvalidInstantError } from './invalid-instant-error.js';
export { UnknownDivisionError } from './unknown-division-error.js';
export { RaiseTimeRequiredError } from './raise-time-required-error.js';
export { InvalidHolidayFileError } from './invalid-holiday-file-error.js';
export { InvalidDateError } from './invalid-date-error.js';
