/**
 * The contract of timer arithmetic (`./index.ts` implements it): what a BPMN timer's evaluated
 * definition means as instants, in the engine's zone.
 */
export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

/** When a timer is due, and how it repeats. */
export interface TimerSchedule {
  /** Epoch ms of the first (or next) firing. */
  dueAt: number;
  /** For `timeCycle`: repetitions left after this one (null = unbounded), and how to get the next. */
  cycle?: { remaining: number | null; definition: string };
}
