/**
 * Turns a timer definition's evaluated value into instants: the pure function the embedded engine
 * calls when it schedules a timer, and the static check the deployment parser runs on literal texts.
 */
import { DateTime } from 'luxon';
import { addDuration } from './calendar-add.js';
import { nextFiring, parseCycle, type Firing } from './cycle.js';
import { parseDuration } from './duration.js';
import { TimerDefinitionError } from './errors/timer-definition-error.js';
import type { TimerKind, TimerSchedule } from './timer-definition.js';
import { inRange, parseDateTime } from './timer-date.js';

/** The engine's default zone for calendar arithmetic (ENGINE_TIMEZONE overrides it at the entry point). */
export const DEFAULT_TIMER_ZONE = 'Europe/London';

export interface ScheduleOptions {
  /** IANA zone for wall-clock arithmetic and offset-less date-times. Default Europe/London. */
  zone?: string;
}

/**
 * When a timer fires. `value` is the evaluated definition: an ISO text, or a Date for `timeDate`.
 * `from` is the instant the timer is created (epoch ms). For a `timeCycle`, `cycle.definition` is the
 * text to schedule every following firing with (the cycle anchored at its start, with all its repetitions,
 * as Camunda keeps it): when a firing happens, call `scheduleTimer('timeCycle', cycle.definition, firedAt)`;
 * it answers the first slot after `firedAt` (the same slot when a firing ran early; missed slots are skipped
 * after downtime) or null when none is left. `cycle.remaining` is the number of slots after this one.
 * Returns null only for a bounded cycle whose firings all lie before `from`.
 * Throws TimerDefinitionError (naming the value) for anything malformed, negative or out of range.
 */
export function scheduleTimer(
  kind: TimerKind,
  value: unknown,
  from: number,
  options: ScheduleOptions = {},
): TimerSchedule | null {
  const zone = options.zone ?? DEFAULT_TIMER_ZONE;
  if (kind === 'timeDate') return { dueAt: dateValue(value, zone) };
  const text = textValue(kind, value);
  if (kind === 'timeDuration') return { dueAt: durationDue(text, from, zone) };
  return cycleSchedule(text, from, zone);
}

/**
 * Deploy-time check of a literal (expression-free) timer text: null when it is valid, else the reason.
 * Valid here means `scheduleTimer` will accept it at run time, whatever the start instant.
 */
export function checkTimerLiteral(
  kind: TimerKind,
  text: string,
  options: ScheduleOptions = {},
): string | null {
  const zone = options.zone ?? DEFAULT_TIMER_ZONE;
  const trimmed = text.trim();
  const problem =
    kind === 'timeDate'
      ? parseDateTime(trimmed, zone)
      : kind === 'timeDuration'
        ? parseDuration(trimmed)
        : parseCycle(trimmed, zone);
  return typeof problem === 'string' ? new TimerDefinitionError(kind, text, problem).message : null;
}

function dateValue(value: unknown, zone: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!inRange(ms)) throw new TimerDefinitionError('timeDate', String(value), 'not a valid date');
    return ms;
  }
  const text = textValue('timeDate', value);
  const ms = parseDateTime(text, zone);
  if (typeof ms === 'string') throw new TimerDefinitionError('timeDate', text, ms);
  return ms;
}

function textValue(kind: TimerKind, value: unknown): string {
  if (typeof value !== 'string') {
    const shown = value === null || value === undefined ? String(value) : `a ${typeof value}`;
    throw new TimerDefinitionError(kind, shown, 'expected an ISO 8601 text');
  }
  // Camunda trims nothing, but the Modeler's properties panel can leave a trailing newline.
  return value.trim();
}

function durationDue(text: string, from: number, zone: string): number {
  const duration = parseDuration(text);
  if (typeof duration === 'string') throw new TimerDefinitionError('timeDuration', text, duration);
  const due = addDuration(from, duration, zone);
  if (!inRange(due))
    throw new TimerDefinitionError('timeDuration', text, 'the due date lies beyond the year 9999');
  return due;
}

function cycleSchedule(text: string, from: number, zone: string): TimerSchedule | null {
  const cycle = parseCycle(text, zone);
  if (typeof cycle === 'string') throw new TimerDefinitionError('timeCycle', text, cycle);
  let firing: Firing | null;
  try {
    firing = nextFiring(cycle, cycle.start ?? from, from, zone);
  } catch (error) {
    throw new TimerDefinitionError('timeCycle', text, (error as Error).message);
  }
  if (firing === null) return null;
  const remaining = cycle.repetitions === null ? null : cycle.repetitions - firing.slot;
  // Camunda keeps one repeat expression for the timer's whole life, with the start written in (its ISO
  // format has no milliseconds, so an implicit start loses them; the first firing keeps them). Each
  // following firing is the first slot after the moment the previous one ran: early runs re-arm the same
  // slot, late ones skip the slots that passed (measured on Operaton, FINDINGS §7).
  const anchor = cycle.start ?? Math.floor(from / 1000) * 1000;
  const anchorText = DateTime.fromMillis(anchor, { zone: 'UTC' }).toISO() ?? '';
  const definition = `R${cycle.repetitions ?? ''}/${anchorText}/${cycle.durationText}`;
  return { dueAt: firing.dueAt, cycle: { remaining, definition } };
}
