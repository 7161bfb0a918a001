/**
 * Compares an engine's answer with a golden file of Operaton's answer, by shape: same status, the same
 * Content-Type, the same keys with the same JSON types, placeholders honoured (`<date>` must be in
 * Camunda's date format, `<id>` any non-empty string, …), and chosen paths compared exactly (by default
 * the error `type` and `code`, the variable `type`s). Pure: no I/O. Use with normalize.ts' GoldenFile.
 */
import { CAMUNDA_DATE, PLACEHOLDERS, type GoldenFile } from './normalize.js';

/** One difference, at a JSON path such as `body.variables.aDate.value`. */
export interface Difference {
  path: string;
  expected: string;
  actual: string;
}

/** Options of {@link compareWithGolden}. */
export interface CompareOptions {
  /**
   * Body paths whose values must equal the golden literal (`*` matches one segment, e.g. `*.type`).
   * Default: {@link DEFAULT_EXACT}.
   */
  exact?: string[];
  /** Body paths to skip entirely (fields we deliberately do not serve; document each in docs/camunda-rest.md). */
  ignore?: string[];
  /** Tolerate extra keys in the actual body (default false: an extra key is a difference). */
  allowExtraKeys?: boolean;
}

/** Error `type`/`code` and every variable's `type` must match Operaton's exactly. */
export const DEFAULT_EXACT = ['type', 'code', '*.type', '*.*.type', 'variables.*.type'];

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));
const jsonType = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('.');
  const b = path.split('.');
  return a.length === b.length && a.every((segment, i) => segment === '*' || segment === b[i]);
}

function placeholderMatches(placeholder: string, actual: unknown): boolean | undefined {
  switch (placeholder) {
    case PLACEHOLDERS.date:
      return typeof actual === 'string' && CAMUNDA_DATE.test(actual);
    case PLACEHOLDERS.id:
    case PLACEHOLDERS.processDefinitionId:
    case PLACEHOLDERS.activityInstanceId:
      return typeof actual === 'string' && actual.length > 0;
    case PLACEHOLDERS.url:
      return typeof actual === 'string' && /^https?:\/\//.test(actual);
    case PLACEHOLDERS.string:
      return typeof actual === 'string';
    case PLACEHOLDERS.number:
      return typeof actual === 'number';
    default:
      return undefined;
  }
}

interface Walk {
  options: Required<CompareOptions>;
  out: Difference[];
}

function compareObjects(expected: Record<string, unknown>, actual: Record<string, unknown>, path: string, walk: Walk): void {
  for (const key of Object.keys(expected)) {
    const child = path ? `${path}.${key}` : key;
    if (walk.options.ignore.some((p) => pathMatches(p, child))) continue;
    if (!(key in actual)) walk.out.push({ path: `body.${child}`, expected: describe(expected[key]), actual: 'missing key' });
    else compareValue(expected[key], actual[key], child, walk);
  }
  if (walk.options.allowExtraKeys) return;
  for (const key of Object.keys(actual)) {
    const child = path ? `${path}.${key}` : key;
    if (!(key in expected) && !walk.options.ignore.some((p) => pathMatches(p, child))) {
      walk.out.push({ path: `body.${child}`, expected: 'no such key', actual: describe(actual[key]) });
    }
  }
}

function compareValue(expected: unknown, actual: unknown, path: string, walk: Walk): void {
  const where = `body${path ? `.${path}` : ''}`;
  if (typeof expected === 'string') {
    const placeholder = placeholderMatches(expected, actual);
    if (placeholder === false) walk.out.push({ path: where, expected, actual: describe(actual) });
    if (placeholder !== undefined) return;
  }
  if (jsonType(expected) !== jsonType(actual)) {
    walk.out.push({ path: where, expected: `${jsonType(expected)} ${describe(expected)}`, actual: `${jsonType(actual)} ${describe(actual)}` });
    return;
  }
  if (Array.isArray(expected)) {
    // Every actual element must have the shape of the golden's first element (lists are homogeneous here);
    // an empty golden list has no model, so the answer's list must be empty too.
    const [model] = expected;
    const items = actual as unknown[];
    if (model === undefined) {
      if (items.length > 0) walk.out.push({ path: where, expected: '[]', actual: describe(actual) });
      return;
    }
    items.forEach((item, i) => compareValue(model, item, `${path}${path ? '.' : ''}${i}`, walk));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    compareObjects(expected as Record<string, unknown>, actual as Record<string, unknown>, path, walk);
    return;
  }
  const exact = walk.options.exact.some((p) => pathMatches(p, path.replace(/\.\d+(?=\.|$)/g, '')));
  if (exact && expected !== actual) walk.out.push({ path: where, expected: describe(expected), actual: describe(actual) });
}

/**
 * Returns every difference between an actual answer and the golden one; empty when they match.
 * @param actual the status, the exact Content-Type header, and the parsed JSON body (or text, or null).
 */
export function compareWithGolden(
  golden: Pick<GoldenFile, 'status' | 'headers' | 'body'>,
  actual: { status: number; contentType: string | null; body: unknown },
  options: CompareOptions = {},
): Difference[] {
  const walk: Walk = {
    options: { exact: options.exact ?? DEFAULT_EXACT, ignore: options.ignore ?? [], allowExtraKeys: options.allowExtraKeys ?? false },
    out: [],
  };
  if (golden.status !== actual.status) walk.out.push({ path: 'status', expected: String(golden.status), actual: String(actual.status) });
  if (golden.headers['content-type'] !== actual.contentType) {
    walk.out.push({ path: 'headers.content-type', expected: describe(golden.headers['content-type']), actual: describe(actual.contentType) });
  }
  compareValue(golden.body, actual.body, '', walk);
  return walk.out;
}

/** Formats differences for an assertion message, one per line. */
export function formatDifferences(name: string, differences: Difference[]): string {
  return [`${name}: ${differences.length} difference(s) from Operaton's golden answer`]
    .concat(differences.map((d) => `  ${d.path}: expected ${d.expected}, got ${d.actual}`))
    .join('\n');
}
