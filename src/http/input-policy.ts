/**
 * The nesting and size policy for everything a client sends over HTTP: JSON bodies, variable
 * values (typed and serialized), multipart uploads and resource names. One module, so that
 * `/engine-rest` and the escalations API (`/api/v1`) refuse the same input with the same numbers;
 * docs/camunda-rest.md ("Input limits") lists them.
 *
 * Every check here is iterative: a hostile value nested a million levels deep costs one loop, never
 * a stack overflow, and no check calls `JSON.stringify` on what it checks. Messages name the field
 * and the limit, never the value.
 */
import { InputPolicyError } from './errors/input-policy-error.js';

export { InputPolicyError, type InputPolicyCode } from './errors/input-policy-error.js';

/** Largest JSON request body, in bytes (413 beyond). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/**
 * Deepest nesting of objects and arrays in a JSON body (the outermost counts 1). Camunda's own
 * DTOs need at most 6; a typed value's `value` sits at about 4, so a value may nest
 * {@link MAX_VALUE_DEPTH} levels inside any body.
 */
export const MAX_JSON_DEPTH = 100;
/** Deepest nesting of a Json or Object variable's JSON text, on write and when read back. */
export const MAX_VALUE_DEPTH = 64;
/** Largest String value or Json/Object serialized text, in UTF-8 bytes. */
export const MAX_TEXT_VALUE_BYTES = 256 * 1024;
/** Most parts (files and text fields) in one multipart upload. */
export const MAX_MULTIPART_PARTS = 100;
/** Largest file part (one deployment resource), in bytes. */
export const MAX_PART_BYTES = 5 * 1024 * 1024;
/** Largest text field of a multipart upload, in bytes. */
export const MAX_FIELD_BYTES = 64 * 1024;
/** Largest multipart upload as a whole (one deployment), in bytes, counted while it streams. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Longest resource or variable name (Camunda's NAME_ columns are varchar(255)). */
export const MAX_NAME_LENGTH = 255;

/** Field names from a client are shown shortened: a 100,000-character key must not fill a log. */
export function shownField(field: string, max = 80): string {
  return field.length <= max ? field : `${field.slice(0, max)}…`;
}

interface PathNode {
  key: string | number;
  parent: PathNode | null;
}

/** The path of `node` as `a.b[0].c`, at most `segments` segments from the top. */
function pathOf(node: PathNode | null, segments = 6): string {
  const keys: (string | number)[] = [];
  for (let n = node; n; n = n.parent) keys.unshift(n.key);
  const shown = keys.slice(0, segments).map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k));
  return shownField(shown.join('') + (keys.length > segments ? '…' : ''));
}

/**
 * Where `value` (parsed JSON) nests deeper than `limit`: the path of the first container beyond
 * it (`''` for the top), or null when it does not. Walks with its own stack, never recursion.
 */
export function tooDeepAt(value: unknown, limit: number): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: [unknown, number, PathNode | null][] = [[value, 1, null]];
  while (stack.length > 0) {
    const [current, depth, path] = stack.pop()!;
    if (depth > limit) return pathOf(path);
    const push = (key: string | number, child: unknown) => {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1, { key, parent: path }]);
    };
    // Pushed last to first, so the first deep branch in text order is found first; indexed
    // loops: a body of 500,000 numbers must not allocate an entry per number.
    if (Array.isArray(current)) for (let i = current.length - 1; i >= 0; i--) push(i, current[i]);
    else {
      const keys = Object.keys(current as object);
      for (let k = keys.length - 1; k >= 0; k--)
        push(keys[k]!, (current as Record<string, unknown>)[keys[k]!]);
    }
  }
  return null;
}

/** A container being scanned: an array counts its elements, an object remembers its last key. */
interface Frame {
  array: boolean;
  index: number;
  key: string;
  expectKey: boolean;
}

/**
 * {@link tooDeepAt} for the raw UTF-8 bytes of a JSON body, before it is parsed: a hostile body is
 * refused without building its million nested arrays. Exact for valid JSON; for invalid JSON it
 * may return null (the parser then refuses it). The path is the first deep branch in text order.
 */
