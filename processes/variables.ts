/**
 * The one contract for an escalation's process variables, shared by every diagram, worker and the
 * API. Start variables are what the raising professional supplies (safeguarding-unit 1.7 and 2.2,
 * east-riding Stage One, liverpool Stage 1: what the disagreement is, the outcome sought and the
 * timescale sought). Stage variables are written by the stage forms and the deadline worker.
 *
 * Personal data never enters process variables: the child is identified only by the partnership's
 * case reference. The child's name, date of birth and address (east-riding Appendix A, liverpool
 * Appendices 1 and 2) live in a separate access-controlled store keyed by that reference.
 */
import { z } from 'zod';
import type { TypedValue, VariableMap } from '../src/engine/variables.js';

/** The five partnerships whose procedures are modelled in `processes/<partnership>/`. */
export const PARTNERSHIPS = [
  'safeguarding-unit',
  'east-riding',
  'northamptonshire',
  'liverpool',
  'wiltshire',
] as const;
export type Partnership = (typeof PARTNERSHIPS)[number];

/** The child's status; CPP or CLA makes liverpool notify the Independent Reviewing Officer. */
export const CHILD_STATUSES = ['CPP', 'CLA', 'none'] as const;

/**
 * What the disagreement is about, which picks the diagram where a partnership has specific processes
 * (safeguarding-unit 3.1 to 3.4, east-riding §5, wiltshire "Dissent Procedure").
 */
export const DISAGREEMENT_CONTEXTS = [
  'general',
  'referral-enquiry',
  'conference-request',
  'conference-decision',
  'cp-plan',
] as const;

/** A case reference: letters, digits and `-` `/` `.` only, so a name cannot be typed into it. */
const caseReference = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9/.-]{2,39}$/i, 'a case reference of 3 to 40 letters, digits, "-", "/" or "."')
  .refine((s) => /\d/.test(s), 'a case reference contains at least one digit (never a name)');

/** A role name from the partnership's `roles.json`, e.g. `line-manager`. */
const roleName = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a role name in kebab-case');
/** An agency id from the partnership's `roles.json`, e.g. `health`. */
const agencyId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'an agency id in kebab-case');
const text = (max: number) => z.string().trim().min(1).max(max);

/** Variables supplied when an escalation is raised. Every `${var}` a diagram needs at start is here. */
export const startVariablesSchema = z
  .object({
    escalationId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'an id of 8 to 64 letters, digits or "-"'),
    raisedAt: z.date(),
    partnership: z.enum(PARTNERSHIPS),
    caseReference,
    raisedByRole: roleName,
    raisedByAgency: agencyId,
    otherAgencyRole: roleName,
    otherAgency: agencyId,
    disagreement: text(4000),
    outcomeSought: text(2000),
    timescaleSought: text(200),
    immediateRisk: z.boolean(),
    childStatus: z.enum(CHILD_STATUSES),
    disagreementContext: z.enum(DISAGREEMENT_CONTEXTS).default('general'),
    /** wiltshire §3.1(a): a matter of such serious concern that it is logged with the QA&P Chair at once. */
    seriousConcern: z.boolean().default(false),
  })
  .strict();

export type StartVariables = z.infer<typeof startVariablesSchema>;
export type StartVariablesInput = z.input<typeof startVariablesSchema>;

/** Outcome values a stage form may submit (`${outcome == 'resolved'}` on the gateways). */
export const OUTCOMES = [
  'resolved',
  'unresolved',
  'next-level',
  'top-reached',
  'stuck',
  'agreed',
  'declined',
  'no-challenge',
  'challenge',
  'significant-harm',
] as const;

/** Variables the stage forms write (forms/*.form field keys). All text is free text about practice. */
export const stageVariablesSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    agreedOutcome: z.string().max(4000).optional(),
    actionPlan: z.string().max(4000).optional(),
    outstandingIssues: z.string().max(4000).optional(),
    unresolvedReason: z.string().max(4000).optional(),
    decisionDetails: z.string().max(4000).optional(),
    resolutionPanel: z.boolean().optional(),
    multiAgencyLessons: z.boolean().optional(),
    lessons: z
      .array(z.enum(['training', 'commissioning', 'agency-guidance', 'partnership-guidance']))
      .optional(),
    lessonsDetails: z.string().max(4000).optional(),
  })
  .strict();

export type StageVariables = z.infer<typeof stageVariablesSchema>;

/** Names of Date variables the `escalation-schedule` worker sets (`dueVariable`), e.g. `stage2Due`. */
export const DUE_VARIABLE = /^[a-z][A-Za-z0-9]*Due$/;

/** The start variables' names, which bpmnlint's `expression-variables` rule treats as always set. */
export const START_VARIABLE_NAMES: readonly string[] = Object.keys(startVariablesSchema.shape);

/** Parses raw start input; throws a ZodError naming each bad field. */
export function parseStartVariables(input: unknown): StartVariables {
  return startVariablesSchema.parse(input);
}

/** The typed engine variables for a start (Dates as Date, text as String, flags as Boolean). */
export function toStartVariableMap(vars: StartVariables): VariableMap {
  const map: VariableMap = {};
  for (const [name, value] of Object.entries(vars)) {
    map[name] = typed(value);
  }
  return map;
}

function typed(value: unknown): TypedValue {
  if (value instanceof Date) return { type: 'Date', value };
  if (typeof value === 'boolean') return { type: 'Boolean', value };
  return { type: 'String', value: String(value) };
}
