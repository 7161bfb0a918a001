/** zod validation of a request's parts, as a 400 naming every bad field. */
import type { z } from 'zod';
import { badRequest } from './problem.js';

/** Parses `value` with `schema`; a failure is a 400 whose errors name each field under `where`. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(
    result.error.issues.flatMap((issue) =>
      // A field the request does not take is named on its own, so each bad field has its own path.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: [where, ...issue.path.map(String), key.slice(0, 100)].join('.'),
            message: 'not a field of this request',
          }))
        : [
            {
              path: [where, ...issue.path.map(String)].join('.'),
              // zod's messages describe the rule, never echo the value.
              message: issue.message,
            },
          ],
    ),
  );
}
