/**
 * The access rule's "sees it" as SQL over the escalations index, so lists, counts and pages never
 * include (or count) an escalation the user may not see. It must say exactly what `canSee` says; a
 * property test compares the two on generated users and escalations.
 */
import type { Principal } from '../identity/principal.js';
import type { RolesOf } from './access-rule.js';

/** A WHERE clause on `escalations e` and its parameters. */
export interface SqlFilter {
  where: string;
  params: (string | number)[];
}

export function visibilityFilter(p: Principal, roles: RolesOf): SqlFilter {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const m of p.memberships) {
    const partnershipWide = m.roles.some(
      (r) => roles(m.partnership)?.roles.find((x) => x.role === r)?.scope === 'partnership',
    );
    if (partnershipWide) {
      clauses.push('e.partnership = ?');
      params.push(m.partnership);
      continue;
    }
    const own: string[] = ['e.raised_by = ?'];
    const ownParams: (string | number)[] = [p.username];
    if (m.agency !== null) {
      for (const [agency, organisation] of [
        ['e.raised_by_agency', 'e.raised_by_organisation'],
        ['e.other_agency', 'e.other_organisation'],
      ]) {
        own.push(`(${agency} = ? AND (${organisation} IS NULL OR ${organisation} = ?))`);
        ownParams.push(m.agency, m.organisation ?? '\u0000');
      }
    }
    if (m.roles.length > 0) {
      own.push(
        `EXISTS (SELECT 1 FROM escalation_audience a WHERE a.escalation_id = e.id AND a.role IN (${m.roles.map(() => '?').join(', ')})
           AND ((a.organisation <> '' AND a.organisation = ?) OR (a.organisation = '' AND (a.agency = '' OR a.agency = ?))))`,
      );
      ownParams.push(...m.roles, m.organisation ?? '\u0000', m.agency ?? '\u0000');
    }
    clauses.push(`(e.partnership = ? AND (${own.join(' OR ')}))`);
    params.push(m.partnership, ...ownParams);
  }
  return clauses.length === 0 ? { where: '0', params: [] } : { where: `(${clauses.join(' OR ')})`, params };
}
