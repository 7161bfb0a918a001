/**
 * Typed variables on the wire (`{ value, type, valueInfo }`) to the port's {@link TypedValue}
 * (the way back is `typed-values-encode.ts`). Type names are accepted in any case (the official
 * client sends `string`, `long`, `json`). Conversions follow Camunda 7's `VariableValueDto.toTypedValue`:
 * primitive types coerce a string or number the way Jackson would, Json and Object need a
 * serialized string, Date needs Camunda's date format and File needs a filename.
 */
import type { TypedValue, VariableMap, VariableTypeName } from '../../variables.js';
import { VARIABLE_TYPES } from '../../variables.js';
import { RestError } from './rest-error.js';
import { parseCamundaDate } from './date-format.js';
import { checkVariableName } from './names.js';
import { serializedValueProblem, shownField, textValueProblem } from '../../../http/input-policy.js';

/** One variable as JSON carries it. */
export interface WireTypedValue {
  value?: unknown;
  type?: string | null;
  valueInfo?: Record<string, unknown> | null;
}

const TYPE_BY_LOWER = new Map<string, VariableTypeName>(VARIABLE_TYPES.map((t) => [t.toLowerCase(), t]));

const JAVA_TYPES: Partial<Record<VariableTypeName, string>> = {
  String: 'java.lang.String',
  Boolean: 'java.lang.Boolean',
  Integer: 'java.lang.Integer',
  Long: 'java.lang.Long',
  Short: 'java.lang.Short',
  Double: 'java.lang.Double',
  Date: 'java.util.Date',
  Bytes: '[B',
};

const INT_RANGES = {
  Integer: [-(2 ** 31), 2 ** 31 - 1],
  Short: [-(2 ** 15), 2 ** 15 - 1],
  Long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
} as const;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A 400 InvalidRequestException whose message is Camunda's, followed by the variable it concerns
 * (Camunda's own messages do not name it; ours must).
 */
function invalid(message: string, variable: string, field: string): RestError {
  return new RestError(400, 'InvalidRequestException', `${message} (${variable})`, { field });
}

/** How {@link decodeVariables} and {@link decodeTypedValue} treat what they decode. */
export interface DecodeOptions {
  /** Apply the name rules (default true). */
  checkNames?: boolean;
  /** Apply the input policy's value limits (default: as `checkNames`). */
  enforcePolicy?: boolean;
}

/**
 * Decodes a request's variable map; `field` names it in errors (e.g. `variables`). A client
 * reading a remote engine's answer passes `checkNames: false`: names and values there are the
 * engine's, so neither the name rules nor the input policy's limits apply to them.
 */
export function decodeVariables(
  wire: unknown,
  field = 'variables',
  options: DecodeOptions = {},
): VariableMap {
  if (wire === undefined || wire === null) return {};
  if (typeof wire !== 'object' || Array.isArray(wire)) {
    throw invalid('must be an object of typed values', field, field);
  }
  const policy = options.enforcePolicy ?? options.checkNames !== false;
  const out: VariableMap = {};
  for (const [name, raw] of Object.entries(wire as Record<string, unknown>)) {
    if (options.checkNames !== false) checkVariableName(name, `${field}.${name}`);
    out[name] = decodeTypedValue(raw, `${field}.${name}`, { enforcePolicy: policy });
  }
  return out;
}

/** Decodes one typed value; `field` names it in errors (shortened when long). */
export function decodeTypedValue(raw: unknown, longField: string, options: DecodeOptions = {}): TypedValue {
  const field = shownField(longField);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid("must be an object with 'value' and 'type'", field, field);
  }
  const wire = raw as WireTypedValue;
  const valueInfo = wire.valueInfo ?? {};
  if (typeof valueInfo !== 'object' || Array.isArray(valueInfo)) {
    throw invalid('valueInfo must be an object', field, `${field}.valueInfo`);
  }
  const policy = options.enforcePolicy ?? options.checkNames !== false;
  if (wire.type === undefined || wire.type === null) return untyped(wire.value, field, policy);
  if (typeof wire.type !== 'string') {
    throw invalid('type must be a string', field, `${field}.type`);
  }
  const type = TYPE_BY_LOWER.get(wire.type.toLowerCase());
  if (!type)
    throw new RestError(400, 'RestException', `Unsupported value type '${quoted(wire.type)}' (${field})`, {
      field: `${field}.type`,
    });
  return typed(type, wire.value ?? null, valueInfo, { field, policy });
}

/** Camunda infers the type of an untyped value from its JSON type. */
function untyped(value: unknown, field: string, policy: boolean): TypedValue {
  if (value === undefined || value === null) return { type: 'Null', value: null };
  if (typeof value === 'string') return { type: 'String', value: policy ? limitedText(value, field) : value };
  if (typeof value === 'boolean') return { type: 'Boolean', value };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { type: 'Double', value };
    return { type: inRange(value, 'Integer') ? 'Integer' : 'Long', value };
  }
  throw invalid(
    `an untyped object or array would need Java serialization; send it with type 'Json'`,
    field,
    `${field}.type`,
  );
}

/** Where a value is decoded: its field, and whether the input policy applies. */
interface At {
  field: string;
  policy: boolean;
}