export function tooDeepInUtf8At(bytes: Uint8Array, limit: number): string | null {
  const frames: Frame[] = [];
  let inString = false;
  let key: number[] | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === BACKSLASH) {
        // An escape stays in the key as written (`\\`, `\u00e9`), decoded when the key ends.
        if (key && key.length < 100) key.push(c, bytes[i + 1] ?? 0);
        i++;
      } else if (c === QUOTE) {
        inString = false;
        if (key) frames.at(-1)!.key = decodedKey(key);
        key = null;
      } else if (key && key.length < 100) key.push(c);
      continue;
    }
    const top = frames.at(-1);
    if (c === QUOTE) {
      inString = true;
      if (top && !top.array && top.expectKey) {
        key = [];
        top.expectKey = false;
      }
    } else if (OPEN.has(c)) {
      frames.push({ array: c === 0x5b, index: 0, key: '', expectKey: c === 0x7b });
      if (frames.length > limit) return pathOfFrames(frames.slice(0, -1));
    } else if (CLOSE.has(c)) frames.pop();
    else if (c === 0x2c && top) {
      if (top.array) top.index++;
      else top.expectKey = true;
    }
  }
  return null;
}

/** A key's JSON text (at most its first 100 bytes) decoded; as written if it was cut mid-escape. */
function decodedKey(bytes: number[]): string {
  const text = Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

/** The path through `frames` (each one's current element), as {@link tooDeepAt} writes it. */
function pathOfFrames(frames: Frame[]): string {
  let node: PathNode | null = null;
  for (const f of frames) node = { key: f.array ? f.index : f.key, parent: node };
  return pathOf(node);
}

/** Refuses a parsed JSON body nested deeper than {@link MAX_JSON_DEPTH} (400 naming where). */
export function checkJsonBodyDepth(body: unknown, limit = MAX_JSON_DEPTH): void {
  throwIfTooDeep(tooDeepAt(body, limit), limit);
}

/** Refuses the raw UTF-8 bytes of a JSON body nested deeper than `limit`, before parsing. */
export function checkUtf8JsonDepth(bytes: Uint8Array, limit = MAX_JSON_DEPTH): void {
  throwIfTooDeep(tooDeepInUtf8At(bytes, limit), limit);
}

function throwIfTooDeep(at: string | null, limit: number): void {
  if (at === null) return;
  const where = at === '' ? 'The request body' : `The request body at '${at}'`;
  throw new InputPolicyError(
    'JSON_TOO_DEEP',
    400,
    at || '(body)',
    limit,
    `${where} nests deeper than the limit of ${limit} levels`,
  );
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/**
 * The nesting depth of JSON text, counted without parsing it (brackets outside strings), stopping
 * as soon as it passes `limit`. Exact for valid JSON, which is checked separately.
 */
export function jsonTextDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSE.has(c)) depth--;
  }
  return deepest;
}

/**
 * Why a Json or Object variable's serialized text may not be stored or deserialized (too large,
 * too deep, not JSON), as the end of a sentence about the value, or null when it is fine.
 */
export function serializedValueProblem(text: string): string | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_VALUE_BYTES) return `is larger than the limit of ${MAX_TEXT_VALUE_BYTES} bytes`;
  if (jsonTextDepth(text, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH) {
    return `nests deeper than the limit of ${MAX_VALUE_DEPTH} levels`;
  }
  try {
    JSON.parse(text);
  } catch {
    return 'is not valid JSON';
  }
  return null;
}

/** Why a String value may not be stored (too large), or null. */
export function textValueProblem(text: string): string | null {
  return Buffer.byteLength(text, 'utf8') > MAX_TEXT_VALUE_BYTES
    ? `is larger than the limit of ${MAX_TEXT_VALUE_BYTES} bytes`
    : null;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `name` is not a deployment resource name, or null. A resource name is a file name or a
 * relative path of plain names (`processes/liverpool/escalation.bpmn`, as `escalation deploy`
 * sends): never absolute (leading `/`), never an empty, `.`, `..` or hidden (`.x`) segment, no `\`
 * and no control characters, 1 to {@link MAX_NAME_LENGTH} characters. Names are stored and shown,
 * and must not read as a way out of a directory to anything that later writes them to disk.
 */
export function resourceNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return `a resource name must have 1 to ${MAX_NAME_LENGTH} characters`;
  }
  if (
    CONTROL.test(name) ||
    name.includes('\\') ||
    name.split('/').some((s) => s === '' || s.startsWith('.'))
  ) {
    return (
      'a resource name must be a file name or a relative path of plain names ' +
      `(no leading '/', no empty, '.', '..' or hidden segments, no '\\' or control characters)`
    );
  }
  return null;
}
