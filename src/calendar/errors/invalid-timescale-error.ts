import { CalendarError } from './calendar-error.js';

/** A timescale that is not one of the accepted forms, or whose number is out of range. */
export class InvalidTimescaleError extends CalendarError {
  readonly code = 'INVALID_TIMESCALE';
  constructor(
    message: string,
    /** The text exactly as given. */
    readonly input: string,
  ) {
    super(message, 'timescale');
    this.name = 'InvalidTimescaleError';
  }
}
