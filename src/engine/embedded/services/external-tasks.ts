/** External tasks: fetch and lock (with long polling), complete, fail, BPMN error, locks, retries. */
import type {
  CompleteExternalTaskInput,
  ExternalTask,
  ExternalTaskBpmnErrorInput,
  ExternalTaskFailureInput,
  ExternalTaskQuery,
  FetchAndLockInput,
  FetchOptions,
  LockedExternalTask,
  VariableMap,
} from '../../port.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { EngineCore } from '../core.js';
import { completeActivity } from '../runtime/activities.js';
import { throwError } from '../runtime/events.js';
import { closeIncidents, createIncident } from '../runtime/incidents.js';
import type { Step } from '../runtime/step.js';
import { scopeChain, setLocalVariables, setVariables } from '../runtime/variables.js';
import { validateVariables } from '../values/validate-variables.js';
import type { ActivityRow, ExternalTaskRow } from '../store/rows.js';
import { externalTaskQuery, EXTERNAL_TASK_SORT } from './external-task-query.js';
import {
  checkLockHolds,
  checkNonNegative,
  checkRetries,
  checkNotLockedByOther,
  checkWorker,
  findTask,
  type TaskAction,
} from './external-task-rules.js';
import { fetchAndLockNow } from './external-task-fetch.js';
import { LongPoll } from './long-poll.js';
import { toExternalTask } from './mappers.js';
import { orderBy } from '../queries/sql-query.js';

export class ExternalTaskService {
  readonly longPoll: LongPoll;

  constructor(private readonly core: EngineCore) {
    const { store, clock } = core.ctx;
    this.longPoll = new LongPoll({
      clock,
      fetchNow: (input) => fetchAndLockNow(store, clock.now(), input),
      nextLockExpiry: () =>
        (
          store
            .sql('SELECT min(lock_expiration) AS at FROM external_task WHERE lock_expiration > ?')
            .get(clock.now()) as {
            at: number | null;
          }
        ).at,
    });
    core.onCommit((effects) => {
      if (effects.topics.size > 0) this.longPoll.notify(effects.topics);
      else this.longPoll.armLockWake();
    });
  }

  async fetchAndLock(input: FetchAndLockInput, options?: FetchOptions): Promise<LockedExternalTask[]> {
    const tasks = await this.longPoll.fetch(input, options);
    await this.attachProperties(input, tasks);
    return tasks;
  }

  /** `includeExtensionProperties`: the activity's `camunda:properties`, from its definition's model. */
  private async attachProperties(input: FetchAndLockInput, tasks: LockedExternalTask[]): Promise<void> {
    for (const task of tasks) {
      const topic = input.topics.find((t) => t.topicName === task.topicName);
      task.extensionProperties = {};
      if (!topic?.includeExtensionProperties) continue;
      const { model } = await this.core.ctx.models.ensure(task.processDefinitionId);
      task.extensionProperties = { ...(model.nodes.get(task.activityId)?.info.properties ?? {}) };
    }
  }

  /**
   * Runs `work` on a task's instance after re-reading the task inside the transaction. With
   * `holder`, only that worker may act (Camunda's check), checked before the instance is loaded
   * and again inside the step, where it counts.
   */
  private async onTask(
    id: string,
    holder: { workerId: string; action: TaskAction } | null,
    work: (step: Step, task: ExternalTaskRow, activity: ActivityRow) => void,
  ): Promise<void> {
    const task = findTask(this.core.store, id);
    if (holder) checkWorker(task, holder.workerId, holder.action);
    try {
      await this.core.step(
        task.process_instance_id,
        (step) => {
          const current = findTask(step.store, id);
          if (holder) checkWorker(current, holder.workerId, holder.action);
          work(step, current, step.instance.activities.get(current.activity_instance_id)!);
        },
        task.definition_id,
      );
    } catch (error) {
      // A racing call finished the task (and maybe its instance) first: the task is what is missing.
      if (error instanceof NotFoundError) findTask(this.core.store, id);
      throw error;
    }
  }

  async completeExternalTask(id: string, input: CompleteExternalTaskInput): Promise<void> {
    validateVariables(input.variables, 'variables');
    validateVariables(input.localVariables, 'localVariables');
    await this.onTask(id, { workerId: input.workerId, action: 'complete' }, (step, task, activity) => {
      setTaskVariables(step, activity, input);
      removeTask(step, task);
      completeActivity(step, activity);
    });
  }

  async handleExternalTaskFailure(id: string, input: ExternalTaskFailureInput): Promise<void> {
    checkRetries(input.retries);
    validateVariables(input.variables, 'variables');
    validateVariables(input.localVariables, 'localVariables');
    await this.onTask(id, { workerId: input.workerId, action: 'failure' }, (step, task, activity) => {
      setTaskVariables(step, activity, input);
      const retryAt = step.now + Math.max(0, input.retryTimeout ?? 0);
      step.store
        .sql(
          'UPDATE external_task SET retries = ?, error_message = ?, error_details = ?, lock_expiration = ? WHERE id = ?',
        )
        .run(input.retries, input.errorMessage ?? null, input.errorDetails ?? null, retryAt, id);
      if (input.retries === 0) failedTaskIncident(step, task, input.errorMessage ?? null);
      else if (retryAt <= step.now) step.effects.topics.add(task.topic);
    });
  }

