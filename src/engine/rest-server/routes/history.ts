/** History at Camunda's `full` level: process, activity and variable instances, incidents, tasks. */
import type { Router } from 'express';
import { z } from 'zod';
import {
  historicActivityInstanceDto,
  historicIncidentDto,
  historicProcessInstanceDto,
  historicTaskDto,
  historicVariableInstanceDto,
} from '../dto/history.js';
import {
  defined,
  pagingShape,
  parseQuery,
  qBool,
  qDate,
  qList,
  qSortBy,
  qSortOrder,
  qString,
} from '../wire/query.js';
import { sendJson } from '../wire/send.js';
import { invalidRequest, param, type RouteContext } from './context.js';

const sorting = <T extends string>(values: readonly [T, ...T[]]) => ({
  sortBy: qSortBy(values).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

const processQuery = z.object({
  processInstanceId: qString.optional(),
  processInstanceIds: qList.optional(),
  processInstanceBusinessKey: qString.optional(),
  processDefinitionKey: qString.optional(),
  finished: qBool.optional(),
  unfinished: qBool.optional(),
  startedBefore: qDate.optional(),
  startedAfter: qDate.optional(),
  finishedBefore: qDate.optional(),
  finishedAfter: qDate.optional(),
  ...sorting(['instanceId', 'definitionKey', 'businessKey', 'startTime', 'endTime']),
});

const activityQuery = z.object({
  processInstanceId: qString.optional(),
  activityId: qString.optional(),
  activityType: qString.optional(),
  finished: qBool.optional(),
  unfinished: qBool.optional(),
  ...sorting(['activityInstanceId', 'instanceId', 'startTime', 'endTime', 'activityId']),
});

const variableQuery = z.object({
  processInstanceId: qString.optional(),
  variableName: qString.optional(),
  variableNameLike: qString.optional(),
  deserializeValues: qBool.optional(),
  ...sorting(['instanceId', 'variableName']),
});

const incidentQuery = z.object({
  processInstanceId: qString.optional(),
  incidentType: qString.optional(),
  activityId: qString.optional(),
  open: qBool.optional(),
  resolved: qBool.optional(),
  ...sorting(['incidentId', 'createTime', 'endTime']),
});

const taskQuery = z.object({
  taskId: qString.optional(),
  processInstanceId: qString.optional(),
  processDefinitionKey: qString.optional(),
  taskDefinitionKey: qString.optional(),
  taskAssignee: qString.optional(),
  finished: qBool.optional(),
  unfinished: qBool.optional(),
  ...sorting(['taskId', 'startTime', 'endTime', 'duration']),
});

/** A count takes the list's filters without paging or sorting. */
function filtersOnly<
  T extends { firstResult?: unknown; maxResults?: unknown; sortBy?: unknown; sortOrder?: unknown },
>(q: T): Omit<T, 'firstResult' | 'maxResults' | 'sortBy' | 'sortOrder'> {
  const { firstResult: _f, maxResults: _m, sortBy: _s, sortOrder: _o, ...rest } = q;
  return defined(rest);
}

export function registerHistory(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;
  const enc = (deserializeValues?: boolean) => ({
    zone: ctx.zone,
    deserializeValues: deserializeValues ?? true,
  });

  router.get('/history/process-instance', async (req, res) => {
    const q = defined(parseQuery(processQuery, req.query));
    sendJson(
      res,
      200,
      (await engine.listHistoricProcessInstances(q)).map((h) => historicProcessInstanceDto(h, fmt)),
    );
  });
  router.get('/history/process-instance/count', async (req, res) => {
    const q = filtersOnly(parseQuery(processQuery, req.query));
    sendJson(res, 200, { count: await engine.countHistoricProcessInstances(q) });
  });
  router.get('/history/process-instance/:id', async (req, res) => {
    const id = param(req, 'id');
    const [h] = await engine.listHistoricProcessInstances({ processInstanceId: id });
    if (!h) throw invalidRequest(404, `Historic process instance with id ${id} does not exist`);
    sendJson(res, 200, historicProcessInstanceDto(h, fmt));
  });

  router.get('/history/activity-instance', async (req, res) => {
    const q = defined(parseQuery(activityQuery, req.query));
    sendJson(
      res,
      200,
      (await engine.listHistoricActivityInstances(q)).map((h) => historicActivityInstanceDto(h, fmt)),
    );
  });
  router.get('/history/activity-instance/count', async (req, res) => {
    const q = filtersOnly(parseQuery(activityQuery, req.query));
    sendJson(res, 200, { count: await engine.countHistoricActivityInstances(q) });
  });

  router.get('/history/variable-instance', async (req, res) => {
    const q = defined(parseQuery(variableQuery, req.query));
    const list = await engine.listHistoricVariableInstances(q);
    sendJson(
      res,
      200,
      list.map((h) => historicVariableInstanceDto(h, fmt, enc(q.deserializeValues))),
    );
  });
  router.get('/history/variable-instance/count', async (req, res) => {
    const q = filtersOnly(parseQuery(variableQuery, req.query));
    sendJson(res, 200, { count: await engine.countHistoricVariableInstances(q) });
  });

  router.get('/history/incident', async (req, res) => {
    const q = defined(parseQuery(incidentQuery, req.query));
    sendJson(
      res,
      200,
      (await engine.listHistoricIncidents(q)).map((h) => historicIncidentDto(h, fmt)),
    );
  });
  router.get('/history/incident/count', async (req, res) => {
    const q = filtersOnly(parseQuery(incidentQuery, req.query));
    sendJson(res, 200, { count: await engine.countHistoricIncidents(q) });
  });

  router.get('/history/task', async (req, res) => {
    const q = defined(parseQuery(taskQuery, req.query));
    sendJson(
      res,
      200,
      (await engine.listHistoricTasks(q)).map((h) => historicTaskDto(h, fmt)),
    );
  });
  router.get('/history/task/count', async (req, res) => {
    const q = filtersOnly(parseQuery(taskQuery, req.query));
    sendJson(res, 200, { count: await engine.countHistoricTasks(q) });
  });
}
