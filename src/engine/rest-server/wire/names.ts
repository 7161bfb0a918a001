/**
 * Guards for names that arrive in paths, bodies and file parts. Camunda accepts almost any
 * variable name; we refuse the few shapes that only ever appear in attacks (path separators,
 * `..`, control characters) or that no database column can hold, so such a request gets a 400
 * that names the field and changes nothing.
 */
import { InvalidRequestError } from '../../errors/index.js';

/** Camunda's NAME_ columns are varchar(255). */
const MAX_NAME = 255;

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse here.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A process or task variable's name. */
export function checkVariableName(name: string, field: string): void {
  if (name.length === 0 || name.length > MAX_NAME) {
    throw new InvalidRequestError(`${field}: a variable name must have 1 to ${MAX_NAME} characters`, field);
  }
  if (CONTROL.test(name) || name.includes('/') || name.includes('\\') || name.split('.').includes('')) {
    throw new InvalidRequestError(
      `${field}: a variable name must not contain '/', '\\', control characters or empty '.' segments`,
      field,
    );
  }
}

/** A deployment resource's file name: a plain file name, never a path. */
export function checkResourceName(name: string, field: string): void {
  if (name.length === 0 || name.length > MAX_NAME) {
    throw new InvalidRequestError(`${field}: a resource name must have 1 to ${MAX_NAME} characters`, field);
  }
  if (CONTROL.test(name) || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
    throw new InvalidRequestError(
      `${field}: a resource name must be a plain file name (no '/', '\\', leading '.' or control characters)`,
      field,
    );
  }
}
