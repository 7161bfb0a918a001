/**
 * Base class of every error the calendar throws. `code` is stable and machine-readable; `field`
 * names the input that is wrong (`timescale`, `from`, `raised`, `division`, `holidays`, `date`,
 * `year`), so an HTTP layer can answer 400 naming the field and the CLI can name the option.
 * Messages are one line, quote the bad input and never contain personal data.
 */
export abstract class CalendarError extends Error {
  abstract readonly code: string;
  /** Bad input is the caller's fault: an HTTP surface answers 400. */
  readonly httpStatus = 400;
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
