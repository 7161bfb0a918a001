/**
 * What the interpreter needs from the engine around it. One instance per engine; a {@link Step}
 * borrows it for the length of one transaction.
 */
import type { Clock } from '../../../clock/clock.js';
import type { Logger } from '../../../log/logger.js';
import type { Store } from '../store/database.js';
import type { ModelCache } from '../model/model-cache.js';
import type { TimerPlanner } from './timer-planner.js';
import type { EngineObserver } from '../observer.js';

export interface RuntimeContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  models: ModelCache;
  timers: TimerPlanner;
  /** A new unique id (UUID). */
  newId(): string;
  /** Told how late timers fire (monitoring); null when nobody listens. */
  observer?: EngineObserver | null;
}

/**
 * What a committed step changed that others must hear about: long polls wake for new or unlocked
 * external tasks; the scheduler re-arms when jobs changed.
 */
export class StepEffects {
  readonly topics = new Set<string>();
  jobsChanged = false;

  merge(other: StepEffects): void {
    for (const topic of other.topics) this.topics.add(topic);
    this.jobsChanged ||= other.jobsChanged;
  }
}
