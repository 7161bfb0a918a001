/**
 * Generated request bodies for the API's fuzz tests (fast-check): a valid body mutated one to three
 * times (a field removed, a field of the wrong type, a huge or strange string, a number where a date
 * goes, deep nesting, an extra field such as `__proto__` or `constructor`), a value in a nested
 * object mutated, and raw bodies that are not a JSON object at all. Each case says which fields it
 * touched, so a 400 can be checked to name one of them.
 */
import fc from 'fast-check';

/** A body to send: JSON (encoded here, `__proto__` keys kept as keys) or raw text of a media type. */
export interface BodyCase {
  [fc.toStringMethod]?: () => string;
  kind: 'valid' | 'mutated' | 'raw';
  /** The body's text; undefined sends no body at all. */
  text: string | undefined;
  contentType: string | undefined;
  /** The fields a mutation touched (dotted paths); empty for valid and raw cases. */
  touched: string[];
  /** What was done, for the failure message. */
  label: string;
}

type Json = unknown;

/** Keys that pollute a prototype when merged carelessly, and names the server sets itself. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];

/** A case as fast-check prints a counterexample: what was done and the start of the body. */
function shown(c: Omit<BodyCase, typeof fc.toStringMethod>): BodyCase {
  const text =
    c.text === undefined
      ? '(none)'
      : c.text.length > 300
        ? `${c.text.slice(0, 300)}… (${c.text.length} characters)`
        : c.text;
  return { ...c, [fc.toStringMethod]: () => `${c.label} as ${c.contentType ?? '(no type)'}: ${text}` };
}

/** Sets `key` as an own, enumerable property, even `__proto__` (so JSON.stringify writes it). */
export function withKey(object: Record<string, Json>, key: string, value: Json): Record<string, Json> {
  const copy: Record<string, Json> = {};
  for (const k of Object.keys(object)) Object.defineProperty(copy, k, ownValue(object[k]));
  Object.defineProperty(copy, key, ownValue(value));
  return copy;
}

const ownValue = (value: Json): PropertyDescriptor => ({
  value,
  enumerable: true,
  writable: true,
  configurable: true,
});

function without(object: Record<string, Json>, key: string): Record<string, Json> {
  const copy: Record<string, Json> = {};
  for (const k of Object.keys(object)) if (k !== key) Object.defineProperty(copy, k, ownValue(object[k]));
  return copy;
}

/** Arrays or objects nested `depth` levels (the server refuses beyond 100). */
const nested = (depth: number, object: boolean): Json => {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = object ? { a: value } : [value];
  return value;
};

const pollutingObject = fc.constantFrom<Json>(
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}}'),
);

/** Strings worth trying in any text field. */
const strangeStrings = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\uFEFF',
  '\u202Eevil',
  '\ud800',
  'null',
  'true',
  '0',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-11-02T10:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE escalations; --",
  '${7*7}',
  '{{7*7}}',
  '=not(true)',
  '%s%n%x',
  'Ω≈ç√∫ 😀🧒🏽‍🦱 ﷽',
  'a'.repeat(4001),
);

