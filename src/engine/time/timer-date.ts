/**
 * `timeDate` values: an ISO 8601 date-time with `Z` or an offset, or without one (then it is wall-clock
 * time in the engine's zone, as Camunda reads it in the JVM's zone), a date alone (midnight), or a Date.
 */
import { DateTime } from 'luxon';

/** Earliest instant we accept: 0001-01-01T00:00Z (Date.UTC maps years below 100 to 19xx, so it is spelt out). */
const MIN_INSTANT = -62_135_596_800_000;
/** Latest instant we schedule: the end of year 9999. */
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Epoch ms of an ISO date-time text in `zone`, or the reason it is not one. */
export function parseDateTime(text: string, zone: string): number | string {
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) return 'not an ISO 8601 date-time, e.g. 2026-11-23T14:00:00Z or 2026-11-23T14:00';
  const ms = parsed.toMillis();
  return inRange(ms) ? ms : 'outside the years 1 to 9999';
}

/** True when an instant can be stored and shown (years 1 to 9999). */
export function inRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INSTANT && ms <= MAX_INSTANT;
}
