/**
 * Process instances: query, count, get, delete and the activity instance tree, with Camunda's
 * wording for each failure; their variables are in `process-variables.ts`.
 */
import type { Router } from 'express';
import { z } from 'zod';
import type { ProcessInstanceQuery } from '../../port.js';
import { activityInstanceDto, processInstanceDto } from '../dto/runtime.js';
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
import { guard, invalidRequest, param, type RouteContext } from './context.js';
import { registerProcessVariables } from './process-variables.js';

const instanceQuery = z.object({
  processInstanceIds: qList.optional(),
  businessKey: qString.optional(),
  businessKeyLike: qString.optional(),
  processDefinitionId: qString.optional(),
  processDefinitionKey: qString.optional(),
  activityIdIn: qList.optional(),
  withIncident: qBool.optional(),
  variables: qString.optional(),
  sortBy: qSortBy(['instanceId', 'definitionKey', 'definitionId', 'businessKey']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

export function registerProcessInstances(router: Router, ctx: RouteContext): void {
  const { engine } = ctx;

  router.get('/process-instance', async (req, res) => {
    const q = toPortQuery(parseQuery(instanceQuery, req.query));
    const list = await engine.listProcessInstances(q);
    const dtos = [];
    for (const p of list) dtos.push(processInstanceDto(p, await ctx.definitionKeyOf(p.definitionId)));
    sendJson(res, 200, dtos);
  });

  router.get('/process-instance/count', async (req, res) => {
    const {
      firstResult: _f,
      maxResults: _m,
      sortBy: _s,
      sortOrder: _o,
      ...q
    } = toPortQuery(parseQuery(instanceQuery, req.query));
    sendJson(res, 200, { count: await engine.countProcessInstances(q) });
  });

  router.get('/process-instance/:id', async (req, res) => {
    const id = param(req, 'id');
    const p = await guard(() => engine.getProcessInstance(id), { notFound: missing(id) });
    sendJson(res, 200, processInstanceDto(p, await ctx.definitionKeyOf(p.definitionId)));
  });

  router.delete('/process-instance/:id', async (req, res) => {
    const id = param(req, 'id');
    await guard(() => engine.deleteProcessInstance(id), {
      notFound: (e) => invalidRequest(404, e.message, e),
    });
    sendNoContent(res);
  });

  router.get('/process-instance/:id/activity-instances', async (req, res) => {
    const id = param(req, 'id');
    const tree = await guard(() => engine.getActivityInstanceTree(id), { notFound: missing(id) });
    sendJson(res, 200, activityInstanceDto(tree));
  });

  registerProcessVariables(router, ctx);
}

function missing(id: string) {
  return () => invalidRequest(404, `Process instance with id ${id} does not exist`);
}

type InstanceQueryInput = z.output<typeof instanceQuery>;

function toPortQuery(q: InstanceQueryInput): ProcessInstanceQuery {
  const { variables, ...rest } = q;
  return defined({
    ...rest,
    variables: variables === undefined ? undefined : parseVariableFilters(variables),
  });
}

/**
 * Camunda's `variables=name_eq_value,…` filter. Like Camunda, names and values cannot contain `_`
 * or `,` here (its GET form splits on them); a value in Camunda's date format is compared as a date.
 */
function parseVariableFilters(text: string): NonNullable<ProcessInstanceQuery['variables']> {
  return text.split(',').map((triple) => {
    const parts = triple.split('_');
    if (parts.length !== 3) {
      throw invalidRequest(400, 'variable query parameter has to have format KEY_OPERATOR_VALUE.');
    }
    const [name, operator, value] = parts as [string, string, string];
    if (operator !== 'eq' && operator !== 'neq') {
      throw invalidRequest(400, `Invalid variable comparator specified: ${operator}`);
    }
    return { name, operator, value: parseCamundaDate(value) ?? value };
  });
}
