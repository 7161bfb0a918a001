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

/**
 * A deployment resource's name: a file name or a relative path of plain segments
 * (`processes/liverpool/escalation.bpmn`), as Camunda's classpath deployments name resources.
 * Never absolute, never a `.`/`..` or hidden segment, never a backslash: names are stored and
 * shown, and must not read as a way out of a directory to anything that later writes them to disk.
 */
export function checkResourceName(name: string, field: string): void {
  if (name.length === 0 || name.length > MAX_NAME) {
    throw new InvalidRequestError(`${field}: a resource name must have 1 to ${MAX_NAME} characters`, field);
  }
  const segments = name.split('/');
  if (CONTROL.test(name) || name.includes('\\') || segments.some((s) => s === '' || s.startsWith('.'))) {
    throw new InvalidRequestError(
      `${field}: a resource name must be a file name or a relative path of plain names ` +
        `(no leading '/', no '.' or '..' segments, no '\\' or control characters)`,
      field,
    );
  }
}
