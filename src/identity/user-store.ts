/**
 * Users and their memberships in the application database. Passwords are scrypt hashes; ten failed
 * sign-ins lock an account for fifteen minutes. Nothing here is a child's data; a user's email is
 * where they are told personally (as the raiser of an escalation).
 */
import type { Database as Db } from 'better-sqlite3';
import type { Membership } from './principal.js';

export const MAX_FAILED_SIGN_INS = 10;
export const LOCK_MS = 15 * 60 * 1000;

export interface UserRow {
  id: number;
  username: string;
  email: string;
  passwordHash: string | null;
  admin: boolean;
  disabled: boolean;
  failedSignIns: number;
  lockedUntil: string | null;
}

interface Row {
  id: number;
  username: string;
  email: string;
  password_hash: string | null;
  admin: number;
  disabled: number;
  failed_sign_ins: number;
  locked_until: string | null;
}

interface MembershipRow {
  partnership: string;
  agency: string | null;
  organisation: string | null;
  organisation_name: string | null;
  roles: string;
  reports: number;
  process_owner: number;
}

const toUser = (r: Row): UserRow => ({
  id: r.id,
  username: r.username,
  email: r.email,
  passwordHash: r.password_hash,
  admin: r.admin === 1,
  disabled: r.disabled === 1,
  failedSignIns: r.failed_sign_ins,
  lockedUntil: r.locked_until,
});

const toMembership = (r: MembershipRow): Membership => ({
  partnership: r.partnership,
  agency: r.agency,
  organisation: r.organisation,
  organisationName: r.organisation_name,
  roles: JSON.parse(r.roles) as string[],
  reports: r.reports === 1,
  processOwner: r.process_owner === 1,
});

export class UserStore {
  constructor(private readonly db: Db) {}

  byUsername(username: string): UserRow | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
    return row && toUser(row);
  }

  byId(id: number): UserRow | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
    return row && toUser(row);
  }

  list(): UserRow[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as Row[]).map(toUser);
  }

  memberships(userId: number): Membership[] {
    return (
      this.db
        .prepare('SELECT * FROM memberships WHERE user_id = ? ORDER BY partnership')
        .all(userId) as MembershipRow[]
    ).map(toMembership);
  }

  /** Creates a user with one membership; returns its id. Throws if the username is taken. */
  create(
    user: { username: string; email: string; passwordHash: string; admin: boolean },
    membership: Membership,
    now: Date,
  ): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO users (username, email, password_hash, admin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            user.username,
            user.email,
            user.passwordHash,
            user.admin ? 1 : 0,
            now.toISOString(),
            now.toISOString(),
          ).lastInsertRowid,
      );
      this.putMembership(id, membership);
      return id;
    })();
  }

  /** Adds or replaces the user's membership of one partnership. */
  putMembership(userId: number, m: Membership): void {
    this.db
      .prepare(
        `INSERT INTO memberships (user_id, partnership, agency, organisation, organisation_name, roles, reports, process_owner)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, partnership) DO UPDATE SET agency = excluded.agency, organisation = excluded.organisation,
           organisation_name = excluded.organisation_name, roles = excluded.roles, reports = excluded.reports,
           process_owner = excluded.process_owner`,
      )
      .run(
        userId,
        m.partnership,
        m.agency,
        m.organisation,
        m.organisationName,
        JSON.stringify([...m.roles]),
        m.reports ? 1 : 0,
        m.processOwner ? 1 : 0,
      );
  }

  /**
   * Sets a new password and lifts any lockout. The user's browser sessions end (a new password is
   * usually set because the old one may be known); their tokens are separate credentials and stay.
   * Returns how many sessions ended.
   */
  setPassword(userId: number, passwordHash: string, now: Date): number {
    return this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
        )
        .run(passwordHash, now.toISOString(), userId);
      return this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
    })();
  }

  /**
   * Disables or enables the user. Disabling ends every session and revokes every token at once (one
   * transaction), so enabling again never brings an old credential back. Returns what it ended.
   */
  setDisabled(
    userId: number,
    disabled: boolean,
    now: Date,
  ): { sessionsEnded: number; tokensRevoked: number } {
    return this.db.transaction(() => {
      this.db
        .prepare('UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?')
        .run(disabled ? 1 : 0, now.toISOString(), userId);
      if (!disabled) return { sessionsEnded: 0, tokensRevoked: 0 };
      return {
        sessionsEnded: this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes,
        tokensRevoked: this.db
          .prepare('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
          .run(now.toISOString(), userId).changes,
      };
    })();
  }

  /** Grants or withdraws the `admin` permission (manages users). */
  setAdmin(userId: number, admin: boolean, now: Date): void {
    this.db
      .prepare('UPDATE users SET admin = ?, updated_at = ? WHERE id = ?')
      .run(admin ? 1 : 0, now.toISOString(), userId);
  }

  /** Counts a failed sign-in; the tenth in a row locks the account for {@link LOCK_MS}. */
  recordFailure(userId: number, now: Date): void {
    this.db.transaction(() => {
      const user = this.byId(userId)!;
      const failures = user.failedSignIns + 1;
      const locked =
        failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MS).toISOString() : user.lockedUntil;
      this.db
        .prepare('UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?')
        .run(failures >= MAX_FAILED_SIGN_INS ? 0 : failures, locked, userId);
    })();
  }

  recordSuccess(userId: number): void {
    this.db.prepare('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?').run(userId);
  }
}
