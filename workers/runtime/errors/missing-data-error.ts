import { PermanentError } from './permanent-error.js';

/** A variable or input the task needs is missing or of the wrong type. Names it, never its value. */
export class MissingDataError extends PermanentError {
  constructor(what: string, expected: string) {
    super(`${what} is missing or not ${expected}`, 'MISSING_DATA');
    this.name = 'MissingDataError';
  }
}
