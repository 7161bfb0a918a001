import { EngineError } from './engine-error.js';

/**
 * A well-formed request the engine refuses in its current state, e.g. completing an external
 * task locked by another worker (Camunda: 400 BadUserRequestException).
 */
export class BadUserRequestError extends EngineError {
  readonly code = 'BAD_USER_REQUEST';
  readonly camundaType = 'BadUserRequestException';
  readonly httpStatus = 400;
  constructor(message: string) {
    super(message);
    this.name = 'BadUserRequestError';
  }
}
