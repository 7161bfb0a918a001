/** The encryption key is missing, unreadable or malformed. Never carries key material. */
export class DataKeyError extends Error {
  readonly code = 'DATA_KEY';
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}