  async handleExternalTaskBpmnError(id: string, input: ExternalTaskBpmnErrorInput): Promise<void> {
    validateVariables(input.variables, 'variables');
    await this.onTask(id, { workerId: input.workerId, action: 'bpmnError' }, (step, task, activity) => {
      // Camunda's BPMN error takes no local variables.
      setTaskVariables(step, activity, { variables: input.variables });
      removeTask(step, task);
      throwError(step, activity, activity.parent_id, input.errorCode);
    });
  }

  async extendExternalTaskLock(id: string, input: { workerId: string; newDuration: number }): Promise<void> {
    checkNonNegative(input.newDuration, 'lockDuration');
    this.core.store.transaction(() => {
      const task = findTask(this.core.store, id);
      const now = this.core.ctx.clock.now();
      checkLockHolds(task, now);
      checkWorker(task, input.workerId, 'extendLock');
      this.core.store
        .sql('UPDATE external_task SET lock_expiration = ? WHERE id = ?')
        .run(now + input.newDuration, id);
    });
    this.longPoll.armLockWake();
  }

  async lockExternalTask(id: string, input: { workerId: string; lockDuration: number }): Promise<void> {
    checkNonNegative(input.lockDuration, 'lockDuration');
    this.core.store.transaction(() => {
      const task = findTask(this.core.store, id);
      const now = this.core.ctx.clock.now();
      checkNotLockedByOther(task, input.workerId, now);
      this.core.store
        .sql('UPDATE external_task SET worker_id = ?, lock_expiration = ? WHERE id = ?')
        .run(input.workerId, now + input.lockDuration, id);
    });
    this.longPoll.armLockWake();
  }

  async unlockExternalTask(id: string): Promise<void> {
    // In the turn's group commit: a waiting poll handed the task commits in the same fsync.
    const task = this.core.store.transaction(() => {
      const found = findTask(this.core.store, id);
      this.core.store
        .sql('UPDATE external_task SET worker_id = NULL, lock_expiration = NULL WHERE id = ?')
        .run(id);
      return found;
    });
    this.longPoll.notify(new Set([task.topic]));
  }

  async setExternalTaskRetries(id: string, retries: number): Promise<void> {
    checkRetries(retries);
    await this.onTask(id, null, (step, task) => {
      step.store.sql('UPDATE external_task SET retries = ? WHERE id = ?').run(retries, id);
      const open = step.store.sql('SELECT 1 FROM incident WHERE configuration = ?').get(id) !== undefined;
      if (retries > 0 && open) closeIncidents(step, id, 'resolved');
      if (retries === 0 && !open) failedTaskIncident(step, task, task.error_message);
      if (retries > 0) step.effects.topics.add(task.topic);
    });
  }

  async listExternalTasks(query: ExternalTaskQuery = {}): Promise<ExternalTask[]> {
    const order = orderBy(EXTERNAL_TASK_SORT, query.sortBy, query.sortOrder, 'et.rowid');
    const now = this.core.ctx.clock.now();
    return externalTaskQuery(query, now)
      .list<ExternalTaskRow>(this.core.store, 'et.*', order, query)
      .map(toExternalTask);
  }

  async countExternalTasks(query: ExternalTaskQuery = {}): Promise<number> {
    return externalTaskQuery(query, this.core.ctx.clock.now()).count(this.core.store);
  }

  async getExternalTask(id: string): Promise<ExternalTask> {
    return toExternalTask(findTask(this.core.store, id));
  }

  async getExternalTaskErrorDetails(id: string): Promise<string | null> {
    return findTask(this.core.store, id).error_details;
  }
}

/** The task is done with: its row and any incident on it go. */
function removeTask(step: Step, task: ExternalTaskRow): void {
  closeIncidents(step, task.id, 'deleted');
  step.store.sql('DELETE FROM external_task WHERE id = ?').run(task.id);
}

/**
 * A worker's variables: `variables` as Camunda's setVariables does (up the activity's scope chain),
 * `localVariables` on the activity itself.
 */
function setTaskVariables(
  step: Step,
  activity: ActivityRow,
  input: { variables?: VariableMap; localVariables?: VariableMap },
): void {
  setVariables(step, scopeChain(step.instance, activity), input.variables);
  const scope = { scopeId: activity.execution_id, activityInstanceId: activity.id };
  setLocalVariables(step, scope, input.localVariables);
}

/** The incident of a task out of retries; its configuration is the task's id, as in Camunda. */
function failedTaskIncident(step: Step, task: ExternalTaskRow, message: string | null): void {
  createIncident(step, {
    type: 'failedExternalTask',
    activityId: task.activity_id,
    failedActivityId: null,
    executionId: task.execution_id,
    configuration: task.id,
    message,
  });
}
