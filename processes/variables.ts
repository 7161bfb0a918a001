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

/** Liverpool Appendix 2 "Please indicate level of need: Early Help: S17: S47" (and Appendix 1). */
export const LEVELS_OF_NEED = ['Early Help', 'S17', 'S47'] as const;

/** A case reference: letters, digits and `-` `/` `.` only, so a name cannot be typed into it. */
export const caseReference = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9/.-]{2,39}$/i, 'a case reference of 3 to 40 letters, digits, "-", "/" or "."')
  .refine((s) => /\d/.test(s), 'a case reference contains at least one digit (never a name)');

/** A role name from the partnership's `roles.json`, e.g. `line-manager`. */
const roleName = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a role name in kebab-case');
/** An agency id from the partnership's `roles.json`, e.g. `health`. */
const agencyId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'an agency id in kebab-case');
/** An organisation id (a named school, trust, force or council service) within an agency. */
const organisationId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'an organisation id in kebab-case');
const text = (max: number) => z.string().trim().min(1).max(max);
/**
 * A calendar date from a form (`YYYY-MM-DD`, what a Camunda Forms date field submits) or a Date;
 * stored as a Date at midnight UTC of that day, shown as the date alone.
 */
const calendarDate = z.union([
  z.date(),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    // JavaScript reads 30 February as 2 March: the day must survive the round trip.
    .refine((d) => {
      const date = new Date(`${d}T00:00:00.000Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
    }, 'a real calendar date')
    .transform((d) => new Date(`${d}T00:00:00.000Z`)),
]);
/** A professional involved, by role and agency (never by name: the documents need role and agency). */
const roleAndAgency = z.object({ role: text(200), agency: agencyId }).strict();

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
    /** liverpool Appendices 1 and 2 "level of need"; asked when raising, optional. */
    levelOfNeed: z.enum(LEVELS_OF_NEED).optional(),
    /** The raiser's organisation within `raisedByAgency`, when the partnership names organisations. */
    raisedByOrganisation: organisationId.optional(),
    /** The raiser's username, when raised through the API: they are told personally, at their own address. */
    raisedBy: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{1,63}$/,
        'a username of 2 to 64 lower-case letters, digits, ".", "_" or "-"',
      )
      .optional(),
    /** The other party's organisation within `otherAgency`; unnamed, the whole other agency is the party. */
    otherOrganisation: organisationId.optional(),
    /**
     * northamptonshire Stage 3: how many senior-manager levels Stage 3 climbs before Stage 4, from
     * `partnership.json`'s `stage3MaxLevels` (set by the raise, see {@link startVariablesFor}).
     */
    stage3MaxLevels: z.number().int().min(1).max(10).optional(),
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
  // safeguarding-unit 2.7 (consultation at any level) and 3.4.3 (reconvening the Review Conference).
  'consult-safeguarding-unit',
  'advice-given',
  'reconvene-review-conference',
  // wiltshire §3.1(c), §2.3: who mediates a stuck case (the QA&P Sub Group's offer).
  'qap-mediator',
  'independent-chair',
  'partner-organisation',
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
    // The fields the procedures' documents need (issue 12, "Every field the documents need"). All are
    // optional: a document marks what was not recorded rather than blocking a stage.
    /** east-riding Appendix A "Date of Stage 4 Meeting/Discussion". */
    stage4MeetingDate: calendarDate.optional(),
    /** east-riding Appendix A "Names of Senior Officers involved at Stage 4 and their Agency" (role and agency). */
    seniorOfficers: z.array(roleAndAgency).max(30).optional(),
    /** east-riding Appendix A "Agencies involved – in the dispute or in the case generally". */
    agenciesInvolved: z.array(agencyId).max(30).optional(),
    /** liverpool Appendix 2 "Name(s) of other professionals involved … Role and Agency". */
    otherProfessionals: z.array(roleAndAgency).max(30).optional(),
    /** liverpool Appendix 2 "Date of discussion/ Meeting re disagreement". */
    discussionDate: calendarDate.optional(),
    /** liverpool Appendix 2 "Methodology used to resolve conflict". */
    resolutionMethod: z.string().max(2000).optional(),
    /** liverpool Appendix 2 "further actions taken by your agency": what, by whom, date completed. */
    furtherActions: z
      .array(
        z.object({ action: text(1000), byWhom: text(200), dateCompleted: calendarDate.optional() }).strict(),
      )
      .max(30)
      .optional(),
    /** liverpool Appendix 1 "Agency / School & Escalation Number", allocated by the agency or school. */
    agencyEscalationNumber: z
      .string()
      // Empty is not recorded: form-js (and so Camunda Tasklist) sends an untouched text field as ''.
      .regex(/^(?:[A-Za-z0-9][A-Za-z0-9/.-]{0,39})?$/, 'letters, digits, "-", "/" or "." (up to 40)')
      .optional(),
    /** liverpool Appendix 1 "Concern", "Actions Undertaken Towards Resolution"; Stage 1 line managers' professionals meeting. */
    concern: z.string().max(2000).optional(),
    actionsUndertaken: z.string().max(4000).optional(),
    professionalsMeeting: z.enum(['convened', 'not-needed']).optional(),
    /** liverpool Appendix 2, for the LSCB Business Manager: "Date received by LSCB Business Manager". */
    businessManagerReceivedOn: calendarDate.optional(),
    /** liverpool Appendix 2 "Outcome / Issues notified to LSCB Executive Group: Date". */
    executiveGroupNotifiedOn: calendarDate.optional(),
    executiveGroupOutcome: z.string().max(4000).optional(),
    /** safeguarding-unit 3.2.2: a request "supported by a senior manager, or a Designated or Named Professional". */
    requestSupportedBy: z
      .enum(['senior-manager', 'designated-professional', 'named-professional', 'none'])
      .optional(),
    /** northamptonshire Stage 5: the date a Strategic Lead offered mediation, and the partner providing it. */
    mediationOfferedOn: calendarDate.optional(),
    mediatingAgency: agencyId.optional(),
    /** safeguarding-unit 3.2.2: why a request supported by a senior manager or a Designated or Named Professional is not agreed. */
    notNormallyAgreedReason: z.string().max(4000).optional(),
    levelOfNeed: z.enum(LEVELS_OF_NEED).optional(), // east-riding §5: Children's Social Care's Section 47 decision
    attemptsToAgree: z.string().max(4000).optional(), // east-riding §5: "evidence of all attempts to agree"
    preConferenceDiscussion: z.boolean().optional(), // east-riding §5: social worker discussed it with the chair in advance
    issuesArising: z.string().max(4000).optional(), // east-riding Stage Five: the chair's report to the MEE Group
    /** Why the escalation was withdrawn (the `withdraw` message carries it). */
    withdrawalReason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export type StageVariables = z.infer<typeof stageVariablesSchema>;

/** Names of Date variables the `escalation-schedule` worker sets (`dueVariable`), e.g. `stage2Due`. */
export const DUE_VARIABLE = /^[a-z][A-Za-z0-9]*Due$/;

/** The start variables' names, which bpmnlint's `expression-variables` rule treats as always set. */
export const START_VARIABLE_NAMES: readonly string[] = Object.keys(startVariablesSchema.shape);

/** The start variables a raise may leave out; they are written as Null so every `${var}` resolves. */
export const OPTIONAL_START_VARIABLES: readonly string[] = Object.entries(startVariablesSchema.shape)
  .filter(
    ([, schema]) => schema.safeParse(undefined).success && schema.safeParse(undefined).data === undefined,
  )
  .map(([name]) => name);

/** Parses raw start input; throws a ZodError naming each bad field. */
export function parseStartVariables(input: unknown): StartVariables {
  return startVariablesSchema.parse(input);
}

/** The typed engine variables for a start (Dates as Date, text as String, flags as Boolean). */
export function toStartVariableMap(vars: StartVariables): VariableMap {
  const map: VariableMap = {};
  for (const name of OPTIONAL_START_VARIABLES) map[name] = { type: 'Null', value: null };
  for (const [name, value] of Object.entries(vars)) {
    if (value !== undefined) map[name] = typed(value);
  }
  return map;
}

/**
 * Start input with what the partnership's settings add to every raise (northamptonshire's
 * `stage3MaxLevels`), so the API, the scenarios and any other caller start escalations alike.
 */
export function startVariablesFor(
  settings: { stage3MaxLevels?: number | undefined },
  input: StartVariablesInput,
): StartVariablesInput {
  return settings.stage3MaxLevels === undefined
    ? input
    : { stage3MaxLevels: settings.stage3MaxLevels, ...input };
}

/**
 * Engine variables for parsed stage form data ({@link stageVariablesSchema}'s output): Dates as
 * Date, flags as Boolean, whole numbers as Integer, lists and objects as Json, the rest as String.
 */
export function toStageVariableMap(values: Record<string, unknown>): VariableMap {
  const map: VariableMap = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) map[name] = typed(value);
  }
  return map;
}

function typed(value: unknown): TypedValue {
  if (value === null) return { type: 'Null', value: null };
  if (value instanceof Date) return { type: 'Date', value };
  if (typeof value === 'boolean') return { type: 'Boolean', value };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { type: 'Integer', value } : { type: 'Double', value };
  }
  if (typeof value === 'object') return { type: 'Json', value: JSON.stringify(value) };
  return { type: 'String', value: String(value) };
}
