/**
 * The OpenAPI document schemathesis fuzzes `/engine-rest` from: Camunda 7.15's, with the
 * conformance harness's corrections (test/conformance/harness/openapi.ts), restricted to the
 * operations our router serves, its `{id}`-style path parameters drawn from real ids seeded on the
 * server (and one unknown id), and the long poll capped at 1 s so that the response-time guard
 * applies to every answer.
 */
import { createEngineRest } from '../../src/engine/rest-server/engine-rest-router.js';
import type { EnginePort } from '../../src/engine/port.js';
import { correctedOpenApiDocument } from '../../test/conformance/harness/openapi.js';

type Json = Record<string, unknown>;

/** Real values for path parameters, by the first segment of the path and the parameter's name. */
export type SeededIds = Record<string, Record<string, string[]>>;

/** An id no resource has, so 404s are fuzzed too. */
export const UNKNOWN_ID = 'no-such-id';

/** Longest long poll a fuzzed fetchAndLock may ask for (ms). */
export const FUZZ_LONG_POLL_MS = 1_000;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `get /process-instance/{}/variables`: method and path with every parameter blanked. */
const shape = (method: string, path: string): string =>
  `${method.toLowerCase()} ${path.replace(/:[A-Za-z]+|\{[^}]+\}/g, '{}')}`;

/** Every operation our `/engine-rest` router serves, as {@link shape}s. */
export function servedOperations(): Set<string> {
  const { router } = createEngineRest({ engine: {} as EnginePort });
  const out = new Set<string>();
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) out.add(shape(m, layer.route.path));
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return out;
}

/** The document to fuzz, with `seeded` ids as the only values of path parameters. */
export function fuzzingDocument(seeded: SeededIds): { document: Json; operations: number } {
  const doc = correctedOpenApiDocument();
  const served = servedOperations();
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      if (!['get', 'post', 'put', 'delete'].includes(method)) continue;
      if (!served.has(shape(method, path))) {
        delete item[method];
        continue;
      }
      operations++;
      seedPathParameters(path, item[method] as Json, seeded);
    }
    if (!Object.keys(item).some((m) => ['get', 'post', 'put', 'delete'].includes(m))) delete doc.paths[path];
  }
  const fetch = (doc.components.schemas.FetchExternalTasksDto as Json).properties as Json;
  fetch.asyncResponseTimeout = { type: 'integer', minimum: 0, maximum: FUZZ_LONG_POLL_MS, nullable: true };
  return { document: doc, operations };
}

function seedPathParameters(path: string, operation: Json, seeded: SeededIds): void {
  const resource = path.split('/')[1] === 'history' ? `history/${path.split('/')[2]}` : path.split('/')[1]!;
  for (const parameter of (operation.parameters as Json[] | undefined) ?? []) {
    if (parameter.in !== 'path') continue;
    const name = String(parameter.name);
    const values = seeded[resource]?.[name] ?? seeded['*']?.[name];
    if (values?.length) parameter.schema = { type: 'string', enum: [...values, UNKNOWN_ID] };
  }
}
