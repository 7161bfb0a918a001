/**
 * Who may see an escalation and act on it: the one access rule every endpoint uses (issue 14).
 *
 * - An escalation's **parties** are the raiser's organisation and the other organisation named at
 *   raise; a party not named by organisation is its whole agency. A member whose organisation (or,
 *   for an unnamed party, agency) is a party **sees** it.
 * - A holder of a partnership-scope role (the partnership's staff, chairs, panels) sees every
 *   escalation of that partnership.
 * - The people the procedure tells (the escalation's **audience**: each role and agency or
 *   organisation a notice or document reached, e.g. Children's Social Care deciding a Section 47
 *   question, an Independent Reviewing Officer) see it too.
 * - Anyone else gets 404, never 403: existence does not leak.
 * - A stage task may be completed only by a holder of one of its candidate roles **on the task's
 *   side** (agency-scope roles: a party's own people on the role's side; a role held by one fixed
 *   agency: that agency's people; partnership-scope roles: any holder). The raiser always counts as
 *   its `raising-professional`.
 * - The child's details: holders of a candidate role of one of its tasks (past or open) on its side,
 *   or of a partnership role that the procedure sends its documents to.
 */
import type { Membership, Principal } from '../identity/principal.js';
import type { RoleSettings, Roles } from '../../processes/roles-schema.js';

/** One party: its agency and, when named, its organisation. */
export interface AccessParty {
  agency: string;
  organisation: string | null;
}

/** One role the procedure told (a notice's or document's reader), with where it reached. */
export interface AudienceEntry {
  role: string;
  /** '' for the partnership's own (`*`) entry. */
  agency: string;
  /** '' when it reached the whole agency. */
  organisation: string;
  /** Whether it was sent a document (the child's details may be read by it). */
  documents: boolean;
}

export interface EscalationAccess {
  partnership: string;
  /** The raiser's username, when raised through the API. */
  raisedBy: string | null;
  raisedByParty: AccessParty;
  otherParty: AccessParty;
  audience: readonly AudienceEntry[];
}

/** A partnership's roles by name. */
export type RolesOf = (partnership: string) => Roles | undefined;

function roleOf(roles: RolesOf, partnership: string, name: string): RoleSettings | undefined {
  return roles(partnership)?.roles.find((r) => r.role === name);
}

/** Whether the member belongs to the party (its organisation, or its agency when none is named). */
export function isParty(m: Membership, party: AccessParty): boolean {
  if (m.agency === null || m.agency !== party.agency) return false;
  return party.organisation === null || m.organisation === party.organisation;
}

function reaches(m: Membership, entry: AudienceEntry): boolean {
  if (!m.roles.includes(entry.role)) return false;
  if (entry.organisation !== '') return m.organisation === entry.organisation;
  return entry.agency === '' || m.agency === entry.agency;
}

function membershipOf(p: Principal, e: EscalationAccess): Membership | undefined {
  return p.memberships.find((m) => m.partnership === e.partnership);
}

export function canSee(p: Principal, e: EscalationAccess, roles: RolesOf): boolean {
  const m = membershipOf(p, e);
  if (!m) return false;
  if (p.username === e.raisedBy) return true;
  if (isParty(m, e.raisedByParty) || isParty(m, e.otherParty)) return true;
  if (m.roles.some((r) => roleOf(roles, e.partnership, r)?.scope === 'partnership')) return true;
  return e.audience.some((entry) => reaches(m, entry));
}

/** Whether the member may act in `role` on this escalation (the role held on its side). */
export function holdsOnSide(m: Membership, role: RoleSettings, e: EscalationAccess): boolean {
  if (!m.roles.includes(role.role)) return false;
  if (role.scope === 'partnership') return true;
  if (role.agency) return m.agency === role.agency;
  const side = role.side ?? 'both';
  if (side === 'raised-by') return isParty(m, e.raisedByParty);
  if (side === 'other') return isParty(m, e.otherParty);
  return isParty(m, e.raisedByParty) || isParty(m, e.otherParty);
}

/** Whether the principal may complete a task with these candidate roles. */
export function canComplete(
  p: Principal,
  e: EscalationAccess,
  candidateRoles: readonly string[],
  roles: RolesOf,
): boolean {
  if (p.username === e.raisedBy && candidateRoles.includes('raising-professional')) return true;
  const m = membershipOf(p, e);
  if (!m) return false;
  return candidateRoles.some((name) => {
    const role = roleOf(roles, e.partnership, name);
    return role !== undefined && holdsOnSide(m, role, e);
  });
}

/**
 * Whether the principal may read the child's details: a candidate role of one of the escalation's
 * tasks (past or open) held on its side, or a role the procedure sent a document to.
 */
export function canReadSubject(
  p: Principal,
  e: EscalationAccess,
  taskRoles: readonly string[],
  roles: RolesOf,
): boolean {
  if (!canSee(p, e, roles)) return false;
  if (canComplete(p, e, taskRoles, roles)) return true;
  const m = membershipOf(p, e)!;
  return e.audience.some((entry) => entry.documents && reaches(m, entry));
}
