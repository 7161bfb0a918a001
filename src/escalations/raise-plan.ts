/**
 * What raising an escalation starts: the start variables of `processes/variables.ts` from what the
 * raiser typed and who they are (their membership gives the partnership, agency and organisation;
 * their username is `raisedBy`), with what the partnership adds to every raise
 * (`startVariablesFor`), and the diagram that handles the disagreement's context
 * (`partnership.json`'s `contexts`). Pure: every check happens here, before anything is written.
 */
import type { Membership } from '../identity/principal.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import {
  startVariablesFor,
  startVariablesSchema,
  type StartVariables,
  type StartVariablesInput,
} from '../../processes/variables.js';
import type { Subject } from '../subjects/subject.js';

/** The start variables the server and the user's membership give, never the request. */
export const SERVER_START_FIELDS = [
  'escalationId',
  'raisedAt',
  'partnership',
  'raisedByAgency',
  'raisedByOrganisation',
  'raisedBy',
  'stage3MaxLevels',
] as const;

/** What the raiser sends: the start contract less what the server and their membership give. */
export type RaiseRequest = Omit<StartVariablesInput, (typeof SERVER_START_FIELDS)[number]>;

export interface RaiseContext {
  /** The membership raised from; its agency is the raising party's. */
  membership: Membership & { agency: string };
  entry: PartnershipEntry;
  username: string;
  escalationId: string;
  raisedAt: Date;
}

export interface RaisePlan {
  variables: StartVariables;
  /** The diagram (process definition key) that handles the disagreement's context. */
  definitionKey: string;
}

/** A field of the request that cannot be raised as it is, and why (never echoing its value). */
export interface RaiseProblem {
  field: string;
  message: string;
}

/** The plan, or every problem with the request's fields. */
export function planRaise(request: RaiseRequest, ctx: RaiseContext): RaisePlan | RaiseProblem[] {
  const problems = partyProblems(request, ctx);
  const parsed = startVariablesSchema.safeParse(
    startVariablesFor(ctx.entry.settings, {
      ...request,
      escalationId: ctx.escalationId,
      raisedAt: ctx.raisedAt,
      partnership: ctx.entry.settings.id,
      raisedByAgency: ctx.membership.agency,
      ...(ctx.membership.organisation ? { raisedByOrganisation: ctx.membership.organisation } : {}),
      raisedBy: ctx.username,
    }),
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ field: issue.path.map(String).join('.'), message: issue.message });
    return problems;
  }
  const context = parsed.data.disagreementContext;
  const diagram = ctx.entry.settings.diagrams.find((d) => d.contexts.includes(context));
  if (!diagram)
    problems.push({ field: 'disagreementContext', message: 'this partnership has no procedure for it' });
  return problems.length > 0 || !diagram ? problems : { variables: parsed.data, definitionKey: diagram.key };
}

/** The raiser's role must be theirs; the other party must be another agency or organisation of the partnership. */
function partyProblems(request: RaiseRequest, ctx: RaiseContext): RaiseProblem[] {
  const { roles } = ctx.entry;
  const m = ctx.membership;
  const problems: RaiseProblem[] = [];
  if (typeof request.raisedByRole === 'string' && !m.roles.includes(request.raisedByRole))
    problems.push({
      field: 'raisedByRole',
      message: `a role you hold in this partnership: ${m.roles.join(', ') || 'you hold none'}`,
    });
  if (typeof request.otherAgency === 'string' && !roles.agencies.some((a) => a.id === request.otherAgency))
    problems.push({
      field: 'otherAgency',
      message: `an agency of this partnership: ${roles.agencies.map((a) => a.id).join(', ')}`,
    });
  const agencyRoles = roles.roles.filter((r) => r.scope === 'agency').map((r) => r.role);
  if (typeof request.otherAgencyRole === 'string' && !agencyRoles.includes(request.otherAgencyRole))
    problems.push({
      field: 'otherAgencyRole',
      message: `a role held in an agency of this partnership: ${agencyRoles.join(', ')}`,
    });
  // A disagreement is between two parties: within one agency, both organisations must be named and differ.
  const ownAgency = request.otherAgency === m.agency;
  if (
    ownAgency &&
    (!m.organisation || !request.otherOrganisation || request.otherOrganisation === m.organisation)
  )
    problems.push({
      field: 'otherOrganisation',
      message: 'another organisation than yours: the other party is in your own agency',
    });
  return problems;
}

/**
 * Whether a subject given at raise agrees with the one stored for its case reference: the same
 * name, date of birth and address (and parents, when both give them). One that agrees adds nothing.
 */
export function sameChild(stored: Subject, given: Subject): boolean {
  return (
    stored.name === given.name &&
    stored.dateOfBirth === given.dateOfBirth &&
    stored.address === given.address &&
    (given.parents === undefined || stored.parents === given.parents)
  );
}
