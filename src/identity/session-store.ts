/**
 * Browser sessions: a random id in an HttpOnly cookie (only its SHA-256 is stored) and a CSRF token
 * that every state-changing request with the cookie must send back in `X-CSRF-Token`.
 */
import { randomBytes } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { sha256 } from '../ledger/chain.js';

/** How long a session lasts without signing in again. */
export const SESSION_MS = 8 * 60 * 60 * 1000;

export interface Session {
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

export class SessionStore {
  constructor(private readonly db: Db) {}

  create(userId: number, now: Date): { id: string; csrfToken: string } {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    this.db
      .prepare(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        sha256(id),
        userId,
        csrfToken,
        now.toISOString(),
        new Date(now.getTime() + SESSION_MS).toISOString(),
      );
    return { id, csrfToken };
  }

  find(id: string, now: Date): Session | undefined {
    const row = this.db
      .prepare('SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?')
      .get(sha256(id), now.toISOString()) as
      { user_id: number; csrf_token: string; expires_at: string } | undefined;
    return row && { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(id));
  }

  /** Removes expired sessions (run now and then). */
  prune(now: Date): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
  }
}
