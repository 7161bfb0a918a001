/**
 * `GET /escalations/counts`: how many of the escalations you can see have each stage open now, by
 * partnership and stage (the dashboard's "Open escalations by stage" in one request instead of one
 * `GET /escalations?stage=…&pageSize=1` per stage of every diagram).
 *
 * The open stages come from the engine as the list's `stage` filter reads them (its unfinished task
 * history, one query for every stage), and the counting is SQL over the index with the access rule's
 * twin `visibilityFilter` and the list's own filters, grouped by stage. So a stage's count is
 * exactly the list's `total` with `stage=` that stage (and the same other filters): an escalation
 * with two stages open counts at both, and once at a stage however many of its tasks are open there.
 */
import { z } from 'zod';
import { visibilityFilter } from '../../access/visibility-sql.js';
import { PARTNERSHIPS } from '../../../processes/variables.js';
import { badRequest } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { listQuery } from './list.js';
import { audit } from './visible.js';

export const countsQuery = listQuery.omit({ stage: true, page: true, pageSize: true });

const stageCountSchema = z.object({
  partnership: z.enum(PARTNERSHIPS),
  stage: z.string().describe('The stage’s elementId (GET /partnerships/:id lists each diagram’s stages)'),
  count: z.number().int().describe('Escalations with this stage open now'),
});

const countsSchema = z.object({
  items: z
    .array(stageCountSchema)
    .describe('Only stages with at least one escalation, by partnership then elementId'),
  total: z
    .number()
    .int()
    .describe('Escalations with any stage open (one with two stages open counts at both in items)'),
});

/** Registers `GET /escalations/counts` (before `GET /escalations/:id`, which would take `counts` as an id). */
export function registerEscalationCounts(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations/counts',
    summary: 'How many of the escalations you can see have each stage open now, by partnership and stage',
    tag: 'Escalations',
    query: countsQuery,
    responses: {
      200: {
        description: 'Each open stage’s count; each equals GET /escalations’s total with that stage',
        schema: countsSchema,
      },
      400: { description: 'A filter is not valid (each named in errors)' },
    },
    handler: async ({ query }, req) => {
      if (query.raisedFrom && query.raisedTo && query.raisedFrom >= query.raisedTo)
        throw badRequest([{ path: 'query.raisedTo', message: 'after raisedFrom' }]);
      const now = new Date(deps.clock.now());
      // As the list's stage (and overdue) filter: task history rather than the task list, whose REST
      // adapter reads each task's candidate groups with a request of its own.
      const tasks = await deps.engine.listHistoricTasks({
        unfinished: true,
        ...(query.overdue ? { taskDueDateBefore: now } : {}),
      });
      const { items, total } = deps.stores.escalations.countByOpenStage(
        visibilityFilter(req.principal!, deps.roles),
        query,
        tasks.map((t) => ({ processInstanceId: t.processInstanceId, stage: t.taskDefinitionKey })),
      );
      audit(deps, req, 'escalation.counts', null, 'ok', `escalations:${total}`);
      return { items: items as z.infer<typeof stageCountSchema>[], total };
    },
  });
}
