/** Camunda 7's checks on who may act on an external task, with its exact messages. */
import { BadUserRequestError } from '../../errors/bad-user-request-error.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { Store } from '../store/database.js';
import type { ExternalTaskRow } from '../store/rows.js';

export type TaskAction = 'complete' | 'failure' | 'bpmnError' | 'extendLock';

const PREFIX: Record<TaskAction, (id: string) => string> = {
  complete: (id) => `External Task ${id} cannot be completed by worker`,
  failure: (id) => `Failure of External Task ${id} cannot be reported by worker`,
  bpmnError: (id) => `Bpmn error of External Task ${id} cannot be reported by worker`,
  extendLock: (id) => `The lock of the External Task ${id} cannot be extended by worker`,
};

/** Camunda 7 / Operaton print a stray quote after the worker in this one message; we match it. */
const WORKER_SUFFIX: Record<TaskAction, string> = {
  complete: "'",
  failure: "'",
  bpmnError: "'",
  extendLock: "''",
};

export function findTask(store: Store, id: string): ExternalTaskRow {
  const row = store.sql('SELECT * FROM external_task WHERE id = ?').get(id) as ExternalTaskRow | undefined;
  if (!row) throw new NotFoundError(`External task with id ${id} does not exist`);
  return row;
}

/** Only the worker holding the lock may act on the task. */
export function checkWorker(task: ExternalTaskRow, workerId: string, action: TaskAction): void {
  if (task.worker_id === workerId) return;
  throw new BadUserRequestError(
    `${PREFIX[action](task.id)} '${workerId}${WORKER_SUFFIX[action]}. It is locked by worker '${task.worker_id}'.`,
  );
}

/** A lock can be extended only while it holds. */
export function checkLockHolds(task: ExternalTaskRow, now: number): void {
  if (task.lock_expiration === null || task.lock_expiration < now) {
    throw new BadUserRequestError('Cannot extend a lock that expired');
  }
}

export function checkNotLockedByOther(task: ExternalTaskRow, workerId: string, now: number): void {
  const held = task.lock_expiration !== null && task.lock_expiration > now;
  if (!held || task.worker_id === workerId) return;
  throw new BadUserRequestError(
    `External Task ${task.id} cannot be locked by worker '${workerId}'. It is locked by worker '${task.worker_id}'.`,
  );
}

/** Camunda's check on retries (`PUT …/retries`, `failure`), with its message. */
export function checkRetries(value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new BadUserRequestError(
      'The number of retries cannot be negative: retries is not greater than or equal to 0',
    );
  }
}

export function checkNonNegative(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new BadUserRequestError(`${field} must be a non-negative whole number`);
  }
}
