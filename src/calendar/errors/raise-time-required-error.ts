import { CalendarError } from './calendar-error.js';

/** A timescale ending in `from raised` evaluated without the escalation's raise time. */
export class RaiseTimeRequiredError extends CalendarError {
  readonly code = 'RAISE_TIME_REQUIRED';
  constructor(timescale: string) {
    super(
      `timescale ${JSON.stringify(timescale)} counts from the escalation's raise time, but no raised time was given`,
      'raised',
    );
    this.name = 'RaiseTimeRequiredError';
  }
}
