import { CalendarError } from './calendar-error.js';

/** A `from` or `raised` value that is not an exact instant (an ISO 8601 date-time with Z or an offset). */
export class InvalidInstantError extends CalendarError {
  readonly code = 'INVALID_INSTANT';
  constructor(field: string, input: unknown) {
    super(
      `${field} ${describe(input)} is not an exact instant: write an ISO 8601 date-time with Z or an offset, ` +
        `e.g. 2026-12-24T10:00:00Z`,
      field,
    );
    this.name = 'InvalidInstantError';
  }
}

function describe(input: unknown): string {
  if (input instanceof Date) return '(an invalid Date)';
  if (typeof input === 'string') return JSON.stringify(input);
  return `(a ${input === null ? 'null' : typeof input})`;
}
