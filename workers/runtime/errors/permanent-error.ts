/**
 * A fault that retrying cannot fix (an unknown template, a role that resolves to nobody, missing
 * required data): the task is failed with retries 0 and these details, which opens an incident a
 * person can see, fix and retry with `PUT /external-task/{id}/retries`. The message names ids,
 * roles and variable names only, never a personal value.
 */
export class PermanentError extends Error {
  readonly code: string;
  constructor(message: string, code = 'PERMANENT') {
    super(message);
    this.name = 'PermanentError';
    this.code = code;
  }
}
