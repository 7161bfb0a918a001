/**
 * Runs topic workers on the official client. Every task ends explicitly: completed with typed
 * variables; failed with retries counting down and a growing timeout (TransientError, and any
 * unexpected error); failed with retries 0 and details, opening an incident (PermanentError); or a
 * BPMN error where the diagram models it. A handler's error is never swallowed: it becomes the
 * task's failure. `stop()` stops fetching, lets the tasks in flight finish, and unlocks any task
 * that arrives after it.
 */
import type { Logger } from '../../src/log/logger.js';
import { PermanentError } from './errors/permanent-error.js';
import {
  createClient,
  toClientVariables,
  type ClientOptions,
  type PollingClient,
  type TaskService,
} from './official-client.js';
import { DEFAULT_RETRY_POLICY, nextRetry, type RetryPolicy } from './retry-policy.js';
import { TaskView, type RawTask } from './task.js';
import type { TaskResult, TopicWorker } from './topic-worker.js';

export interface RunnerOptions extends ClientOptions {
  workers: readonly TopicWorker[];
  logger: Logger;
  retryPolicy?: RetryPolicy;
  /** For tests: a client other than the official one. */
  client?: PollingClient;
}

/** Running workers. */
export interface RunningWorkers {
  /** Stops fetching, waits for the tasks in flight, unlocks late arrivals; resolves when idle. */
  stop(): Promise<void>;
  /** Tasks being handled right now. */
  inFlight(): number;
}

export function startWorkers(options: RunnerOptions): RunningWorkers {
  const client = options.client ?? createClient(options);
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  client.on('poll:error', (error) =>
    options.logger.warn('worker poll failed', { reason: reasonOf(error), workerId: options.workerId }),
  );
  // The runner catches every handler error itself; this event firing would be a defect: say so loudly.
  client.on('handler:error', (error) =>
    options.logger.error('worker handler escaped the runner', { reason: reasonOf(error) }),
  );
  for (const worker of options.workers) {
    client.subscribe(worker.topic, worker.fetch ?? {}, ({ task, taskService }) => {
      if (stopping) return unlockLate(task, taskService, options.logger);
      const run = runTask(worker, task, taskService, policy, options.logger);
      inFlight.add(run);
      return run.finally(() => inFlight.delete(run));
    });
  }
  client.start();
  return {
    async stop() {
      stopping = true;
      client.stop();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    inFlight: () => inFlight.size,
  };
}

async function runTask(
  worker: TopicWorker,
  task: RawTask,
  taskService: TaskService,
  policy: RetryPolicy,
  logger: Logger,
): Promise<void> {
  let result: TaskResult;
  try {
    result = await worker.handle(new TaskView(task));
  } catch (error) {
    return fail(task, taskService, error, policy, logger);
  }
  try {
    if (result.kind === 'complete') await taskService.complete(task, toClientVariables(result.variables));
    else await taskService.handleBpmnError(task, result.errorCode, result.errorMessage);
    logger.info('task ended', {
      taskId: task.id,
      topic: task.topicName,
      activityId: task.activityId,
      outcome: result.kind,
    });
  } catch (error) {
    // The engine refused the completion (e.g. a variable a later expression needs is missing) or is
    // unreachable: fail the task so the refusal is visible, with the engine's reason.
    return fail(task, taskService, error, policy, logger);
  }
}

async function fail(
  task: RawTask,
  taskService: TaskService,
  error: unknown,
  policy: RetryPolicy,
  logger: Logger,
): Promise<void> {
  const permanent = error instanceof PermanentError;
  const { retries, retryTimeout } = permanent
    ? { retries: 0, retryTimeout: 0 }
    : nextRetry(task.retries ?? null, policy);
  const errorMessage = reasonOf(error).slice(0, 600);
  const errorDetails = `${codeOf(error)}: ${errorMessage}`;
  try {
    await taskService.handleFailure(task, { errorMessage, errorDetails, retries, retryTimeout });
    logger.warn('task failed', {
      taskId: task.id,
      topic: task.topicName,
      activityId: task.activityId,
      code: codeOf(error),
      retries,
      retryTimeout,
    });
  } catch (reportError) {
    // Nothing more can be done from here: the lock expires and the engine hands the task out again.
    logger.error('task failure could not be reported; it will be redelivered when its lock expires', {
      taskId: task.id,
      topic: task.topicName,
      code: codeOf(error),
      reason: reasonOf(reportError),
    });
  }
}

async function unlockLate(task: RawTask, taskService: TaskService, logger: Logger): Promise<void> {
  try {
    await taskService.unlock(task);
  } catch (error) {
    logger.warn('could not unlock a task fetched while stopping; its lock will expire', {
      taskId: task.id,
      reason: reasonOf(error),
    });
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}

/** One line describing an error; our errors never carry personal values. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return String(error);
}
