/** Turns evaluated timer definitions into due instants (delegates to `src/engine/time`). */
import { scheduleTimer } from '../../time/index.js';
import type { TimerKind, TimerSchedule } from '../../time/timer-definition.js';

export interface TimerPlanner {
  /**
   * The first firing of a timer whose definition evaluated to `value`, counted from `from`; null
   * for a bounded cycle with no firing left. Throws (naming the value) when it is malformed.
   */
  schedule(kind: TimerKind, value: unknown, from: number): TimerSchedule | null;
  /**
   * The next firing of a cycle after one fired at `firedAt`: the first slot of its schedule after that
   * moment (so a job executed early keeps its next occurrence, as in Camunda); null when none is left.
   */
  next(cycle: NonNullable<TimerSchedule['cycle']>, firedAt: number): TimerSchedule | null;
}

/** Timer arithmetic in `zone` (calendar units keep the wall-clock time across DST there). */
export function timerPlanner(zone: string): TimerPlanner {
  return {
    schedule: (kind, value, from) => scheduleTimer(kind, value, from, { zone }),
    next: (cycle, firedAt) => scheduleTimer('timeCycle', cycle.definition, firedAt, { zone }),
  };
}
