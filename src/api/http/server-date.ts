/**
 * Every API answer's `Date` header from the injected clock (RFC 9110 §6.6.1), not Node's own: the
 * browser reads the service's "now" there (a countdown to a deadline must agree with the service
 * that set it, whatever the browser's clock says), and under the tests' fake clock it is the fake
 * "now". With the system clock it is what Node would have sent.
 */
import type { RequestHandler } from 'express';
import type { Clock } from '../../clock/clock.js';

export function serverDate(clock: Clock): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Date', new Date(clock.now()).toUTCString());
    next();
  };
}
