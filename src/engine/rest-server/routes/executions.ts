/**
 * An execution's local variables. The official client's `File.load()` reads
 * `GET /execution/{processInstanceId}/localVariables/{name}/data`: a process instance id is also
 * its root execution's id, as in Camunda.
 */
import type { Request, Router } from 'express';
import { z } from 'zod';
import { parseQuery, qBool } from '../wire/query.js';
import { sendJson } from '../wire/send.js';
import { encodeTypedValue } from '../wire/typed-values-encode.js';
import { guard, invalidRequest, param, restException, type RouteContext } from './context.js';
import { sendVariableData } from './variable-data.js';

export function registerExecutions(router: Router, ctx: RouteContext): void {
  const local = (req: Request) => {
    const id = param(req, 'id');
    const name = param(req, 'name');
    return guard(() => ctx.engine.getExecutionLocalVariable(id, name), {
      notFound: () => invalidRequest(404, `execution variable with name ${name} does not exist`),
      engine: (e) => restException(500, `Cannot get execution variable ${name}: ${e.message}`, e),
    });
  };

  router.get('/execution/:id/localVariables/:name', async (req, res) => {
    const { deserializeValue } = parseQuery(z.object({ deserializeValue: qBool.optional() }), req.query);
    const value = await local(req);
    sendJson(
      res,
      200,
      encodeTypedValue(value, { zone: ctx.zone, deserializeValues: deserializeValue ?? true }),
    );
  });

  router.get('/execution/:id/localVariables/:name/data', async (req, res) => {
    sendVariableData(res, await local(req), param(req, 'id'));
  });
}
