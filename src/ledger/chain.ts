/**
 * Hash chains for the append-only record and the audit log: each entry's hash covers a canonical
 * JSON of its fields and the previous entry's hash, so changing, removing or reordering any entry
 * breaks every hash after it, and `verify` names the first entry that no longer fits.
 */
import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level and no whitespace: one text per value, whatever
 * the order in which fields were set. Dates become ISO strings; undefined fields are left out.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 in hex. */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of an entry: SHA-256 over the canonical JSON of its fields plus the previous hash. */
export function entryHash(fields: Record<string, unknown>, prevHash: string): string {
  return sha256(canonicalJson({ ...fields, prevHash }));
}
