/**
 * A process instance's variables: the map, one by name, a binary one's bytes, and changes, with
 * Camunda's wording (`Cannot put process instance variable x: …`) for each failure.
 */
import type { Request, Router } from 'express';
import { z } from 'zod';
import { parseBody } from '../wire/body.js';
import { checkVariableName } from '../wire/names.js';
import { parseQuery, qBool } from '../wire/query.js';
import { sendJson, sendNoContent } from '../wire/send.js';
import { decodeTypedValue, decodeVariables } from '../wire/typed-values.js';
import { encodeTypedValue, encodeVariables } from '../wire/typed-values-encode.js';
import { guard, invalidRequest, param, restException, statusOf, type RouteContext } from './context.js';
import { sendVariableData } from './variable-data.js';

const RESOURCE = 'process instance';

const modificationBody = z.object({
  modifications: z.record(z.string(), z.unknown()).nullish(),
  deletions: z.array(z.string()).nullish(),
});

const missing = (id: string) => () => invalidRequest(404, `Process instance with id ${id} does not exist`);

export function registerProcessVariables(router: Router, ctx: RouteContext): void {
  registerReads(router, ctx);
  registerWrites(router, ctx);
}

function registerReads(router: Router, ctx: RouteContext): void {
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
}

function registerWrites(router: Router, ctx: RouteContext): void {
  const { engine } = ctx;
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

function variable(ctx: RouteContext, req: Request) {
  const id = param(req, 'id');
  const name = param(req, 'name');
  return guard(() => ctx.engine.getProcessVariable(id, name), {
    notFound: () => invalidRequest(404, `${RESOURCE} variable with name ${name} does not exist`),
    engine: (e) => restException(500, `Cannot get ${RESOURCE} variable ${name}: ${e.message}`, e),
  });
}