/** A value of any JSON type, often not the one a field takes. */
export const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, -0, 1e308, 2 ** 53 + 1, 20170219), weight: 3 },
  // Numbers where dates go: epoch milliseconds and seconds, a YYYYMMDD number.
  { arbitrary: fc.integer({ min: -2e12, max: 2e12 }), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: strangeStrings, weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer({ min: 200, max: 300_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    weight: 1,
  },
  {
    arbitrary: fc.integer({ min: 2, max: 400 }).chain((d) => fc.boolean().map((o) => nested(d, o))),
    weight: 1,
  },
  { arbitrary: pollutingObject, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** A field's value turned into text of itself ("true", "42"): lenient coercion must not accept it… silently. */
const asText = (value: Json): Json => (typeof value === 'string' ? 0 : JSON.stringify(value));

type Mutation =
  | { op: 'delete'; field: string }
  | { op: 'set'; field: string; value: Json }
  | { op: 'text'; field: string }
  | { op: 'add'; key: string; value: Json }
  | { op: 'inner'; field: string; mutation: Mutation };

/**
 * One mutation: a field of the body removed or turned into text, any field (present or not) set to
 * a strange value, an extra key, or a change inside a nested object.
 */
function mutationArb(
  fields: readonly string[],
  present: readonly string[],
  nestedFields: readonly string[],
): fc.Arbitrary<Mutation> {
  const extraKey = fc.oneof(
    fc.constantFrom(
      ...HOSTILE_KEYS,
      'escalationId',
      'raisedAt',
      'raisedByAgency',
      'raisedBy',
      'status',
      'id',
    ),
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.integer({ min: 101, max: 2000 }).map((n) => 'k'.repeat(n)),
  );
  const add = fc.record({ op: fc.constant('add' as const), key: extraKey, value: weirdValue });
  // A body of no fields (an action without data) can only gain some.
  if (fields.length === 0) return add;
  const any: fc.Arbitrary<Mutation>[] = [
    fc.record({ op: fc.constant('set' as const), field: fc.constantFrom(...fields), value: weirdValue }),
    add,
  ];
  if (present.length > 0) {
    const field = fc.constantFrom(...present);
    any.push(
      field.map((f) => ({ op: 'delete' as const, field: f })),
      field.map((f) => ({ op: 'text' as const, field: f })),
    );
  }
  const nestedHere = nestedFields.filter((f) => present.includes(f));
  if (nestedHere.length === 0) return fc.oneof(...any);
  const innerField = fc.constantFrom('name', 'dateOfBirth', 'address', 'parents');
  const inner = fc.record({
    op: fc.constant('inner' as const),
    field: fc.constantFrom(...nestedHere),
    mutation: fc.oneof(
      innerField.map((f) => ({ op: 'delete' as const, field: f })),
      fc.record({ op: fc.constant('set' as const), field: innerField, value: weirdValue }),
      fc.record({ op: fc.constant('add' as const), key: extraKey, value: weirdValue }),
    ),
  });
  return fc.oneof(...any, inner);
}

function apply(body: Record<string, Json>, m: Mutation): { body: Record<string, Json>; touched: string } {
  switch (m.op) {
    case 'delete':
      return { body: without(body, m.field), touched: m.field };
    case 'set':
      return { body: withKey(body, m.field, m.value), touched: m.field };
    case 'text':
      return { body: withKey(body, m.field, asText(body[m.field])), touched: m.field };
    case 'add':
      return { body: withKey(body, m.key, m.value), touched: m.key };
    case 'inner': {
      const current = body[m.field];
      const object = current && typeof current === 'object' ? (current as Record<string, Json>) : {};
      const done = apply(object, m.mutation);
      return { body: withKey(body, m.field, done.body), touched: `${m.field}.${done.touched}` };
    }
  }
}

const describeMutation = (m: Mutation): string => {
  if (m.op === 'inner') return `${m.field}.(${describeMutation(m.mutation)})`;
  const name = 'field' in m ? m.field : m.key;
  return `${m.op} ${name.length > 40 ? `${name.slice(0, 40)}… (${name.length} characters)` : name}`;
};

/**
 * Bodies from `valid` (an arbitrary of valid bodies): some sent as they are, most mutated one to
 * three times over `fields` (and inside the objects `nestedFields`), some raw. `validWeight` (of
 * 40; default 2) is how often a valid body is sent as it is.
 */
export function bodyCases(
  valid: fc.Arbitrary<Record<string, Json>>,
  fields: readonly string[],
  options: { nestedFields?: string[]; validWeight?: number } = {},
): fc.Arbitrary<BodyCase> {
  const mutated = valid
    .chain((base) =>
      fc.tuple(
        fc.constant(base),
        fc.array(mutationArb(fields, Object.keys(base), options.nestedFields ?? []), {
          minLength: 1,
          maxLength: 3,
        }),
      ),
    )
    .map(([base, mutations]): BodyCase => {
      let body = base;
      const touched: string[] = [];
      for (const m of mutations) {
        const done = apply(body, m);
        body = done.body;
        touched.push(done.touched);
      }
      return shown({
        kind: 'mutated',
        text: JSON.stringify(body),
        contentType: 'application/json',
        touched,
        label: mutations.map(describeMutation).join('; '),
      });
    });
  const sent = valid.map((body): BodyCase =>
    shown({
      kind: 'valid',
      text: JSON.stringify(body),
      contentType: 'application/json',
      touched: [],
      label: 'valid',
    }),
  );
  return fc.oneof(
    { arbitrary: sent, weight: options.validWeight ?? 2 },
    { arbitrary: mutated, weight: 32 },
    { arbitrary: rawCases(valid), weight: 6 },
  );
}

/** Bodies that are not a JSON object: broken JSON, other JSON values, other media types, none, too big. */
export function rawCases(valid: fc.Arbitrary<Record<string, Json>>): fc.Arbitrary<BodyCase> {
  const raw = (text: string | undefined, contentType: string | undefined, label: string): BodyCase =>
    shown({ kind: 'raw', text, contentType, touched: [], label });
  const json = 'application/json';
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }).map((t) => raw(t, json, 'random text as JSON')),
    valid.chain((v) =>
      fc
        .nat({ max: JSON.stringify(v).length - 1 })
        .map((n) => raw(JSON.stringify(v).slice(0, n), json, 'cut off')),
    ),
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
      .map((v) => raw(JSON.stringify(v), json, 'not an object')),
    fc.constantFrom(
      raw('{"a":1,}', json, 'trailing comma'),
      raw("{'a':1}", json, 'single quotes'),
      raw('{"a":NaN}', json, 'NaN'),
      raw('{"a":1}{"b":2}', json, 'two documents'),
      raw('\uFEFF{}', json, 'byte order mark'),
      raw('[]'.repeat(1) + ']'.repeat(10), json, 'unbalanced'),
      raw('['.repeat(100_000), json, 'deep brackets'),
      raw('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), json, 'deep objects'),
      raw(`{"a":"${'x'.repeat(1_100_000)}"}`, json, 'over 1 MiB'),
      raw('', json, 'empty'),
      raw(undefined, undefined, 'no body'),
      raw('{}', undefined, 'no content type'),
    ),
    fc
      .tuple(
        valid,
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'application/merge-patch+json',
        ),
      )
      .map(([v, type]) => raw(JSON.stringify(v), type, `as ${type}`)),
  );
}
