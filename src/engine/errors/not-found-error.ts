import { EngineError } from './engine-error.js';

/** An id that names nothing (Camunda: 404 InvalidRequestException / RestException). */
export class NotFoundError extends EngineError {
  readonly code = 'NOT_FOUND';
  readonly camundaType: string;
  readonly httpStatus = 404;
  constructor(message: string, camundaType = 'InvalidRequestException') {
    super(message);
    this.name = 'NotFoundError';
    this.camundaType = camundaType;
  }
}
