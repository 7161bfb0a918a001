/**
 * Port {@link TypedValue}s to the wire, as Camunda 7's REST API answers: capitalised type names,
 * `valueInfo` always present, dates in Camunda's format, Bytes as base64, and a File's content
 * never inlined (clients read it from `…/data`).
 */
import type { TypedValue, VariableMap } from '../../variables.js';
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
      const deserialize = options.deserializeValues !== false && v.value !== null;
      return {
        type: v.type,
        value: deserialize ? JSON.parse(v.value as string) : v.value,
        valueInfo: { ...v.valueInfo },
      };
    }
    default:
      return { type: v.type, value: v.value, valueInfo: {} };
  }
}
