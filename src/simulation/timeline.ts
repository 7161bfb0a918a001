/**
 * What a simulation returns: the escalation's stages in the order they started, each with its
 * start, its deadline (or reminder) with the deadline worker's explanation, where its timer leads,
 * and how and when it was answered; then how the run ended. Instants are ISO 8601 UTC strings, so a
 * timeline serialises as it is (the command's `--json`, the API).
 */
import type { AnswerChoice, AnswerValues } from './outcome-choice.js';

/**
 * `deadline`: an interrupting timer (the stage ends when it passes); `reminder`: only a
 * non-interrupting timer (no fixed timescale, e.g. Wiltshire's levels); `none`: no timer at all.
 */
export type StageKind = 'deadline' | 'reminder' | 'none';

/** The stage's timer boundary event and where it leads when it fires. */
export interface StageTimer {
  id: string;
  name: string;
  interrupting: boolean;
  /** The targets of its outgoing flows: what a breach (or reminder) does next. */
  leadsTo: { id: string; name: string }[];
}

export interface TimelineStage {
  /** The user task's element id, e.g. `Stage2_RecordOutcome`. */
  elementId: string;
  name: string;
  startedAt: string;
  /** When the stage's deadline passes; null when it has none (see `kind`). */
  due: string | null;
  /** The timescale the deadline worker evaluated (the diagram's words), or the timer's own text. */
  timescale: string | null;
  /** The deadline worker's explanation, one line each; null without a computed date. */
  explanation: string[] | null;
  kind: StageKind;
  /** A reminder's date, when the stage has a reminder and no deadline. */
  reminder: string | null;
  /** The Date variable the timer reads, e.g. `stage2Due`. */
  dueVariable: string | null;
  timer: StageTimer | null;
  /** When the simulation answered it; null when it ended unanswered (see `chosen`). */
  answeredAt: string | null;
  /** The `outcome` submitted, or null when the stage's form has none. */
  outcome: string | null;
  /** Everything the simulated form submitted. */
  answer: AnswerValues;
  chosen: StageEnding;
}

/**
 * How the stage ended: answered (see {@link AnswerChoice}); `missed`: its deadline had already
 * passed when it started, so its timer fired at once and the escalation took the breach route (an
 * edited timescale can do this); `closed`: the escalation moved on without it.
 */
export type StageEnding = AnswerChoice | 'missed' | 'closed';

/** `completed`: the process ended; `task-limit`: stopped after the most stages allowed; `waiting`: nothing left to answer. */
export type RunEnd =
  | { kind: 'completed'; at: string; elementId: string | null; name: string | null }
  | { kind: 'task-limit'; at: string; limit: number }
  | { kind: 'waiting'; at: string; detail: string };

export interface Timeline {
  processKey: string;
  processName: string | null;
  partnership: string;
  raisedAt: string;
  /** Whether each stage was answered as soon as it started (else one minute before its date). */
  atOnce: boolean;
  stages: TimelineStage[];
  end: RunEnd;
  /** Outcomes asked for that no decision used (the escalation ended first). */
  unusedOutcomes: string[];
}
