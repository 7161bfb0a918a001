import { EngineError } from '../../errors/engine-error.js';

/**
 * An answer from a remote Camunda / Operaton that no port error class stands for (e.g. 401, 403,
 * a 500 RestException). Keeps the remote status and exception type.
 */
export class RemoteEngineError extends EngineError {
  readonly code = 'REMOTE_ENGINE';
  constructor(
    message: string,
    readonly httpStatus: number,
    readonly camundaType: string,
  ) {
    super(message);
    this.name = 'RemoteEngineError';
  }
}
