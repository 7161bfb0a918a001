/**
 * Typed variables ↔ SQLite columns ↔ expression values. One row column per kind of value:
 * text for strings and serialized Json/Object, a number for numbers, booleans and dates, a blob
 * for Bytes/File; `value_info` keeps Object/File metadata.
 */
import type { TypedValue, VariableTypeName } from '../../variables.js';

/** The storage columns of one variable value. */
export interface StoredValue {
  type: string;
  text_value: string | null;
  number_value: number | null;
  bytes_value: Buffer | null;
  value_info: string | null;
}

/** Turns a typed value into its columns. */
export function encodeValue(value: TypedValue): StoredValue {
  const stored: StoredValue = {
    type: value.type,
    text_value: null,
    number_value: null,
    bytes_value: null,
    value_info:
      value.valueInfo && Object.keys(value.valueInfo).length ? JSON.stringify(value.valueInfo) : null,
  };
  const raw = value.value;
  if (raw === null || raw === undefined) return stored;
  switch (value.type) {
    case 'Boolean':
      stored.number_value = raw ? 1 : 0;
      break;
    case 'Integer':
    case 'Long':
    case 'Short':
    case 'Double':
      stored.number_value = raw as number;
      break;
    case 'Date':
      stored.number_value = (raw as Date).getTime();
      break;
    case 'Bytes':
    case 'File':
      stored.bytes_value = raw as Buffer;
      break;
    default:
      stored.text_value = raw as string;
  }
  return stored;
}

/** Turns stored columns back into the typed value the port returns. */
export function decodeValue(row: StoredValue): TypedValue {
  const type = row.type as VariableTypeName;
  const info = row.value_info ? (JSON.parse(row.value_info) as Record<string, unknown>) : undefined;
  const value = decodeRaw(type, row);
  return (info ? { type, value, valueInfo: info } : { type, value }) as TypedValue;
}

function decodeRaw(type: VariableTypeName, row: StoredValue): unknown {
  switch (type) {
    case 'Null':
      return null;
    case 'Boolean':
      return row.number_value === null ? null : row.number_value !== 0;
    case 'Integer':
    case 'Long':
    case 'Short':
    case 'Double':
      return row.number_value;
    case 'Date':
      return row.number_value === null ? null : new Date(row.number_value);
    case 'Bytes':
    case 'File':
      return row.bytes_value;
    default:
      return row.text_value;
  }
}

/** The value an expression sees: native for scalars and dates, the serialized text for Json/Object. */
export function expressionValue(value: TypedValue): unknown {
  if (value.type === 'Bytes' || value.type === 'File') return value.value;
  return value.value;
}

/**
 * Types a value an expression produced (an input mapping, a list/map parameter), as Camunda's
 * Java values would be typed: whole numbers are Long (Integer when they fit), other numbers
 * Double, lists and maps are Object values serialized as JSON.
 */
export function typeOf(value: unknown): TypedValue {
  if (value === null || value === undefined) return { type: 'Null', value: null };
  if (typeof value === 'string') return { type: 'String', value };
  if (typeof value === 'boolean') return { type: 'Boolean', value };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { type: 'Double', value };
    return Math.abs(value) <= 2147483647 ? { type: 'Integer', value } : { type: 'Long', value };
  }
  if (value instanceof Date) return { type: 'Date', value };
  if (Buffer.isBuffer(value)) return { type: 'Bytes', value };
  const isList = Array.isArray(value);
  return {
    type: 'Object',
    value: JSON.stringify(value),
    valueInfo: {
      objectTypeName: isList ? 'java.util.ArrayList' : 'java.util.LinkedHashMap',
      serializationDataFormat: 'application/json',
    },
  };
}
