/** Timer jobs as Camunda exposes them: query, execute now, move the due date, set retries. */
import type { Job, JobQuery } from '../../port.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import { BadUserRequestError } from '../../errors/bad-user-request-error.js';
import type { EngineCore } from '../core.js';
import { orderBy, SqlQuery } from '../queries/sql-query.js';
import { closeIncidents } from '../runtime/incidents.js';
import type { JobRow } from '../store/rows.js';
import { runJob } from './job-runner.js';
import type { JobScheduler } from './scheduler.js';

const SORT = {
  jobId: 'id',
  jobDueDate: 'due_at',
  executionId: 'execution_id',
  processInstanceId: 'process_instance_id',
} as const;

export class JobService {
  constructor(
    private readonly core: EngineCore,
    private readonly scheduler: JobScheduler,
  ) {}

  private query(query: JobQuery): SqlQuery {
    const now = this.core.ctx.clock.now();
    const q = new SqlQuery('job')
      .when(query.jobId, 'id = ?', query.jobId)
      .when(query.processInstanceId, 'process_instance_id = ?', query.processInstanceId)
      .when(query.executionId, 'execution_id = ?', query.executionId)
      .when(query.activityId, 'element_id = ?', query.activityId)
      .if(query.executable, 'retries > 0 AND due_at <= ?', now)
      .if(query.withException, 'exception_message IS NOT NULL')
      .if(query.noRetriesLeft, 'retries = 0');
    for (const due of query.dueDates ?? [])
      q.if(true, `due_at ${due.operator === 'lt' ? '<' : '>'} ?`, due.value.getTime());
    return q;
  }

  async listJobs(query: JobQuery = {}): Promise<Job[]> {
    const order = orderBy(SORT, query.sortBy, query.sortOrder, 'rowid');
    return this.query(query).list<JobRow>(this.core.store, '*', order, query).map(toJob);
  }

  async countJobs(query: JobQuery = {}): Promise<number> {
    return this.query(query).count(this.core.store);
  }

  private row(id: string): JobRow {
    const row = this.core.store.sql('SELECT * FROM job WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) throw new NotFoundError(`Job with id ${id} does not exist`);
    return row;
  }

  async getJob(id: string): Promise<Job> {
    return toJob(this.row(id));
  }

  async executeJob(id: string): Promise<void> {
    if (!this.core.store.sql('SELECT 1 FROM job WHERE id = ?').get(id)) {
      throw new NotFoundError(`ENGINE-14026 No job found with id '${id}'`);
    }
    await this.core.track(() => runJob(this.core, id, true));
  }

  async setJobDueDate(id: string, dueDate: Date | null): Promise<void> {
    this.row(id);
    // No due date means "due now" in Camunda; we store that instant, so every job has one.
    const due = dueDate ? dueDate.getTime() : this.core.ctx.clock.now();
    this.core.store.transaction(() =>
      this.core.store.sql('UPDATE job SET due_at = ? WHERE id = ?').run(due, id),
    );
    this.scheduler.arm();
  }

  async setJobRetries(id: string, retries: number): Promise<void> {
    if (!Number.isInteger(retries) || retries < 0)
      throw new BadUserRequestError('The number of job retries must be a non-negative integer.');
    const job = this.row(id);
    await this.core.step(job.process_instance_id, (step) => {
      step.store.sql('UPDATE job SET retries = ? WHERE id = ?').run(retries, id);
      if (retries > 0) closeIncidents(step, id, 'resolved');
      step.effects.jobsChanged = true;
    });
  }
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    jobDefinitionId: null,
    dueDate: row.due_at === null ? null : new Date(row.due_at),
    processInstanceId: row.process_instance_id,
    executionId: row.execution_id,
    processDefinitionId: row.definition_id,
    processDefinitionKey: row.definition_key,
    retries: row.retries,
    exceptionMessage: row.exception_message,
    failedActivityId: row.failed_activity_id,
    suspended: false,
    priority: 0,
    tenantId: null,
    createTime: new Date(row.create_time),
    activityId: row.element_id,
  };
}
