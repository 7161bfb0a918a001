import { CalendarError } from './calendar-error.js';

/** A calendar date or year that is not real (e.g. `2026-02-30`, or a year that is not a whole number). */
export class InvalidDateError extends CalendarError {
  readonly code = 'INVALID_DATE';
  constructor(field: string, input: unknown, expected: string) {
    const shown = typeof input === 'string' ? JSON.stringify(input) : String(input);
    super(`${field} ${shown} is not valid: expected ${expected}`, field);
    this.name = 'InvalidDateError';
  }
}
