/**
 * Who is asking: a user and their memberships. A membership is one partnership: the user's
 * organisation within one of its agencies (a named school, trust, force, council service), or the
 * partnership itself (`agency` null: its business office, chairs and panels), and the roles they hold
 * there (`roles.json`'s names, the same as the user tasks' candidate groups), plus the permissions
 * `reports` and `process-owner` there. `admin` (manages users) is not per partnership.
 */
export interface Membership {
  partnership: string;
  /** The agency (a sector from roles.json), or null for the partnership's own staff. */
  agency: string | null;
  /** The organisation within the agency, or null when the user acts for the whole agency. */
  organisation: string | null;
  organisationName: string | null;
  roles: readonly string[];
  reports: boolean;
  processOwner: boolean;
}

export interface Principal {
  userId: number;
  username: string;
  email: string;
  admin: boolean;
  memberships: readonly Membership[];
  /** How they signed in: a browser session (needs CSRF on writes) or a personal access token. */
  via: 'session' | 'token';
  /** The token's id, for the audit log. */
  tokenId?: string;
}

/** The audit log's name for a principal. */
export function actorOf(p: Principal): string {
  return p.via === 'token' ? `token:${p.tokenId}:${p.username}` : `user:${p.username}`;
}
