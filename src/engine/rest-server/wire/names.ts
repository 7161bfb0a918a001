/**
 * Guards for names that arrive in paths, bodies and file parts. Camunda accepts almost any
 * variable name; we refuse the few shapes that only ever appear in attacks (path separators,
 * `..`, control characters) or that no database column can hold, so such a request gets a 400
 * that names the field and changes nothing. The resource-name rule is the input policy's
 * (`src/http/input-policy.ts`), shared with the escalations API.
 */
import { InvalidRequestError } from '../../errors/index.js';
import { MAX_NAME_LENGTH, resourceNameProblem, shownField } from '../../../http/input-policy.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse here.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A process or task variable's name; `field` names it in the error (shortened when long). */
export function checkVariableName(name: string, longField: string): void {
  const field = shownField(longField);
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new InvalidRequestError(
      `${field}: a variable name must have 1 to ${MAX_NAME_LENGTH} characters`,
      field,
    );
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
 * (`processes/liverpool/escalation.bpmn`), as `escalation deploy` and Camunda's classpath
 * deployments name resources; see {@link resourceNameProblem} for what is refused.
 */
export function checkResourceName(name: string, longField: string): void {
  const problem = resourceNameProblem(name);
  if (problem === null) return;
  const field = shownField(longField);
  throw new InvalidRequestError(`${field}: ${problem}`, field);
}
