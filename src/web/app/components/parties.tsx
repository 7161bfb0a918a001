/** An escalation's parties in words: "Alder Hey (health) and Children's social care". */
import type { Party } from '../api/types.js';

export function partyName(party: Party): string {
  return party.organisation?.name ? `${party.organisation.name} (${party.agency.name})` : party.agency.name;
}

export function partiesText(parties: Party[]): string {
  const raisedBy = parties.filter((p) => p.side === 'raised-by').map(partyName);
  const other = parties.filter((p) => p.side === 'other').map(partyName);
  return [...raisedBy, ...other].join(' and ');
}
