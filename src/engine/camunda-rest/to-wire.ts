/** The port's queries and values in Camunda's request forms. */
import type { VariableMap } from '../variables.js';
import { formatCamundaDate } from '../rest-server/wire/date-format.js';
import { type WireTypedValue } from '../rest-server/wire/typed-values.js';
import { encodeVariables } from '../rest-server/wire/typed-values-encode.js';
import { filtersOnly } from '../rest-server/wire/query.js';
import type { QueryValue } from './http-client.js';

/** Variables for a request body: Object values serialized, File content inlined. */
export function wireVariables(map: VariableMap | undefined): Record<string, WireTypedValue> | undefined {
  if (!map || Object.keys(map).length === 0) return undefined;
  return encodeVariables(map, { zone: 'UTC', deserializeValues: false, inlineFiles: true });
}

/** Camunda's query-string encoding: dates in its format, lists comma-separated. */
export function queryParams(query: object | undefined): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (v instanceof Date) out[k] = formatCamundaDate(v, 'UTC');
    else if (Array.isArray(v)) out[k] = v.join(',');
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** A count query carries the filters only (no paging or sorting). */
export function countParams(query: object | undefined): Record<string, QueryValue> {
  return queryParams(filtersOnly((query ?? {}) as Record<string, unknown>));
}
