import { EngineError } from '../../errors/engine-error.js';

/**
 * The group commit that carried a call's step did not reach the disk (an I/O error, a full disk):
 * SQLite rolled the whole transaction back, so nothing decided in it happened. The call may be
 * retried. The message names SQLite's error code only.
 */
export class CommitFailedError extends EngineError {
  readonly code = 'COMMIT_FAILED';
  readonly camundaType = 'ProcessEngineException';
  readonly httpStatus = 500;
  constructor(sqliteCode: string, options?: { cause?: unknown }) {
    super(`The transaction could not be committed (${sqliteCode}); nothing of it was applied`, options);
    this.name = 'CommitFailedError';
  }
}
