/**
 * Incidents and jobs. Our jobs are timers: `GET /job?timers=true` shows every timer's due date as
 * Cockpit does, and `POST /job/{id}/execute` fires one now, on our engine and on Camunda alike.
 */
import type { Router } from 'express';
import { z } from 'zod';
import type { JobQuery } from '../../port.js';
import { parseCamundaDate } from '../wire/date-format.js';
import { incidentDto, jobDefinitionIdOf, jobDto } from '../dto/runtime.js';
import { parseBody } from '../wire/body.js';
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
import { guard, invalidRequest, param, type RouteContext } from './context.js';

const incidentQuery = z.object({
  incidentId: qString.optional(),
  incidentType: qString.optional(),
  processInstanceId: qString.optional(),
  processDefinitionId: qString.optional(),
  activityId: qString.optional(),
  configuration: qString.optional(),
  sortBy: qSortBy(['incidentId', 'incidentTimestamp', 'activityId']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

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

const noJob = (id: string) => () => invalidRequest(404, `Job with id ${id} does not exist`);

export function registerIncidentsAndJobs(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;

  router.get('/incident', async (req, res) => {
    const q = parseQuery(incidentQuery, req.query);
    sendJson(
      res,
      200,
      (await engine.listIncidents(defined(q))).map((i) => incidentDto(i, fmt)),
    );
  });
  router.get('/incident/count', async (req, res) => {
    const {
      firstResult: _f,
      maxResults: _m,
      sortBy: _s,
      sortOrder: _o,
      ...q
    } = parseQuery(incidentQuery, req.query);
    sendJson(res, 200, { count: await engine.countIncidents(defined(q)) });
  });

  router.get('/job', async (req, res) => {
    const q = toJobQuery(parseQuery(jobQuery, req.query));
    sendJson(
      res,
      200,
      (await engine.listJobs(q)).map((j) => jobDto(j, fmt)),
    );
  });
  router.get('/job/count', async (req, res) => {
    const {
      firstResult: _f,
      maxResults: _m,
      sortBy: _s,
      sortOrder: _o,
      ...q
    } = toJobQuery(parseQuery(jobQuery, req.query));
    sendJson(res, 200, { count: await engine.countJobs(q) });
  });
  router.get('/job/:id', async (req, res) => {
    const id = param(req, 'id');
    sendJson(res, 200, jobDto(await guard(() => engine.getJob(id), { notFound: noJob(id) }), fmt));
  });

  // Camunda's job definitions, derived from the jobs that exist (ours are timers only); the REST
  // adapter reads a job's activity id from here.
  router.get('/job-definition', async (req, res) => {
    const q = parseQuery(
      z.object({
        jobDefinitionId: qString.optional(),
        processDefinitionId: qString.optional(),
        activityIdIn: qList.optional(),
      }),
      req.query,
    );
    const seen = new Map<string, Record<string, unknown>>();
    for (const j of await engine.listJobs(
      q.activityIdIn?.length === 1 ? { activityId: q.activityIdIn[0] } : {},
    )) {
      const id = jobDefinitionIdOf(j);
      if (seen.has(id)) continue;
      seen.set(id, {
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
      });
    }
    const list = [...seen.values()].filter(
      (d) =>
        (!q.jobDefinitionId || d.id === q.jobDefinitionId) &&
        (!q.processDefinitionId || d.processDefinitionId === q.processDefinitionId) &&
        (!q.activityIdIn || q.activityIdIn.includes(d.activityId as string)),
    );
    sendJson(res, 200, list);
  });

  router.post('/job/:id/execute', async (req, res) => {
    const id = param(req, 'id');
    // Camunda answers any engine failure of the job, not only an unknown id, with 404 (JobResourceImpl).
    await guard(() => engine.executeJob(id), {
      notFound: (e) => invalidRequest(404, e.message),
      badUser: (e) => invalidRequest(404, e.message),
      engine: (e) => invalidRequest(404, e.message),
    });
    sendNoContent(res);
  });

  router.put('/job/:id/duedate', async (req, res) => {
    const id = param(req, 'id');
    const { duedate } = parseBody(z.object({ duedate: z.string().nullish() }), req.body);
    const due = duedate === null || duedate === undefined ? null : parseCamundaDate(duedate);
    if (due === null && duedate) {
      throw invalidRequest(
        400,
        `Invalid value for 'duedate': expected the format yyyy-MM-dd'T'HH:mm:ss.SSSZ`,
      );
    }
    await guard(() => engine.setJobDueDate(id, due), {
      notFound: (e) => invalidRequest(404, e.message),
      engine: (e) => invalidRequest(500, e.message),
    });
    sendNoContent(res);
  });

  router.put('/job/:id/retries', async (req, res) => {
    const id = param(req, 'id');
    const { retries } = parseBody(z.object({ retries: z.number().int().nonnegative() }), req.body);
    await guard(() => engine.setJobRetries(id, retries), {
      notFound: (e) => invalidRequest(404, e.message),
      engine: (e) => invalidRequest(500, e.message),
    });
    sendNoContent(res);
  });
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
