import { ProcessEngineError } from '../../errors/process-engine-error.js';
import type { TimerKind } from '../timer-definition.js';

/** Longest stretch of a timer value quoted in a message. */
const MAX_QUOTED = 100;

/**
 * A timer definition that cannot be scheduled: malformed, negative, a cron expression, or too far
 * away. The message names the kind and the value, e.g. `Invalid timeDuration 'P-5D': …`.
 */
export class TimerDefinitionError extends ProcessEngineError {
  constructor(
    readonly kind: TimerKind,
    /** The value as given (an evaluated expression result is shown as text). */
    readonly value: string,
    readonly reason: string,
  ) {
    const quoted = value.length <= MAX_QUOTED ? value : `${value.slice(0, MAX_QUOTED)}…`;
    super(`Invalid ${kind} '${quoted}': ${reason}`, 'INVALID_TIMER');
    this.name = 'TimerDefinitionError';
  }
}
