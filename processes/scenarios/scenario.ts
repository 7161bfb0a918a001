/**
 * The scenario format: Given start variables, When the listed steps happen (a user task is
 * completed with form values, a stage timer fires, the immediate-risk message arrives), Then the
 * escalation passes the listed activities in that order, ends (or not) where expected, notifies
 * the listed roles and computes its deadlines from the procedure's timescales.
 */
import type { StartVariablesInput } from '../variables.js';

/** A form value: text, a flag, a number, a Date, or a list/object (sent as a Json variable). */
export type FormValue = string | boolean | number | Date | readonly unknown[] | Record<string, unknown>;

export type Step =
  /** Complete the user task with this id (task definition key) with these form values. */
  | { complete: string; with: Record<string, FormValue> }
  /** Fire the timer boundary event with this id; its job's due date must equal the Date variable `due`. */
  | { timer: string; due: string }
  /**
   * Correlate a message with this escalation: `immediate-risk` at any stage, or `withdraw` (with the
   * `withdrawalReason` the API's withdraw action sends), or wiltshire's `serious-concern` (§3.1(a)).
   */
  | { message: 'immediate-risk' | 'withdraw' | 'serious-concern'; variables?: Record<string, FormValue> };

export interface Scenario {
  /** Given/When/Then title. */
  title: string;
  /** The procedure's paragraph(s) this case comes from. */
  cite: string;
  /** The process definition key. */
  key: string;
  start?: Partial<StartVariablesInput>;
  steps: Step[];
  /** Activity ids that must occur in this order (other activities may come between). */
  path: string[];
  /** Activity ids that must not occur. */
  notPath?: string[];
  /** Whether the escalation has ended after the steps. */
  ended: boolean;
  /** Notifications that must have been sent: a role (one of the task's comma-separated roles) and a template. */
  notified?: { role: string; template: string }[];
  /** Every stage notification (not the raise or immediate-risk ones) copies this role (`copyTo`). */
  copiedTo?: string;
  /** Due variable → the timescale the diagram must use for it (the procedure's words). */
  timescales?: Record<string, string>;
  /**
   * Due variable → ISO instant, checked when the escalation is raised at {@link FIXED_RAISE} and
   * the clock does not move (the embedded engine's FakeClock run).
   */
  dueAt?: Record<string, string>;
}

/** Monday 2 November 2026, 10:00 in London (GMT): the fixed raise time of the fake-clock run. */
export const FIXED_RAISE = '2026-11-02T10:00:00.000Z';

export const resolved = { outcome: 'resolved', agreedOutcome: 'Agreed', actionPlan: 'Assessment by Friday' };
export const unresolved = { outcome: 'unresolved', unresolvedReason: 'Threshold still disputed' };

/**
 * A typical escalation's start variables (a school disputes children's services' threshold decision
 * in Liverpool), less what each run sets itself: `escalationId`, `raisedAt` and `caseReference`.
 */
export const SAMPLE_ESCALATION = {
  partnership: 'liverpool',
  raisedByRole: 'raising-professional',
  raisedByAgency: 'school',
  otherAgencyRole: 'other-agency-professional',
  otherAgency: 'childrens-services',
  disagreement: 'Referral not accepted at the threshold for assessment',
  outcomeSought: 'An assessment of the family',
  timescaleSought: 'Within 5 working days',
  immediateRisk: false,
  childStatus: 'none',
} as const satisfies Omit<StartVariablesInput, 'escalationId' | 'raisedAt' | 'caseReference'>;
