/**
 * Process instances: query, count, get, delete, the activity instance tree, and the instance's
 * variables (map, single, binary data), with Camunda's wording for each failure.
 */
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { ProcessInstanceQuery } from '../../port.js';
import { activityInstanceDto, processInstanceDto } from '../dto/runtime.js';
import { parseBody } from '../wire/body.js';
import { parseCamundaDate } from '../wire/date-format.js';
import { checkVariableName } from '../wire/names.js';
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
import {
  decodeTypedValue,
  decodeVariables,
  encodeTypedValue,
  encodeVariables,
} from '../wire/typed-values.js';
import { guard, invalidRequest, param, restException, statusOf, type RouteContext } from './context.js';
import { sendVariableData } from './variable-data.js';

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

const modificationBody = z.object({
  modifications: z.record(z.string(), z.unknown()).nullish(),
  deletions: z.array(z.string()).nullish(),
});

const RESOURCE = 'process instance';

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

  registerVariables(router, ctx);
}

function registerVariables(router: Router, ctx: RouteContext): void {
  const { engine } = ctx;

  router.get('/process-instance/:id/variables', async (req, res) => {
    const id = param(req, 'id');
    const { deserializeValues } = parseQuery(z.object({ deserializeValues: qBool.optional() }), req.query);
    const vars = await guard(() => engine.getProcessVariables(id), { notFound: missing(id) });
    sendJson(
      res,
      200,
      encodeVariables(vars, { zone: ctx.zone, deserializeValues: deserializeValues ?? true }),
    );
  });

  router.post('/process-instance/:id/variables', async (req, res) => {
    const id = param(req, 'id');
    const body = parseBody(modificationBody, req.body);
    const modifications = await guard(() => decodeVariables(body.modifications, 'modifications'), {
      invalid: (e) => invalidRequest(statusOf(e), `Cannot modify variables for ${RESOURCE}: ${e.message}`, e),
    });
    const deletions = body.deletions ?? [];
    deletions.forEach((n, i) => checkVariableName(n, `deletions[${i}]`));
    await guard(() => engine.modifyProcessVariables(id, { modifications, deletions }), {
      notFound: (e) => invalidRequest(404, `Cannot modify variables for ${RESOURCE} ${id}: ${e.message}`, e),
      engine: (e) => restException(500, `Cannot modify variables for ${RESOURCE} ${id}: ${e.message}`, e),
    });
    sendNoContent(res);
  });

  router.get('/process-instance/:id/variables/:name', async (req, res) => {
    const { deserializeValue } = parseQuery(z.object({ deserializeValue: qBool.optional() }), req.query);
    const value = await variable(ctx, req);
    sendJson(
      res,
      200,
      encodeTypedValue(value, { zone: ctx.zone, deserializeValues: deserializeValue ?? true }),
    );
  });

  router.get('/process-instance/:id/variables/:name/data', async (req, res) => {
    sendVariableData(res, await variable(ctx, req), param(req, 'id'));
  });

  router.put('/process-instance/:id/variables/:name', async (req, res) => {
    const id = param(req, 'id');
    const name = param(req, 'name');
    const prefix = `Cannot put ${RESOURCE} variable ${name}: `;
    await guard(
      () => {
        checkVariableName(name, 'name');
        const value = decodeTypedValue(req.body ?? {}, name);
        return engine.modifyProcessVariables(id, { modifications: { [name]: value } });
      },
      {
        invalid: (e) => invalidRequest(statusOf(e), prefix + e.message, e),
        notFound: (e) => invalidRequest(404, prefix + e.message, e),
        badUser: (e) => restException(400, prefix + e.message, e),
        engine: (e) => restException(500, prefix + e.message, e),
      },
    );
    sendNoContent(res);
  });

  router.delete('/process-instance/:id/variables/:name', async (req, res) => {
    const id = param(req, 'id');
    const name = param(req, 'name');
    const prefix = `Cannot delete ${RESOURCE} variable ${name}: `;
    await guard(() => engine.modifyProcessVariables(id, { deletions: [name] }), {
      notFound: (e) => invalidRequest(404, prefix + e.message, e),
      engine: (e) => restException(500, prefix + e.message, e),
    });
    sendNoContent(res);
  });
}

function missing(id: string) {
  return () => invalidRequest(404, `Process instance with id ${id} does not exist`);
}

function variable(ctx: RouteContext, req: Request) {
  const id = param(req, 'id');
  const name = param(req, 'name');
  return guard(() => ctx.engine.getProcessVariable(id, name), {
    notFound: () => invalidRequest(404, `${RESOURCE} variable with name ${name} does not exist`),
    engine: (e) => restException(500, `Cannot get ${RESOURCE} variable ${name}: ${e.message}`, e),
  });
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
