import { EngineError } from '../../errors/engine-error.js';

/** Claiming a task someone else holds (Camunda: 500 TaskAlreadyClaimedException). */
export class TaskAlreadyClaimedError extends EngineError {
  readonly code = 'TASK_ALREADY_CLAIMED';
  readonly camundaType = 'TaskAlreadyClaimedException';
  readonly httpStatus = 500;
  constructor(taskId: string) {
    super(`Task '${taskId}' is already claimed by someone else.`);
    this.name = 'TaskAlreadyClaimedError';
  }
}
