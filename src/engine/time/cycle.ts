/**
 * `timeCycle` values: ISO 8601 repeating intervals `R<n>/<duration>`, `R/<duration>` (unbounded) and
 * `R<n>/<start>/<duration>`. Firings fall on the slots start + k × duration (k = 1 … n, and k = 0, the
 * start itself, while it lies ahead: an explicit start ahead gives n + 1 firings, as Camunda's DurationHelper
 * walks it, measured on Operaton), each step added to the previous one as Camunda does (so month steps
 * pin: Jan 31, Feb 28, Mar 28 …). Slots missed while the engine was down are skipped and count as used.
 * Cron is refused.
 */
import { addDuration } from './calendar-add.js';
import { isAbsolute, parseDuration, timeFieldsMillis, type FieldDuration } from './duration.js';
import { MAX_INSTANT, parseDateTime } from './timer-date.js';

export interface Cycle {
  /** n of `R<n>`: the slots after the start; null = unbounded. */
  repetitions: number | null;
  /** Anchor instant (epoch ms), or null when the cycle starts when scheduled. */
  start: number | null;
  duration: FieldDuration;
  durationText: string;
}

const REPEAT = /^R(\d*)$/;
/** Upper bound on calendar steps walked to find the next firing (a daily cycle over 2,700 years). */
const MAX_STEPS = 1_000_000;

/** Parses a cycle; returns the reason as a string when it is not one we support. */
export function parseCycle(text: string, zone: string): Cycle | string {
  if (/\s/.test(text) || !text.startsWith('R')) {
    return /\s|\*|\?/.test(text)
      ? 'cron expressions are not supported; use an ISO 8601 repeating interval such as R3/PT24H'
      : 'expected an ISO 8601 repeating interval R<n>/<duration> or R<n>/<start>/<duration>';
  }
  const parts = text.split('/');
  const repeat = REPEAT.exec(parts[0] ?? '');
  if (!repeat || parts.length < 2 || parts.length > 3) {
    return 'expected an ISO 8601 repeating interval R<n>/<duration> or R<n>/<start>/<duration>';
  }
  const repetitions = repeat[1] === '' ? null : Number(repeat[1]);
  if (repetitions !== null && (repetitions < 1 || repetitions > 2 ** 31 - 1)) {
    return 'the number of repetitions must be between 1 and 2147483647';
  }
  const durationText = parts[parts.length - 1] ?? '';
  if (!durationText.startsWith('P'))
    return 'the last part must be a duration (R<n>/<start>/<end> is not supported)';
  const duration = parseDuration(durationText);
  if (typeof duration === 'string') return duration;
  if (isAbsolute(duration) && timeFieldsMillis(duration) === 0) return 'a cycle needs a non-zero duration';
  const start = parts.length === 3 ? parseDateTime(parts[1] ?? '', zone) : null;
  if (typeof start === 'string') return `the start ${start}`;
  return { repetitions, start, duration, durationText };
}

/** A firing: its instant and its slot, k in anchor + k × duration (0 = the anchor itself). */
export interface Firing {
  dueAt: number;
  slot: number;
}

/**
 * The first slot strictly after `after` (or the anchor itself when it lies ahead), or null when a
 * bounded cycle has no slot left by then. Throws RangeError when the anchor is so far back that
 * finding the next slot would take more than a million calendar steps.
 */
export function nextFiring(cycle: Cycle, anchor: number, after: number, zone: string): Firing | null {
  if (anchor > after) return { dueAt: anchor, slot: 0 };
  const limit = cycle.repetitions ?? Infinity;
  if (isAbsolute(cycle.duration)) {
    // Absolute steps: compute the slot instead of walking (an R/PT1S cycle from years ago).
    const step = timeFieldsMillis(cycle.duration);
    const slot = Math.floor((after - anchor) / step) + 1;
    return slot <= limit ? { dueAt: anchor + slot * step, slot } : null;
  }
  let current = anchor;
  for (let slot = 1; slot <= Math.min(limit, MAX_STEPS); slot += 1) {
    current = addDuration(current, cycle.duration, zone);
    if (current > after) return { dueAt: current, slot };
    if (current > MAX_INSTANT) return null;
  }
  if (limit <= MAX_STEPS) return null;
  throw new RangeError(`the start lies more than ${MAX_STEPS} steps in the past`);
}
