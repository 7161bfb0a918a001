/**
 * The key that encrypts children's details, documents and record payloads at rest (AES-256-GCM,
 * node:crypto). From `DATA_KEY` (64 hex digits or base64 of 32 bytes), or, for the embedded default
 * only, a key file created beside the databases with mode 0600 and never copied into a backup.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { DataKeyError } from './errors/data-key-error.js';

export { DataKeyError } from './errors/data-key-error.js';

/** A loaded key and where it came from (for messages: never the key itself). */
export interface DataKey {
  readonly bytes: Buffer;
  readonly source: 'DATA_KEY' | 'key file';
  readonly keyFile: string | null;
}

/** Reads `DATA_KEY` text: 64 hex digits or base64 of 32 bytes. */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32 || (!/^[0-9a-f]{64}$/i.test(trimmed) && bytes.toString('base64') !== trimmed)) {
    throw new DataKeyError(
      'DATA_KEY must be 32 bytes: 64 hex digits, or base64 (e.g. `openssl rand -base64 32`)',
    );
  }
  return bytes;
}

export interface LoadKeyOptions {
  /** The `DATA_KEY` environment variable, if set. */
  dataKey: string | undefined;
  /** The key file of the embedded default. */
  keyFile: string;
  /** Whether a missing key file may be created (the embedded default; never with a remote engine). */
  mayCreate: boolean;
}

/** The key to use, creating the key file when allowed and absent. */
export function loadDataKey({ dataKey, keyFile, mayCreate }: LoadKeyOptions): DataKey {
  if (dataKey !== undefined && dataKey.trim() !== '') {
    return { bytes: parseDataKey(dataKey), source: 'DATA_KEY', keyFile: null };
  }
  if (!existsSync(keyFile)) {
    if (!mayCreate) {
      throw new DataKeyError(
        `no encryption key: set DATA_KEY (64 hex digits or base64 of 32 bytes), or let the embedded default create ${keyFile}`,
      );
    }
    // 'wx': never overwrite a key another process created a moment ago.
    try {
      writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const mode = statSync(keyFile).mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
  try {
    return { bytes: parseDataKey(readFileSync(keyFile, 'utf8')), source: 'key file', keyFile };
  } catch (error) {
    if (error instanceof DataKeyError) throw new DataKeyError(`${keyFile} does not hold a valid key`);
    throw error;
  }
}
