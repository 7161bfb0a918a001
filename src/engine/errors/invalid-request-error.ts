import { EngineError } from './engine-error.js';

/** Bad input from a caller; `field` names what is wrong (Camunda: 400 InvalidRequestException). */
export class InvalidRequestError extends EngineError {
  readonly code = 'INVALID_REQUEST';
  readonly camundaType = 'InvalidRequestException';
  readonly httpStatus = 400;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}
