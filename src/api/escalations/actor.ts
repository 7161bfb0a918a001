/**
 * Who acted, as the record keeps it: the record worker writes `actorRole` and `actorAgency` (process
 * variables) on every entry after the raise, so every API action that moves an escalation sets them
 * with the engine call that moves it. Role and agency only, never a name: the record is shared with
 * every party (east-riding §2, liverpool "RECORD").
 */
import { holdsOnSide } from '../../access/access-rule.js';
import type { EscalationAccess, RolesOf } from '../../access/access-rule.js';
import type { Principal } from '../../identity/principal.js';
import type { IndexedEscalation } from '../../escalations/escalation-index.js';

export interface ActorVariables {
  [name: string]: string | null;
  actorRole: string | null;
  /** The actor's agency; null for the partnership's own people (business office, chairs). */
  actorAgency: string | null;
}

/**
 * The role and agency the principal acts in on this escalation: for a task, the first of its
 * candidate roles they hold on its side (the raiser as `raising-professional`); for an action
 * (withdraw, immediate risk), the raiser's role as raised, else the first of their roles held on
 * the escalation's side, else their first role.
 */
export function actorVariables(
  p: Principal,
  e: IndexedEscalation,
  access: EscalationAccess,
  roles: RolesOf,
  candidateRoles?: readonly string[],
): ActorVariables {
  const raiser = p.username === e.raisedBy;
  if (raiser && (!candidateRoles || candidateRoles.includes('raising-professional'))) {
    return {
      actorRole: candidateRoles ? 'raising-professional' : e.raisedByRole,
      actorAgency: e.raisedByAgency,
    };
  }
  const m = p.memberships.find((x) => x.partnership === e.partnership);
  if (!m) return { actorRole: null, actorAgency: null };
  const settings = roles(e.partnership)?.roles ?? [];
  const onSide = (name: string) => {
    const role = settings.find((r) => r.role === name);
    return role !== undefined && holdsOnSide(m, role, access);
  };
  const role =
    (candidateRoles ?? m.roles).find((r) => m.roles.includes(r) && onSide(r)) ?? m.roles[0] ?? null;
  const fixedAgency = settings.find((r) => r.role === role)?.agency ?? null;
  return { actorRole: role, actorAgency: m.agency ?? fixedAgency };
}
