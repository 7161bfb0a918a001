/**
 * Query-string parameters, validated with zod and converted as Camunda's converters do: booleans
 * are `true`/`false`, lists are comma-separated, dates use Camunda's format, only the first value
 * of a repeated parameter counts and unknown parameters are ignored. A bad value gets Camunda's
 * message, `Cannot set query parameter 'maxResults' to value 'abc': …`, as a 400
 * InvalidRequestException naming the parameter.
 */
import { z } from 'zod';
import { RestError } from './rest-error.js';
import { parseCamundaDate } from './date-format.js';

const convertError =
  (javaType: string, quoted = false) =>
  (iss: { input?: unknown }) =>
    `Cannot convert value ${quoted ? `"${String(iss.input)}"` : String(iss.input)} to java type ${javaType}`;

/** `true` / `false`. */
export const qBool = z
  .enum(['true', 'false'], { error: convertError('java.lang.Boolean') })
  .transform((v) => v === 'true');

/** A 32-bit integer; `min` guards paging values. */
export const qInt = (min = Number.MIN_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^-?\d{1,10}$/, { error: convertError('java.lang.Integer') })
    .transform(Number)
    .refine((n) => n >= min && n <= 2 ** 31 - 1, { error: convertError('java.lang.Integer') });

/** A date in Camunda's format. */
export const qDate = z.string().transform((v, ctx) => {
  const d = parseCamundaDate(v);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: convertError('java.util.Date', true)({ input: v }) });
    return z.NEVER;
  }
  return d;
});

/** A comma-separated list (Camunda's StringListConverter). */
export const qList = z.string().transform((v) => v.split(',').filter((s) => s.length > 0));

/** A plain string. */
export const qString = z.string();

/**
 * `sortBy` restricted to the values the endpoint knows. Camunda's message for a bad value has no
 * converter suffix, so the issue message is left empty.
 */
export const qSortBy = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { error: '' });
export const qSortOrder = z.enum(['asc', 'desc'], { error: '' });

/** Paging, shared by every list endpoint. */
export const pagingShape = {
  firstResult: qInt(0).optional(),
  maxResults: qInt(0).optional(),
};

/** Express 5's simple query parser gives string | string[]; Camunda reads the first value only. */
export function firstValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query || typeof query !== 'object') return out;
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/**
 * Validates `query` against `schema`; the first failing parameter becomes a 400. Enforces Camunda's
 * rule that `sortBy` and `sortOrder` come together.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, query: unknown): z.output<S> {
  const raw = firstValues(query);
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const suffix = issue.message ? `: ${issue.message}` : '';
    throw new RestError(
      400,
      'InvalidRequestException',
      `Cannot set query parameter '${key}' to value '${raw[key] ?? ''}'${suffix}`,
      {
        field: key,
      },
    );
  }
  const out = result.data as Record<string, unknown>;
  if ((out.sortBy === undefined) !== (out.sortOrder === undefined)) {
    throw new RestError(
      400,
      'InvalidRequestException',
      'Only a single sorting parameter specified. sortBy and sortOrder required',
      { field: out.sortBy === undefined ? 'sortBy' : 'sortOrder' },
    );
  }
  return result.data;
}

/** Drops undefined values, so a port query carries only the filters the caller set. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Drops undefined and null values (JSON bodies send `null` for "not set"). */
export function compact<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

/** A count takes a list's filters without its paging and sorting. */
export function filtersOnly<
  T extends { firstResult?: unknown; maxResults?: unknown; sortBy?: unknown; sortOrder?: unknown },
>(q: T): Omit<T, 'firstResult' | 'maxResults' | 'sortBy' | 'sortOrder'> {
  const { firstResult: _f, maxResults: _m, sortBy: _s, sortOrder: _o, ...rest } = q;
  return defined(rest);
}
