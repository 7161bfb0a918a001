/** What an {@link InputPolicyError} refused; stable, for clients and logs. */
export type InputPolicyCode =
  | 'JSON_TOO_DEEP'
  | 'BODY_TOO_LARGE'
  | 'VALUE_TOO_DEEP'
  | 'VALUE_TOO_LARGE'
  | 'UPLOAD_TOO_LARGE'
  | 'PART_TOO_LARGE'
  | 'FIELD_TOO_LARGE'
  | 'TOO_MANY_PARTS'
  | 'BAD_RESOURCE_NAME';

/**
 * A request broke the input policy (`src/http/input-policy.ts`): too deep, too large, too many
 * parts or a bad name. The message names the field and the limit and never quotes the value
 * (it could be personal data or megabytes long). `status` is 400, or 413 for sizes.
 */
export class InputPolicyError extends Error {
  constructor(
    readonly code: InputPolicyCode,
    readonly status: 400 | 413,
    /** The field, variable or part concerned, as the client named it (shortened if very long). */
    readonly field: string,
    /** The limit that was broken, when it is a number. */
    readonly limit: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'InputPolicyError';
  }
}
