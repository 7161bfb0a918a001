/**
 * The service's "now" in the browser. Every API answer's `Date` header is the service's clock (the
 * injected clock, so the tests' fake one too); the client notes how far the browser's clock is from
 * it, and countdowns to deadlines the service set use the service's time, not a browser clock that
 * may be minutes (or, in a test, weeks) out. The header counts whole seconds: enough for a
 * countdown in minutes.
 */

/** The service's clock minus the browser's, in milliseconds (0 until an answer has said). */
let offset = 0;

/** Notes an answer's `Date` header, received when the browser's clock said `browserNow`. */
export function noteServerDate(header: string | null, browserNow: number = Date.now()): void {
  const at = header ? Date.parse(header) : Number.NaN;
  if (Number.isFinite(at)) offset = at - browserNow;
}

/** The service's time now, in epoch milliseconds. */
export function serverNow(browserNow: number = Date.now()): number {
  return browserNow + offset;
}
