/**
 * Executes one timer job: in one transaction the job row is deleted (or advanced to the cycle's
 * next firing) and its event fires, so a timer fires exactly once, also across crashes. When the
 * step fails it rolls back whole; the failure is then recorded in a transaction of its own
 * (retries − 1, the exception), and at 0 retries a `failedJob` incident opens on the activity.
 */
import type { EngineCore } from '../core.js';
import { createIncident } from '../runtime/incidents.js';
import { failedActivityOf, runStep } from '../runtime/run-step.js';
import type { Step } from '../runtime/step.js';
import { fire } from '../runtime/subscriptions.js';
import type { JobRow } from '../store/rows.js';

export type JobOutcome = 'fired' | 'gone' | 'failed';

export async function runJob(core: EngineCore, jobId: string, rethrow: boolean): Promise<JobOutcome> {
  const job = readJob(core, jobId);
  if (!job) return 'gone';
  if (!core.store.sql('SELECT 1 FROM process_instance WHERE id = ?').get(job.process_instance_id)) {
    // An orphan (its instance was removed without it): it can never fire.
    core.store.sql('DELETE FROM job WHERE id = ?').run(jobId);
    return 'gone';
  }
  let result: JobOutcome;
  try {
    const loaded = await core.definitionOf(job.process_instance_id);
    const step = runStep(core.ctx, job.process_instance_id, loaded, (s) => fireJob(s, jobId));
    core.publish(step.effects);
    result = step.result;
  } catch (error) {
    await recordFailure(core, job, error);
    if (rethrow) throw error;
    return 'failed';
  }
  // After the step, outside its error handling: monitoring never fails a timer.
  if (result === 'fired') observeLag(core, job);
  return result;
}

/** How late the timer fired, in the engine's own time (a job run by hand before its due date is not late). */
function observeLag(core: EngineCore, job: JobRow): void {
  const observer = core.ctx.observer;
  if (!observer?.timerFired || job.due_at === null) return;
  const lag = core.ctx.clock.now() - job.due_at;
  if (lag >= 0) observer.timerFired(lag, job.definition_key);
}

function readJob(core: EngineCore, jobId: string): JobRow | undefined {
  return core.store.sql('SELECT * FROM job WHERE id = ?').get(jobId) as JobRow | undefined;
}

function fireJob(step: Step, jobId: string): JobOutcome {
  const job = step.store.sql('SELECT * FROM job WHERE id = ?').get(jobId) as JobRow | undefined;
  if (!job) return 'gone';
  const cycle = job.cycle
    ? (JSON.parse(job.cycle) as { remaining: number | null; definition: string })
    : null;
  const next = cycle ? step.ctx.timers.next(cycle, step.now) : null;
  if (next) {
    // Camunda deletes the fired timer job and creates the next one: a new job id and create time.
    step.store
      .sql(
        `UPDATE job SET id = ?, create_time = ?, due_at = ?, cycle = ?, remaining = ?, retries = 3,
          exception_message = NULL WHERE id = ?`,
      )
      .run(step.newId(), step.now, next.dueAt, next.cycle ? JSON.stringify(next.cycle) : null, next.cycle?.remaining ?? null, jobId); // prettier-ignore
  } else {
    step.store.sql('DELETE FROM job WHERE id = ?').run(jobId);
  }
  step.effects.jobsChanged = true;
  fire(step, { kind: job.kind, ownerId: job.owner_id, elementId: job.element_id });
  return 'fired';
}

async function recordFailure(core: EngineCore, job: JobRow, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? message) : message;
  const failed = failedActivityOf(error) ?? job.element_id;
  const loaded = await core.definitionOf(job.process_instance_id).catch(() => null);
  if (!loaded) {
    core.store
      .sql('UPDATE job SET retries = max(0, retries - 1), exception_message = ? WHERE id = ?')
      .run(message, job.id);
    return;
  }
  const { effects } = runStep(core.ctx, job.process_instance_id, loaded, (step) => {
    const current = step.store.sql('SELECT retries FROM job WHERE id = ?').get(job.id) as
      { retries: number } | undefined;
    if (!current) return;
    const retries = Math.max(0, current.retries - 1);
    step.store
      .sql(
        'UPDATE job SET retries = ?, exception_message = ?, exception_stack = ?, failed_activity_id = ? WHERE id = ?',
      )
      .run(retries, message, stack, failed, job.id);
    if (retries === 0) {
      createIncident(step, {
        type: 'failedJob',
        activityId: job.element_id,
        failedActivityId: failed,
        executionId: job.execution_id,
        configuration: job.id,
        message,
      });
    }
    step.effects.jobsChanged = true;
  });
  core.publish(effects);
  core.ctx.logger.warn('timer job failed', { jobId: job.id, activityId: job.element_id });
}
