import { EngineError } from '../../errors/engine-error.js';

/**
 * An answer from a remote Camunda / Operaton that no port error class stands for (e.g. 401, 403 or
 * 405: http-client.ts maps every 400, 404 and 500 to the port's own classes). Keeps the remote
 * status and exception type.
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
