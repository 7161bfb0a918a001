/**
 * Process definitions: list, count, by id, by key (latest version), BPMN XML, and starting an
 * instance by id or by key, with Camunda's error wording for each.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { ProcessDefinition } from '../../port.js';
import { processDefinitionDto } from '../dto/repository.js';
import { processInstanceDto, processInstanceWithVariablesDto } from '../dto/runtime.js';
import { parseBody } from '../wire/body.js';
import { pagingShape, qBool, qInt, qSortBy, qSortOrder, qString } from '../wire/query.js';
import { sendJson } from '../wire/send.js';
import { decodeVariables } from '../wire/typed-values.js';
import {
  listAndCount,
  guard,
  invalidRequest,
  param,
  restException,
  selfLink,
  statusOf,
  type RouteContext,
} from './context.js';

const definitionQuery = z.object({
  processDefinitionId: qString.optional(),
  key: qString.optional(),
  keyLike: qString.optional(),
  name: qString.optional(),
  deploymentId: qString.optional(),
  version: qInt().optional(),
  latestVersion: qBool.optional(),
  sortBy: qSortBy(['key', 'name', 'version', 'id', 'deploymentId']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

const startBody = z.object({
  businessKey: z.string().nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  withVariablesInReturn: z.boolean().nullish(),
});

const noDefinition = (id: string) => (e: Error) =>
  invalidRequest(404, `No matching definition with id ${id}`, e);

export function registerProcessDefinitions(router: Router, ctx: RouteContext): void {
  const { engine } = ctx;

  listAndCount(router, '/process-definition', definitionQuery, {
    list: (q) => engine.listProcessDefinitions(q),
    count: (q) => engine.countProcessDefinitions(q),
    toDto: processDefinitionDto,
  });

  router.get('/process-definition/key/:key', async (req, res) => {
    sendJson(res, 200, processDefinitionDto(await byKey(ctx, param(req, 'key'))));
  });

  router.get('/process-definition/key/:key/xml', async (req, res) => {
    const def = await byKey(ctx, param(req, 'key'));
    await sendXml(ctx, res, def.id);
  });

  router.post('/process-definition/key/:key/start', async (req, res) => {
    const def = await byKey(ctx, param(req, 'key'));
    await start(ctx, req, res, def.id);
  });

  router.get('/process-definition/:id', async (req, res) => {
    const id = param(req, 'id');
    const def = await guard(() => engine.getProcessDefinition(id), { notFound: noDefinition(id) });
    sendJson(res, 200, processDefinitionDto(def));
  });

  router.get('/process-definition/:id/xml', async (req, res) => {
    await sendXml(ctx, res, param(req, 'id'));
  });

  router.post('/process-definition/:id/start', async (req, res) => {
    await start(ctx, req, res, param(req, 'id'));
  });
}

/** The latest version of `key`; Camunda answers an unknown key with 404 RestException. */
function byKey(ctx: RouteContext, key: string): Promise<ProcessDefinition> {
  return guard(() => ctx.engine.getProcessDefinitionByKey(key), {
    // Camunda queries for the key itself: a 404 without an engine cause (code null).
    notFound: () => restException(404, `No matching process definition with key: ${key} and no tenant-id`),
  });
}

async function sendXml(ctx: RouteContext, res: Response, id: string): Promise<void> {
  const xml = await guard(() => ctx.engine.getProcessDefinitionXml(id), { notFound: noDefinition(id) });
  sendJson(res, 200, { id, bpmn20Xml: xml });
}

/**
 * Camunda prefixes every start failure with `Cannot instantiate process definition <id>: `; a
 * modelling error (e.g. an unknown variable in an expression) is a 500, bad variables a 400.
 */
async function start(ctx: RouteContext, req: Request, res: Response, definitionId: string): Promise<void> {
  const body = parseBody(startBody, req.body);
  const prefix = `Cannot instantiate process definition ${definitionId}: `;
  const instance = await guard(
    () =>
      ctx.engine.startProcessInstance({
        definitionId,
        businessKey: body.businessKey ?? null,
        variables: decodeVariables(body.variables),
        withVariablesInReturn: body.withVariablesInReturn ?? false,
      }),
    {
      notFound: (e) => invalidRequest(404, prefix + e.message, e),
      badUser: (e) => invalidRequest(400, prefix + e.message, e),
      invalid: (e) => invalidRequest(statusOf(e), prefix + e.message, e),
      engine: (e) => restException(500, prefix + e.message, e),
    },
  );
  const links = selfLink(req, `/process-instance/${instance.id}`);
  const key = await ctx.definitionKeyOf(instance.definitionId);
  sendJson(
    res,
    200,
    body.withVariablesInReturn
      ? // Camunda returns values as it holds them: an Object set from its JSON stays serialized.
        processInstanceWithVariablesDto(instance, key, links, { zone: ctx.zone, deserializeValues: false })
      : processInstanceDto(instance, key, links),
  );
}
