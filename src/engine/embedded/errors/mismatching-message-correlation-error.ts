import { EngineError } from '../../errors/engine-error.js';

/**
 * A message matched no waiting execution and no message start event, or several when one was
 * required (Camunda: MismatchingMessageCorrelationException, which the REST API answers with 400).
 */
export class MismatchingMessageCorrelationError extends EngineError {
  readonly code = 'MISMATCHING_MESSAGE_CORRELATION';
  readonly camundaType = 'MismatchingMessageCorrelationException';
  readonly httpStatus = 400;
  constructor(message: string) {
    super(message);
    this.name = 'MismatchingMessageCorrelationError';
  }
}
