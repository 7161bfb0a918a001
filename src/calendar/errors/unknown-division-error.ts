import { CalendarError } from './calendar-error.js';

/** A UK division other than england-and-wales, scotland or northern-ireland. */
export class UnknownDivisionError extends CalendarError {
  readonly code = 'UNKNOWN_DIVISION';
  constructor(input: unknown, known: readonly string[], field = 'division') {
    const shown = typeof input === 'string' ? JSON.stringify(input) : `(a ${typeof input})`;
    super(`${field} ${shown} is unknown: use one of ${known.join(', ')}`, field);
    this.name = 'UnknownDivisionError';
  }
}
