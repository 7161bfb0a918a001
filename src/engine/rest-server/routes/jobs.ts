/**
 * Jobs. Ours are timers: `GET /job?timers=true` shows every timer's due date as Cockpit does, and
 * `POST /job/{id}/execute` fires one now, on our engine and on Camunda alike.
 */
import type { Router } from 'express';
import { z } from 'zod';
import type { Job, JobQuery } from '../../port.js';
import { jobDefinitionIdOf, jobDto } from '../dto/runtime.js';
import { parseBody } from '../wire/body.js';
import { parseCamundaDate } from '../wire/date-format.js';
import {
  defined,
  pagingShape,
  parseQuery,
  qBool,
  qList,
  qSortBy,
  qSortOrder,
  qString,
} from '../wire/query.js';
import { sendJson, sendNoContent } from '../wire/send.js';
import { listAndCount, guard, invalidRequest, param, type ErrorRules, type RouteContext } from './context.js';

const jobQuery = z.object({
  jobId: qString.optional(),
  processInstanceId: qString.optional(),
  executionId: qString.optional(),
  activityId: qString.optional(),
  timers: qBool.optional(),
  executable: qBool.optional(),
  withException: qBool.optional(),
  noRetriesLeft: qBool.optional(),
  dueDates: qString.optional(),
  sortBy: qSortBy(['jobId', 'jobDueDate', 'executionId', 'processInstanceId']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

const jobDefinitionQuery = z.object({
  jobDefinitionId: qString.optional(),
  processDefinitionId: qString.optional(),
  activityIdIn: qList.optional(),
});

const noJob = (id: string) => () => invalidRequest(404, `Job with id ${id} does not exist`);

/** Camunda's JobResourceImpl: engine failures of duedate/retries are 500 InvalidRequestExceptions; unknown ids 404. */
const commandRules: ErrorRules = {
  notFound: (e) => invalidRequest(404, e.message),
  engine: (e) => invalidRequest(500, e.message),
};

export function registerJobs(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;
  listAndCount(router, '/job', jobQuery, {
    list: (q) => engine.listJobs(toJobQuery(q)),
    count: (q) => engine.countJobs(toJobQuery(q)),
    toDto: (j) => jobDto(j, fmt),
  });
  router.get('/job/:id', async (req, res) => {
    const id = param(req, 'id');
    sendJson(res, 200, jobDto(await guard(() => engine.getJob(id), { notFound: noJob(id) }), fmt));
  });
  router.get('/job-definition', async (req, res) => {
    sendJson(res, 200, await jobDefinitions(ctx, parseQuery(jobDefinitionQuery, req.query)));
  });
  registerJobCommands(router, ctx);
}

function registerJobCommands(router: Router, ctx: RouteContext): void {
  router.post('/job/:id/execute', async (req, res) => {
    const id = param(req, 'id');
    // Camunda answers any engine failure of the job, not only an unknown id, with 404 (JobResourceImpl).
    await guard(() => ctx.engine.executeJob(id), {
      notFound: (e) => invalidRequest(404, e.message),
      badUser: (e) => invalidRequest(404, e.message),
      engine: (e) => invalidRequest(404, e.message),
    });
    sendNoContent(res);
  });
  router.put('/job/:id/duedate', async (req, res) => {
    const id = param(req, 'id');
    const { duedate } = parseBody(z.object({ duedate: z.string().nullish() }), req.body);
    const due = duedate ? parseCamundaDate(duedate) : null;
    if (duedate && !due) {
      throw invalidRequest(
        400,
        `Invalid value for 'duedate': expected the format yyyy-MM-dd'T'HH:mm:ss.SSSZ`,
      );
    }
    await guard(() => ctx.engine.setJobDueDate(id, due), commandRules);
    sendNoContent(res);
  });
  router.put('/job/:id/retries', async (req, res) => {
    const id = param(req, 'id');
    const { retries } = parseBody(z.object({ retries: z.number().int().nonnegative() }), req.body);
    await guard(() => ctx.engine.setJobRetries(id, retries), commandRules);
    sendNoContent(res);
  });
}

/**
 * Camunda's job definitions, one per process definition and timer activity, derived from the jobs
 * that exist; the REST adapter reads a job's activity id from here.
 */
async function jobDefinitions(ctx: RouteContext, q: z.output<typeof jobDefinitionQuery>) {
  const only = q.activityIdIn?.length === 1 ? { activityId: q.activityIdIn[0] } : {};
  const seen = new Map<string, Job>();
  for (const j of await ctx.engine.listJobs(only)) seen.set(jobDefinitionIdOf(j), j);
  return [...seen]
    .filter(
      ([id, j]) =>
        (!q.jobDefinitionId || id === q.jobDefinitionId) &&
        (!q.processDefinitionId || j.processDefinitionId === q.processDefinitionId) &&
        (!q.activityIdIn || q.activityIdIn.includes(j.activityId)),
    )
    .map(([id, j]) => ({
      id,
      processDefinitionId: j.processDefinitionId,
      processDefinitionKey: j.processDefinitionKey,
      activityId: j.activityId,
      jobType: 'timer-transition',
      jobConfiguration: null,
      overridingJobPriority: null,
      suspended: false,
      tenantId: j.tenantId,
      deploymentId: null,
    }));
}

/** Camunda's `dueDates=lt_2026-11-30T00:00:00.000+0000,gt_…`. */
function toJobQuery(q: z.output<typeof jobQuery>): JobQuery {
  const { dueDates, ...rest } = q;
  if (dueDates === undefined) return defined(rest);
  const parsed = dueDates.split(',').map((pair) => {
    const at = pair.indexOf('_');
    const operator = pair.slice(0, at);
    const value = parseCamundaDate(pair.slice(at + 1));
    if (at < 0 || (operator !== 'lt' && operator !== 'gt') || !value) {
      throw invalidRequest(400, `Cannot set query parameter 'dueDates' to value '${dueDates}'`);
    }
    return { operator: operator as 'lt' | 'gt', value };
  });
  return defined({ ...rest, dueDates: parsed });
}
