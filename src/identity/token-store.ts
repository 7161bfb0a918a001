/**
 * Personal access tokens for integrations and scripts: `esc_<id>_<secret>`, shown once; only a
 * SHA-256 of it is stored. A token acts as its user, can expire, and can be revoked.
 */
import { randomBytes } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { sha256 } from '../ledger/chain.js';

export interface TokenInfo {
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

interface Row {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const info = (r: Row): TokenInfo => ({
  id: r.id,
  userId: r.user_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export class TokenStore {
  constructor(private readonly db: Db) {}

  /** A new token for the user; the returned text is the only copy of the secret. */
  create(userId: number, now: Date, expiresAt: Date | null): { token: string; id: string } {
    const id = randomBytes(6).toString('hex');
    const token = `esc_${id}_${randomBytes(24).toString('base64url')}`;
    this.db
      .prepare('INSERT INTO tokens (id, user_id, hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, userId, sha256(token), now.toISOString(), expiresAt?.toISOString() ?? null);
    return { token, id };
  }

  /** The live token's record (not revoked, not expired), or undefined. */
  verify(token: string, now: Date): TokenInfo | undefined {
    const row = this.db.prepare('SELECT * FROM tokens WHERE hash = ?').get(sha256(token)) as Row | undefined;
    if (!row || row.revoked_at !== null) return undefined;
    if (row.expires_at !== null && row.expires_at <= now.toISOString()) return undefined;
    return info(row);
  }

  /** A token's record by its id (the part after `esc_`), whatever its state. */
  byId(id: string): TokenInfo | undefined {
    const row = this.db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as Row | undefined;
    return row && info(row);
  }

  /** Revokes a live token; false when it is unknown or already revoked. */
  revoke(id: string, now: Date): boolean {
    return (
      this.db
        .prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(now.toISOString(), id).changes === 1
    );
  }

  forUser(userId: number): TokenInfo[] {
    return (
      this.db.prepare('SELECT * FROM tokens WHERE user_id = ? ORDER BY created_at').all(userId) as Row[]
    ).map(info);
  }
}
