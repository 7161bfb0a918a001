/** Which partnerships' diagrams a user owns: memberships with the `process-owner` permission. */
import type { User } from '../../api/types.js';

export function ownedPartnerships(user: User): string[] {
  return [...new Set(user.memberships.filter((m) => m.processOwner).map((m) => m.partnership))];
}

export function ownsDiagramsOf(user: User, partnership: string): boolean {
  return ownedPartnerships(user).includes(partnership);
}
