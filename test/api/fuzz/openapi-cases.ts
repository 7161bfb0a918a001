/**
 * The write operations `/api/openapi.json` documents, and for an operation no fuzz test knows by
 * name, a valid-looking JSON body built from its request schema (each property given a value of its
 * type: the first of an enum, a date for a date format, required ones always, optional ones half the
 * time), which bodies.ts then mutates.
 */
import fc from 'fast-check';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  minLength?: number;
  pattern?: string;
};

/** One documented write operation, as `post /escalations/{id}/withdraw`. */
export interface WriteOperation {
  key: string;
  method: string;
  path: string;
  schema: Schema | null;
}

const WRITES = ['post', 'put', 'patch', 'delete'];

/** Every write operation of the document, with its JSON request schema (if any). */
export function writeOperations(document: {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}): WriteOperation[] {
  const out: WriteOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!WRITES.includes(method)) continue;
      const schema = operation.requestBody?.content?.['application/json']?.schema ?? null;
      out.push({ key: `${method} ${path}`, method, path, schema });
    }
  }
  return out;
}

/** A value of the schema's type that its simplest rules accept. */
function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const inner = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (inner) return sample(inner);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date') return '2026-11-03';
      if (s.format === 'date-time') return '2026-11-03T10:00:00.000Z';
      if (s.format === 'email') return 'someone@example.org';
      return 'Fuzz text';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return 'Fuzz text';
  }
}

/** Valid-looking bodies of an object schema, and the field names it has. */
export function bodiesOf(schema: Schema | null): {
  valid: fc.Arbitrary<Record<string, unknown>>;
  fields: string[];
} {
  const properties = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  const fields = Object.keys(properties);
  const valid = fc
    .tuple(...fields.map((f) => (required.has(f) ? fc.constant(true) : fc.boolean())))
    .map((present) => {
      const body: Record<string, unknown> = {};
      fields.forEach((f, i) => {
        if (present[i]) body[f] = sample(properties[f]!);
      });
      return body;
    });
  return { valid: fields.length ? valid : fc.constant({}), fields };
}