function typed(type: VariableTypeName, value: unknown, info: Record<string, unknown>, at: At): TypedValue {
  const { field } = at;
  switch (type) {
    case 'Null':
      return { type, value: null };
    case 'String':
      return { type, value: value === null ? null : toStringValue(value, at) };
    case 'Boolean':
      return { type, value: value === null ? null : toBoolean(value, field) };
    case 'Integer':
    case 'Short':
    case 'Long':
      return { type, value: value === null ? null : toInteger(value, type, field) };
    case 'Double':
      return { type, value: value === null ? null : toDouble(value, field) };
    case 'Date':
      return { type, value: value === null ? null : toDate(value, field) };
    case 'Bytes':
      return { type, value: value === null ? null : toBytes(value, type, field) };
    case 'Json':
      return { type, value: serialized(value, type, at) };
    case 'Object': {
      const valueInfo = objectInfo(info, field);
      return { type, value: serialized(value, type, at), valueInfo };
    }
    case 'File':
      return {
        type,
        value: value === null ? null : toBytes(value, type, field),
        valueInfo: fileInfo(info, field),
      };
  }
}

/**
 * How a value that does not convert is quoted: Camunda quotes it whole, but an object or array is
 * only named by its brackets (stringifying a hostile one can overflow the stack) and a long scalar
 * is cut short.
 */
function quoted(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  const text = String(value);
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

function cannotConvert(value: unknown, type: VariableTypeName, field: string): RestError {
  const shown = quoted(value);
  return invalid(
    `Cannot convert value '${shown}' of type '${type}' to java type ${JAVA_TYPES[type] ?? type}`,
    field,
    `${field}.value`,
  );
}

function toStringValue(value: unknown, at: At): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw cannotConvert(value, 'String', at.field);
  return at.policy ? limitedText(value, at.field) : value;
}

/** A String value within the input policy's size, or a 400 naming the variable and the limit. */
function limitedText(value: string, field: string): string {
  const problem = textValueProblem(value);
  if (problem) throw invalid(`the value of a String variable ${problem}`, field, `${field}.value`);
  return value;
}

function toBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw cannotConvert(value, 'Boolean', field);
}

function inRange(n: number, type: keyof typeof INT_RANGES): boolean {
  const [lo, hi] = INT_RANGES[type];
  return n >= lo && n <= hi;
}

function toInteger(value: unknown, type: 'Integer' | 'Short' | 'Long', field: string): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || !inRange(n, type))
    throw cannotConvert(value, type, field);
  return n;
}

function toDouble(value: unknown, field: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw cannotConvert(value, 'Double', field);
  return n;
}

function toDate(value: unknown, field: string): Date {
  const d = typeof value === 'string' ? parseCamundaDate(value) : null;
  if (!d) throw cannotConvert(value, 'Date', field);
  return d;
}

function toBytes(value: unknown, type: VariableTypeName, field: string): Buffer {
  if (typeof value !== 'string' || !BASE64.test(value)) throw cannotConvert(value, type, field);
  return Buffer.from(value, 'base64');
}

/**
 * Json and Object carry their serialized form; it must parse and keep within the input policy's
 * size and depth, so nothing unreadable (or too deep to deserialize safely) is stored.
 */
function serialized(value: unknown, type: 'Json' | 'Object', at: At): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') {
    throw invalid(
      `Must provide 'null' or String value for value of SerializableValue type '${type}'.`,
      at.field,
      `${at.field}.value`,
    );
  }
  const problem = at.policy ? serializedValueProblem(value) : parseProblem(value);
  if (problem)
    throw invalid(
      `the value of ${type === 'Object' ? 'an' : 'a'} ${type} variable ${problem}`,
      at.field,
      `${at.field}.value`,
    );
  return value;
}

/** Whether the text parses (for an engine's own values, which the policy does not limit). */
function parseProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch {
    return 'is not valid JSON';
  }
}

function objectInfo(
  info: Record<string, unknown>,
  field: string,
): { objectTypeName: string; serializationDataFormat: 'application/json' } {
  if (info.serializationDataFormat !== 'application/json') {
    throw invalid(
      `only serializationDataFormat 'application/json' is supported for Object variables`,
      field,
      `${field}.valueInfo.serializationDataFormat`,
    );
  }
  if (typeof info.objectTypeName !== 'string' || info.objectTypeName === '') {
    throw invalid(
      `an Object variable needs valueInfo.objectTypeName`,
      field,
      `${field}.valueInfo.objectTypeName`,
    );
  }
  return { objectTypeName: info.objectTypeName, serializationDataFormat: 'application/json' };
}

function fileInfo(
  info: Record<string, unknown>,
  field: string,
): { filename: string; mimeType?: string; encoding?: string } {
  if (typeof info.filename !== 'string' || info.filename === '') {
    throw invalid(
      `Cannot create file without filename! Please set a name into ValueInfo with key filename`,
      field,
      `${field}.valueInfo.filename`,
    );
  }
  const out: { filename: string; mimeType?: string; encoding?: string } = { filename: info.filename };
  if (typeof info.mimeType === 'string') out.mimeType = info.mimeType;
  if (typeof info.encoding === 'string') out.encoding = info.encoding;
  return out;
}
