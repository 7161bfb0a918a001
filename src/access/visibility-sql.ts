/**
 * The access rule's "sees it" as SQL over the escalations index, so lists, counts and pages never
 * include (or count) an escalation the user may not see. It must say exactly what `canSee` says; a
 * property test compares the two on generated users and escalations.
 */
import type { Membership, Principal } from '../identity/principal.js';
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
    // Two forms of the same rule, chosen for speed (docs/benchmarks.md, "API"): a member of a named
    // organisation sees few of the partnership's escalations, found by index searches; a whole
    // agency sees most of them, and a scan of the partnership's rows finds a page's soonest.
    const clause = partnershipWide
      ? { sql: 'e.partnership = ?', params: [m.partnership] }
      : m.organisation !== null
        ? searchesOf(p.username, m)
        : scanOf(p.username, m);
    clauses.push(clause.sql);
    params.push(...clause.params);
  }
  return clauses.length === 0 ? { where: '0', params: [] } : { where: `(${clauses.join(' OR ')})`, params };
}

interface Clause {
  sql: string;
  params: (string | number)[];
}

/**
 * The membership's own escalations as a test of each row of its partnership: raised by the user;
 * a party is its agency, named by its organisation or not named; or the procedure told one of its
 * roles, at its organisation or at its agency (or at every agency).
 */
function scanOf(username: string, m: Membership): Clause {
  const own: string[] = ['e.raised_by = ?'];
  const ownParams: (string | number)[] = [username];
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
  return { sql: `(e.partnership = ? AND (${own.join(' OR ')}))`, params: [m.partnership, ...ownParams] };
}

/**
 * The same escalations as {@link scanOf}, each test its own search of an index (migration 5), so
 * that a page and its count read only the rows the member sees.
 */
function searchesOf(username: string, m: Membership): Clause {
  const sql = ['SELECT rowid FROM escalations WHERE partnership = ? AND raised_by = ?'];
  const params: (string | number)[] = [m.partnership, username];
  if (m.agency !== null) {
    for (const [agency, organisation] of [
      ['raised_by_agency', 'raised_by_organisation'],
      ['other_agency', 'other_organisation'],
    ]) {
      sql.push(
        `SELECT rowid FROM escalations WHERE partnership = ? AND ${agency} = ? AND ${organisation} IS NULL`,
        `SELECT rowid FROM escalations WHERE partnership = ? AND ${agency} = ? AND ${organisation} = ?`,
      );
      params.push(m.partnership, m.agency, m.partnership, m.agency, m.organisation ?? '\u0000');
    }
  }
  if (m.roles.length > 0) {
    const told = `SELECT t.rowid FROM escalation_audience a JOIN escalations t ON t.id = a.escalation_id
       WHERE t.partnership = ? AND a.role IN (${m.roles.map(() => '?').join(', ')})`;
    sql.push(
      `${told} AND a.organisation <> '' AND a.organisation = ?`,
      `${told} AND a.organisation = '' AND a.agency IN ('', ?)`,
    );
    params.push(m.partnership, ...m.roles, m.organisation ?? '\u0000');
    params.push(m.partnership, ...m.roles, m.agency ?? '\u0000');
  }
  return { sql: `e.rowid IN (${sql.join(' UNION ALL ')})`, params };
}
