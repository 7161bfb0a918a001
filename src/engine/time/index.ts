/**
 * Timer arithmetic for the embedded engine: ISO 8601 dates, durations and repeating intervals turned
 * into instants in a zone, with Camunda 7's (Java's) calendar rules. Pure: the caller passes `from`.
 */
export type { TimerKind, TimerSchedule } from './timer-definition.js';
export { scheduleTimer, checkTimerLiteral, DEFAULT_TIMER_ZONE, type ScheduleOptions } from './schedule.js';
export { TimerDefinitionError } from './errors/timer-definition-error.js';
export { parseDuration, type FieldDuration } from './duration.js';
export { addDuration } from './calendar-add.js';
