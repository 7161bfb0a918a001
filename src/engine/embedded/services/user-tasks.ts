/** User tasks: queries, claim and assignment, completion with variables, forms. */
import type { CompleteUserTaskInput, TaskForm, UserTask, UserTaskQuery } from '../../port.js';
import type { VariableMap } from '../../variables.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { EngineCore } from '../core.js';
import type { Step } from '../runtime/step.js';
import { TaskAlreadyClaimedError } from '../errors/task-already-claimed-error.js';
import { orderBy } from '../queries/sql-query.js';
import { completeActivity } from '../runtime/activities.js';
import { endUserTask } from '../runtime/cancel.js';
import { recordActivityTask } from '../runtime/history.js';
import { scopeChain, setVariables, visibleVariables } from '../runtime/variables.js';
import type { UserTaskRow } from '../store/rows.js';
import { validateVariables } from '../values/validate-variables.js';
import { deployedForm } from './forms.js';
import { toUserTask } from './mappers.js';
import { taskScopeChain } from './task-scope.js';
import { USER_TASK_SORT, userTaskQuery } from './user-task-query.js';

export class UserTaskService {
  constructor(private readonly core: EngineCore) {}

  private row(id: string): UserTaskRow {
    const row = this.core.store.sql('SELECT * FROM user_task WHERE id = ?').get(id) as
      UserTaskRow | undefined;
    if (!row) throw new NotFoundError(`No matching task with id ${id}`);
    return row;
  }

  private toTask(row: UserTaskRow): UserTask {
    return toUserTask(row, JSON.parse(row.candidate_groups) as string[]);
  }

  async listUserTasks(query: UserTaskQuery = {}): Promise<UserTask[]> {
    const order = orderBy(USER_TASK_SORT, query.sortBy, query.sortOrder, 't.rowid');
    return userTaskQuery(query)
      .list<UserTaskRow>(this.core.store, 't.*', order, query)
      .map((r) => this.toTask(r));
  }

  async countUserTasks(query: UserTaskQuery = {}): Promise<number> {
    return userTaskQuery(query).count(this.core.store);
  }

  async getUserTask(id: string): Promise<UserTask> {
    return this.toTask(this.row(id));
  }

  async claimUserTask(id: string, userId: string): Promise<void> {
    const claimable = (current: UserTaskRow): void => {
      if (current.assignee !== null && current.assignee !== userId) throw new TaskAlreadyClaimedError(id);
    };
    const task = this.row(id);
    claimable(task);
    // Checked again inside the step: another claim may have committed while this one waited.
    await this.assign(task, userId, claimable);
  }

  async unclaimUserTask(id: string): Promise<void> {
    await this.assign(this.row(id), null);
  }

  async setUserTaskAssignee(id: string, userId: string | null): Promise<void> {
    await this.assign(this.row(id), userId);
  }

  /**
   * Runs a step on the task's instance with the task re-read inside it; a task finished meanwhile
   * by a racing call is reported as such.
   */
  private async onTask<T>(task: UserTaskRow, work: (step: Step, current: UserTaskRow) => T): Promise<T> {
    try {
      return await this.core.step(
        task.process_instance_id,
        (step) => work(step, this.row(task.id)),
        task.definition_id,
      );
    } catch (error) {
      if (error instanceof NotFoundError) this.row(task.id);
      throw error;
    }
  }

  private async assign(
    task: UserTaskRow,
    userId: string | null,
    check?: (current: UserTaskRow) => void,
  ): Promise<void> {
    await this.onTask(task, (step, current) => {
      check?.(current);
      step.store.sql('UPDATE user_task SET assignee = ? WHERE id = ?').run(userId, task.id);
      step.store.sql('UPDATE hist_task SET assignee = ? WHERE id = ?').run(userId, task.id);
      recordActivityTask(step, task.activity_instance_id, task.id, userId);
    });
  }

  async completeUserTask(id: string, input: CompleteUserTaskInput = {}): Promise<VariableMap | void> {
    validateVariables(input.variables, 'variables');
    const task = this.row(id);
    return this.onTask(task, (step, current) => {
      const activity = step.instance.activities.get(current.activity_instance_id)!;
      const chain = scopeChain(step.instance, activity);
      setVariables(step, chain, input.variables);
      const returned = input.withVariablesInReturn ? visibleVariables(step.store, chain) : undefined;
      endUserTask(step, id, 'completed');
      completeActivity(step, activity);
      return returned;
    });
  }

  async getUserTaskForm(id: string): Promise<TaskForm> {
    const task = this.toTask(this.row(id));
    return { key: task.formKey, camundaFormRef: task.camundaFormRef, contextPath: null };
  }

  async getDeployedForm(taskId: string): Promise<{ content: Buffer; name: string }> {
    const row = this.row(taskId);
    const definition = this.core.store
      .sql('SELECT deployment_id FROM process_definition WHERE id = ?')
      .get(row.definition_id) as {
      deployment_id: string;
    };
    return deployedForm(this.core.store, this.toTask(row), definition.deployment_id);
  }

  async getUserTaskVariables(id: string): Promise<VariableMap> {
    const task = this.row(id);
    return visibleVariables(
      this.core.store,
      taskScopeChain(this.core.store, task.activity_instance_id, task.process_instance_id),
    );
  }
}
