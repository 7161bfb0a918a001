/**
 * Who owns a partnership's diagrams: a member holding the `process-owner` permission there, and
 * which partnership a process key belongs to (from each `partnership.json`'s diagrams).
 */
import type { Principal } from '../../identity/principal.js';
import type { ApiDependencies } from '../deps.js';

/** The partnerships where the principal is a process owner. */
export function ownedPartnerships(p: Principal): Set<string> {
  return new Set(p.memberships.filter((m) => m.processOwner).map((m) => m.partnership));
}

/** Process key → the partnership whose `partnership.json` lists it. */
export function partnershipOfKey(deps: ApiDependencies): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const entry of deps.partnerships.values())
    for (const d of entry.settings.diagrams) out.set(d.key, entry.settings.id);
  return out;
}
