import { EngineError } from '../../errors/engine-error.js';

/** A call reached the engine after `close()` (a request racing the shutdown). */
export class EngineClosedError extends EngineError {
  readonly code = 'ENGINE_CLOSED';
  readonly camundaType = 'ProcessEngineException';
  readonly httpStatus = 503;
  constructor() {
    super('The process engine is shutting down; try again when it is back');
    this.name = 'EngineClosedError';
  }
}
