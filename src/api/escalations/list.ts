/**
 * `GET /escalations`: the escalations you can see, newest raised first, a page at a time, each with
 * the stages open now and whether each is overdue. The access rule is applied in SQL (its twin
 * `visibilityFilter`), so a page and its total never include or count one you may not see.
 *
 * `stage` and `overdue` are questions for the engine: one query for the open tasks of that stage
 * and/or due before now (from its task history, one request through ENGINE_URL however many there
 * are), whose process instances then filter the index in the same SQL. A page's open stages are one
 * more engine query for the whole page.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { visibilityFilter } from '../../access/visibility-sql.js';
import { isoInstantSchema, LONDON } from '../../calendar/index.js';
import { STATUSES, type IndexedEscalation } from '../../escalations/escalation-index.js';
import { organisationNamesFrom, partiesOf, type OrganisationNames } from '../../escalations/parties.js';
import { isOverdue } from '../../escalations/stages.js';
import type { UserTask } from '../../engine/port.js';
import { PARTNERSHIPS } from '../../../processes/variables.js';
import { badRequest } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { pageOf } from '../routes/shapes.js';
import { audit } from './visible.js';
import { escalationItemSchema, isoOrNull, iso, type EscalationItem } from './escalation-shapes.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const when = (edge: 'from' | 'to') =>
  z
    .union([isoInstantSchema, z.string().regex(DATE, 'a date (YYYY-MM-DD) or an RFC 3339 date-time')])
    .refine((s) => !DATE.test(s) || DateTime.fromISO(s, { zone: LONDON }).isValid, 'a real calendar date')
    .transform((s) => {
      if (!DATE.test(s)) return DateTime.fromISO(s, { setZone: true }).toJSDate();
      // A date is a whole day in London: `raisedTo` includes it.
      const day = DateTime.fromISO(s, { zone: LONDON }).startOf('day');
      return (edge === 'from' ? day : day.plus({ days: 1 })).toJSDate();
    })
    .describe(
      edge === 'from'
        ? 'Raised at or after this instant, or on or after this day (London)'
        : 'Raised before this instant, or on or before this day (London)',
    );

export const listQuery = z
  .object({
    partnership: z.enum(PARTNERSHIPS).optional(),
    agency: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,63}$/, 'an agency id from roles.json')
      .optional()
      .describe('Either party’s agency, e.g. school'),
    stage: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'a stage’s elementId, e.g. Stage2_RecordOutcome')
      .optional()
      .describe(
        'Only escalations with this stage open now, by its elementId (GET /partnerships/:id lists each diagram’s stages)',
      ),
    status: z.enum(STATUSES).optional(),
    overdue: z
      .enum(['true'])
      .optional()
      .describe('true: only escalations with a stage open past its deadline'),
    raisedFrom: when('from').optional(),
    raisedTo: when('to').optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export function registerEscalationList(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations',
    summary: 'The escalations you can see, newest raised first, with their open stages',
    tag: 'Escalations',
    query: listQuery,
    responses: {
      200: {
        description: 'A page of escalations and how many there are',
        schema: pageOf(escalationItemSchema),
      },
      400: { description: 'A filter is not valid (each named in errors)' },
    },
    handler: async ({ query }, req) => {
      if (query.raisedFrom && query.raisedTo && query.raisedFrom >= query.raisedTo)
        throw badRequest([{ path: 'query.raisedTo', message: 'after raisedFrom' }]);
      const now = new Date(deps.clock.now());
      const processInstanceIds =
        query.stage || query.overdue
          ? await withOpenStage(deps, query.stage, query.overdue ? now : undefined)
          : undefined;
      const { items, total } = deps.stores.escalations.list(
        visibilityFilter(req.principal!, deps.roles),
        { ...query, processInstanceIds },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      const open = items.length
        ? await deps.engine.listUserTasks({ processInstanceIdIn: items.map((e) => e.processInstanceId) })
        : [];
      const names = cached(organisationNamesFrom(deps.stores.db));
      audit(deps, req, 'escalation.list', null, 'ok', `escalations:${total}`);
      return {
        items: items.map((e) => itemOf(deps, e, open, names, now)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });
}

/** Process instances with an open task of `stage` and/or one due before `dueBefore`. */
async function withOpenStage(
  deps: ApiDependencies,
  stage: string | undefined,
  dueBefore: Date | undefined,
): Promise<string[]> {
  // Task history rather than the task list: the REST adapter reads each listed task's candidate
  // groups with a request of its own, which an overdue list of thousands cannot afford.
  const tasks = await deps.engine.listHistoricTasks({
    unfinished: true,
    ...(stage ? { taskDefinitionKey: stage } : {}),
    ...(dueBefore ? { taskDueDateBefore: dueBefore } : {}),
  });
  return [...new Set(tasks.map((t) => t.processInstanceId))];
}

function itemOf(
  deps: ApiDependencies,
  e: IndexedEscalation,
  open: readonly UserTask[],
  names: OrganisationNames,
  now: Date,
): EscalationItem {
  return {
    id: e.id,
    caseReference: e.caseReference,
    partnership: e.partnership,
    raisedAt: iso(new Date(e.raisedAt)),
    status: e.status,
    parties: partiesOf(e, deps.roles(e.partnership), names),
    currentStages: open
      .filter((t) => t.processInstanceId === e.processInstanceId)
      .sort((a, b) => a.created.getTime() - b.created.getTime())
      .map((t) => ({
        elementId: t.taskDefinitionKey,
        name: t.name ?? t.taskDefinitionKey,
        due: isoOrNull(t.due),
        overdue: isOverdue(t.due, null, now),
      })),
  };
}

/** Looks each organisation up once per request. */
function cached(names: OrganisationNames): OrganisationNames {
  const seen = new Map<string, string | null>();
  return (partnership, agency, organisation) => {
    const key = `${partnership}\u0000${agency}\u0000${organisation}`;
    if (!seen.has(key)) seen.set(key, names(partnership, agency, organisation));
    return seen.get(key)!;
  };
}
