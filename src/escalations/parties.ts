/**
 * An escalation's two parties as people read them: the raiser's and the other side's agency (its
 * name from the partnership's roles.json) and organisation when one is named (its name as the
 * organisation's members were registered with, `users add --organisation-name`). The index keeps
 * ids only; names are looked up when shown.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Roles } from '../../processes/roles-schema.js';
import type { IndexedEscalation } from './escalation-index.js';

export interface PartyView {
  side: 'raised-by' | 'other';
  agency: { id: string; name: string };
  /** Null when the party is the whole agency. */
  organisation: { id: string; name: string | null } | null;
}

/** An organisation's registered name, if any member has one. */
export type OrganisationNames = (partnership: string, agency: string, organisation: string) => string | null;

/** Names from the memberships of the organisation's people (read only; the identity store writes them). */
export function organisationNamesFrom(db: Db): OrganisationNames {
  const query = db.prepare(
    `SELECT organisation_name AS name FROM memberships WHERE partnership = ? AND agency = ? AND organisation = ?
       AND organisation_name IS NOT NULL AND organisation_name <> '' LIMIT 1`,
  );
  return (partnership, agency, organisation) =>
    (query.get(partnership, agency, organisation) as { name: string } | undefined)?.name ?? null;
}

export function partiesOf(
  e: IndexedEscalation,
  roles: Roles | undefined,
  names: OrganisationNames,
): PartyView[] {
  const agencyName = (id: string) => roles?.agencies.find((a) => a.id === id)?.name ?? id;
  const party = (side: PartyView['side'], agency: string, organisation: string | null): PartyView => ({
    side,
    agency: { id: agency, name: agencyName(agency) },
    organisation:
      organisation === null ? null : { id: organisation, name: names(e.partnership, agency, organisation) },
  });
  return [
    party('raised-by', e.raisedByAgency, e.raisedByOrganisation),
    party('other', e.otherAgency, e.otherOrganisation),
  ];
}
