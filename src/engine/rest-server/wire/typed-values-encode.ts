/**
 * Port {@link TypedValue}s to the wire, as Camunda 7's REST API answers: capitalised type names,
 * `valueInfo` always present, dates in Camunda's format, Bytes as base64, and a File's content
 * never inlined (clients read it from `…/data`).
 */
import type { TypedValue, VariableMap } from '../../variables.js';
import { jsonTextDepth, MAX_VALUE_DEPTH } from '../../../http/input-policy.js';
import { formatCamundaDate } from './date-format.js';
import type { WireTypedValue } from './typed-values.js';

/** How answers render values: the zone of dates, Objects as JSON or serialized, Files inlined or not. */
export interface EncodeOptions {
  /** The zone dates are formatted in. */
  zone?: string;
  /** Camunda's `deserializeValues`: Object values as JSON (true, the default) or as their serialized string. */
  deserializeValues?: boolean;
  /** For requests: send a File's content (base64) instead of leaving it on the server. */
  inlineFiles?: boolean;
}

/** Encodes a variable map for a response. */
export function encodeVariables(
  map: VariableMap,
  options: EncodeOptions = {},
): Record<string, WireTypedValue> {
  const out: Record<string, WireTypedValue> = {};
  for (const [name, value] of Object.entries(map)) out[name] = encodeTypedValue(value, options);
  return out;
}

/** Encodes one typed value as Camunda returns it: capitalised type, `valueInfo` always present. */
export function encodeTypedValue(v: TypedValue, options: EncodeOptions = {}): WireTypedValue {
  switch (v.type) {
    case 'Date':
      return {
        type: v.type,
        value: v.value ? formatCamundaDate(v.value, options.zone) : null,
        valueInfo: {},
      };
    case 'Bytes':
      return { type: v.type, value: v.value ? v.value.toString('base64') : null, valueInfo: {} };
    case 'File':
      // Camunda never inlines a file's content in an answer; clients fetch it from …/data.
      return {
        type: v.type,
        value: options.inlineFiles && v.value ? v.value.toString('base64') : null,
        valueInfo: { ...v.valueInfo },
      };
    case 'Object': {
      const deserialized =
        options.deserializeValues !== false && v.value !== null ? deserializeObject(v.value) : null;
      return {
        type: v.type,
        // One we cannot deserialize (stored before the input policy) answers in its serialized form.
        value: deserialized && 'value' in deserialized ? deserialized.value : v.value,
        valueInfo: { ...v.valueInfo },
      };
    }
    default:
      return { type: v.type, value: v.value, valueInfo: {} };
  }
}

/**
 * An Object variable's serialized JSON as a value, or why it cannot be deserialized: it nests
 * deeper than the input policy's {@link MAX_VALUE_DEPTH} (an older release stored such values;
 * answering one would overflow the stack) or is not JSON. Never throws.
 */
export function deserializeObject(text: string): { value: unknown } | { error: string } {
  if (jsonTextDepth(text, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH) {
    return { error: `its JSON nests deeper than the limit of ${MAX_VALUE_DEPTH} levels` };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: 'its serialized value is not valid JSON' };
  }
}
