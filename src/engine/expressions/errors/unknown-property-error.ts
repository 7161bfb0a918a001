import { ProcessEngineError } from '../../errors/process-engine-error.js';

/**
 * An expression read a variable (or a property of one) that does not exist. Camunda 7 wraps JUEL's
 * PropertyNotFoundException as `Unknown property used in expression: ${stageDue}. Cause: Cannot resolve
 * identifier 'stageDue'`; the message here is the same, so callers see what Camunda's callers see.
 */
export class UnknownPropertyError extends ProcessEngineError {
  constructor(
    /** The expression text as written in the diagram. */
    readonly expression: string,
    /** The missing root identifier, or the missing property name for a path like `a.b`. */
    readonly identifier: string,
    /** JUEL's cause, e.g. `Cannot resolve identifier 'stageDue'`. */
    cause: string = `Cannot resolve identifier '${identifier}'`,
  ) {
    super(`Unknown property used in expression: ${expression}. Cause: ${cause}`, 'UNKNOWN_PROPERTY');
    this.name = 'UnknownPropertyError';
  }
}
