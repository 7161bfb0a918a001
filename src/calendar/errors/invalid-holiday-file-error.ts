import { CalendarError } from './calendar-error.js';

/** A holidays override file that is not valid JSON or not in the GOV.UK bank-holidays.json format. */
export class InvalidHolidayFileError extends CalendarError {
  readonly code = 'INVALID_HOLIDAY_FILE';
  constructor(message: string) {
    super(message, 'holidays');
    this.name = 'InvalidHolidayFileError';
  }
}
