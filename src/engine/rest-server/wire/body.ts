/**
 * JSON request bodies, validated with zod. Camunda answers a mistyped field with a 400
 * InvalidRequestException and an empty message (Jackson's mapping error); we keep the status and
 * type but name the field, so the caller can fix it.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { RestError } from './rest-error.js';

/** Validates `body` (an absent body counts as `{}`, as a body-less Camunda POST does). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body === undefined || body === null || body === '' ? {} : body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(body)';
  throw new RestError(400, 'InvalidRequestException', `Invalid value for '${field}': ${issue.message}`, {
    field,
  });
}

/** Whether the request carries a body at all (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
