/**
 * The engine's own check of typed variables at the port (the REST surface validates its wire
 * format before this; in-process callers get the same guarantees). zod describes what each type
 * may hold; a bad value is a 400 naming the variable, and nothing is written.
 */
import { z } from 'zod';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { VariableMap } from '../../variables.js';

const INT32 = 2147483647;
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const typed = z.discriminatedUnion('type', [
  z.object({ type: z.literal('String'), value: nullable(z.string()) }),
  z.object({ type: z.literal('Boolean'), value: nullable(z.boolean()) }),
  z.object({
    type: z.literal('Integer'),
    value: nullable(
      z
        .number()
        .int()
        .min(-INT32 - 1)
        .max(INT32),
    ),
  }),
  z.object({ type: z.literal('Short'), value: nullable(z.number().int().min(-32768).max(32767)) }),
  z.object({ type: z.literal('Long'), value: nullable(z.number().int()) }),
  z.object({ type: z.literal('Double'), value: nullable(z.number()) }),
  z.object({ type: z.literal('Date'), value: nullable(z.date().refine((d) => !Number.isNaN(d.getTime()))) }),
  z.object({ type: z.literal('Null'), value: z.null().optional() }),
  z.object({ type: z.literal('Json'), value: nullable(z.string()) }),
  z.object({
    type: z.literal('Object'),
    value: nullable(z.string()),
    valueInfo: z.object({
      objectTypeName: z.string(),
      serializationDataFormat: z.literal('application/json'),
    }),
  }),
  z.object({ type: z.literal('Bytes'), value: nullable(z.instanceof(Buffer)) }),
  z.object({
    type: z.literal('File'),
    value: nullable(z.instanceof(Buffer)),
    valueInfo: z.object({
      filename: z.string(),
      mimeType: z.string().optional(),
      encoding: z.string().optional(),
    }),
  }),
]);

/** Throws InvalidRequestError naming the first bad variable of `field`. */
export function validateVariables(variables: VariableMap | undefined, field: string): void {
  if (variables === undefined || variables === null) return;
  if (typeof variables !== 'object') throw new InvalidRequestError(`${field} must be an object`, field);
  for (const [name, value] of Object.entries(variables)) {
    if (name.length === 0)
      throw new InvalidRequestError(`${field}: a variable name must not be empty`, field);
    const result = typed.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new InvalidRequestError(
        `Cannot set variable '${name}' in ${field}: ${issue?.message ?? 'invalid value'}`,
        `${field}.${name}`,
      );
    }
  }
}
