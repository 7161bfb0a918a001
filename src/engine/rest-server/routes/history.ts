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
import { pagingShape, qBool, qDate, qList, qSortBy, qSortOrder, qString } from '../wire/query.js';
import { sendJson } from '../wire/send.js';
import { invalidRequest, listAndCount, param, type RouteContext } from './context.js';

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
  taskDueDateBefore: qDate.optional(),
  finished: qBool.optional(),
  unfinished: qBool.optional(),
  ...sorting(['taskId', 'startTime', 'endTime', 'duration']),
});

export function registerHistory(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;
  listAndCount(router, '/history/process-instance', processQuery, {
    list: (q) => engine.listHistoricProcessInstances(q),
    count: (q) => engine.countHistoricProcessInstances(q),
    toDto: (h) => historicProcessInstanceDto(h, fmt),
  });
  router.get('/history/process-instance/:id', async (req, res) => {
    const id = param(req, 'id');
    const [h] = await engine.listHistoricProcessInstances({ processInstanceId: id });
    if (!h) throw invalidRequest(404, `Historic process instance with id ${id} does not exist`);
    sendJson(res, 200, historicProcessInstanceDto(h, fmt));
  });
  listAndCount(router, '/history/activity-instance', activityQuery, {
    list: (q) => engine.listHistoricActivityInstances(q),
    count: (q) => engine.countHistoricActivityInstances(q),
    toDto: (h) => historicActivityInstanceDto(h, fmt),
  });
  listAndCount(router, '/history/variable-instance', variableQuery, {
    list: (q) => engine.listHistoricVariableInstances(q),
    count: (q) => engine.countHistoricVariableInstances(q),
    toDto: (h, q) =>
      historicVariableInstanceDto(h, fmt, { zone: ctx.zone, deserializeValues: q.deserializeValues ?? true }),
  });
  listAndCount(router, '/history/incident', incidentQuery, {
    list: (q) => engine.listHistoricIncidents(q),
    count: (q) => engine.countHistoricIncidents(q),
    toDto: (h) => historicIncidentDto(h, fmt),
  });
  listAndCount(router, '/history/task', taskQuery, {
    list: (q) => engine.listHistoricTasks(q),
    count: (q) => engine.countHistoricTasks(q),
    toDto: (h) => historicTaskDto(h, fmt),
  });
}
