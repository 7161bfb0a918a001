import { EngineError } from './engine-error.js';

/**
 * A modelling or runtime failure Camunda 7 reports as 500 ProcessEngineException, e.g. a step that
 * needs `${stageDue}` when no such variable exists. The step rolled back; nothing changed.
 */
export class ProcessEngineError extends EngineError {
  readonly code: string;
  readonly camundaType = 'ProcessEngineException';
  readonly httpStatus = 500;
  constructor(message: string, code = 'PROCESS_ENGINE') {
    super(message);
    this.name = 'ProcessEngineError';
    this.code = code;
  }
}
