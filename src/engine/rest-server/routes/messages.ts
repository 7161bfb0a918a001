/** POST /message: correlate a message by name, business key, instance id or correlation keys. */
import type { Router } from 'express';
import { z } from 'zod';
import { messageCorrelationResultDto } from '../dto/runtime.js';
import { parseBody } from '../wire/body.js';
import { sendJson, sendNoContent } from '../wire/send.js';
import { decodeVariables } from '../wire/typed-values.js';
import { guard, invalidRequest, restException, statusOf, type RouteContext } from './context.js';

const messageBody = z.object({
  messageName: z.string().nullish(),
  businessKey: z.string().nullish(),
  processInstanceId: z.string().nullish(),
  correlationKeys: z.record(z.string(), z.unknown()).nullish(),
  processVariables: z.record(z.string(), z.unknown()).nullish(),
  all: z.boolean().nullish(),
  resultEnabled: z.boolean().nullish(),
  variablesInResultEnabled: z.boolean().nullish(),
});

const MISMATCH = 'org.camunda.bpm.engine.MismatchingMessageCorrelationException';

export function registerMessages(router: Router, ctx: RouteContext): void {
  router.post('/message', async (req, res) => {
    const b = parseBody(messageBody, req.body);
    if (!b.messageName) throw invalidRequest(400, 'No message name supplied');
    const messageName = b.messageName;
    const withVariables = b.variablesInResultEnabled ?? false;
    if (withVariables && !b.resultEnabled) {
      throw invalidRequest(
        400,
        "Parameter 'variablesInResultEnabled' cannot be used without 'resultEnabled' set to true.",
      );
    }
    const results = await guard(
      () =>
        ctx.engine.correlateMessage({
          messageName,
          businessKey: b.businessKey ?? null,
          processInstanceId: b.processInstanceId ?? null,
          correlationKeys: decodeVariables(b.correlationKeys, 'correlationKeys'),
          processVariables: decodeVariables(b.processVariables, 'processVariables'),
          all: b.all ?? false,
          resultEnabled: b.resultEnabled ?? false,
          variablesInResultEnabled: withVariables,
        }),
      {
        invalid: (e) => invalidRequest(statusOf(e), `Cannot deliver message: ${e.message}`, e),
        // Camunda wraps MismatchingMessageCorrelationException whole, so its message starts with the class name.
        badUser: (e) => restException(400, `${MISMATCH}: ${e.message}`, e),
        notFound: (e) => restException(400, `${MISMATCH}: ${e.message}`, e),
        engine: (e) =>
          e.camundaType === 'MismatchingMessageCorrelationException'
            ? restException(400, `${MISMATCH}: ${e.message}`, e)
            : e,
      },
    );
    if (!b.resultEnabled) return sendNoContent(res);
    const enc = { zone: ctx.zone, deserializeValues: false };
    const dtos = [];
    for (const r of results) {
      const key = r.processInstance ? await ctx.definitionKeyOf(r.processInstance.definitionId) : null;
      dtos.push(messageCorrelationResultDto(r, key, enc, withVariables));
    }
    sendJson(res, 200, dtos);
  });
}
