/** A sealed value does not open with this key (wrong key, or the bytes were changed). */
export class UnsealableError extends Error {
  readonly code = 'UNSEALABLE';
  constructor(what: string) {
    super(`${what} cannot be decrypted with this key (a different DATA_KEY, or changed bytes)`);
    this.name = 'UnsealableError';
  }
}
