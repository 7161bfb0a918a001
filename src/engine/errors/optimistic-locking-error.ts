import { EngineError } from './engine-error.js';

/** Two callers changed the same thing at once and this one lost (Camunda: OptimisticLockingException). */
export class OptimisticLockingError extends EngineError {
  readonly code = 'OPTIMISTIC_LOCKING';
  readonly camundaType = 'OptimisticLockingException';
  readonly httpStatus = 500;
  constructor(message: string) {
    super(message);
    this.name = 'OptimisticLockingError';
  }
}
