/**
 * Authenticated encryption of one value (AES-256-GCM). The associated data binds a sealed value to
 * the row it belongs to (e.g. `subject:liverpool:LCC/2026/00042`), so a ciphertext copied into
 * another row does not open there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { UnsealableError } from './errors/unsealable-error.js';

export { UnsealableError } from './errors/unsealable-error.js';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `version | iv | tag | ciphertext`. */
export function seal(key: Buffer, plaintext: Buffer | string, associatedData: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** The plaintext of a sealed value. @throws UnsealableError naming `associatedData`'s kind only. */
export function unseal(key: Buffer, sealed: Buffer, associatedData: string): Buffer {
  const what = associatedData.split(':')[0] ?? 'value';
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new UnsealableError(what);
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new UnsealableError(what);
  }
}

/** Seals a JSON value. */
export function sealJson(key: Buffer, value: unknown, associatedData: string): Buffer {
  return seal(key, JSON.stringify(value), associatedData);
}

/** Opens a sealed JSON value. */
export function unsealJson<T>(key: Buffer, sealed: Buffer, associatedData: string): T {
  return JSON.parse(unseal(key, sealed, associatedData).toString('utf8')) as T;
}
