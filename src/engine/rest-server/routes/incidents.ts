/** Incidents: GET /incident and /count. */
import type { Router } from 'express';
import { z } from 'zod';
import { incidentDto } from '../dto/runtime.js';
import { pagingShape, qSortBy, qSortOrder, qString } from '../wire/query.js';
import { listAndCount, type RouteContext } from './context.js';

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

export function registerIncidents(router: Router, ctx: RouteContext): void {
  listAndCount(router, '/incident', incidentQuery, {
    list: (q) => ctx.engine.listIncidents(q),
    count: (q) => ctx.engine.countIncidents(q),
    toDto: (i) => incidentDto(i, ctx.fmt),
  });
}
