/**
 * The API's errors in the browser: RFC 9457 problem details with `errors: [{ path, message }]`
 * naming each bad field (`body.caseReference`, `query.page`, `body.subject.name`). Forms show each
 * message next to its field and in the error summary, keyed by the path without its request part.
 */

/** One field's error as the API names it. */
export interface FieldError {
  path: string;
  message: string;
}

/** An `application/problem+json` answer. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** A request that did not succeed: the status, the problem, and for 429 how long to wait. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds from `Retry-After`, when the API sent it. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The field errors by field name (`caseReference`, `subject.name`), first message per field. */
  fieldErrors(): FieldErrors {
    return fieldErrorsOf(this.problem);
  }
}

/** Messages by field name; a form's fields look themselves up here. */
export type FieldErrors = Record<string, string>;

/** `body.subject.name` → `subject.name`: the request part says nothing to a person filling a form. */
export function fieldName(path: string): string {
  return path.replace(/^(body|query|params)(\.|$)/, '');
}

export function fieldErrorsOf(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem.errors ?? []) {
    const name = fieldName(e.path) || '_';
    errors[name] ??= e.message;
  }
  return errors;
}

/** The element id of a field name, as the form components render it (`subject.name` → `subject-name`). */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-');
}
