/**
 * The sandbox's only way into a value: own, enumerable data properties of plain objects, and indexes
 * of arrays. Never a prototype, a getter, a function, or a property of a string, number or Date.
 */
import { toLong, toText } from './coerce.js';
import { EvalFailure, isPlainObject, type ElValue } from './values.js';

const FORBIDDEN_KEYS = new Set(['constructor', '__proto__', 'prototype']);

/** How the base was reached, for messages: its source text and, for a variable, its Camunda type. */
export interface BaseInfo {
  text: string;
  variableType?: string;
  /** The property as written: `b` for `a.b` and `a['b']`, `[k]` for a computed `a[k]` (whose value may be personal). */
  keyLabel: string;
}

/**
 * `base.key` / `base[key]`. A null base gives null, as in JUEL. A missing property is an
 * UnknownProperty failure (JUEL's PropertyNotFoundException); anything not a map or list is too.
 */
export function readProperty(base: ElValue, key: ElValue, info: BaseInfo): ElValue {
  if (base === null) return null;
  if (Array.isArray(base)) return readIndex(base, key, info);
  const name = toText(key);
  const label = info.keyLabel;
  if (info.variableType === 'Json' || info.variableType === 'Object') {
    throw notFound(label, `Cannot resolve property '${label}' of ${info.variableType} variable '${info.text}': `
      + 'its value is serialized text; Camunda 7 reads it only through Spin method calls, which are not supported'); // prettier-ignore
  }
  if (!isPlainObject(base)) {
    throw notFound(label, `Cannot resolve property '${label}' in '${info.text}': not a map or a list`);
  }
  if (FORBIDDEN_KEYS.has(name)) throw notFound(label, `Access to property '${name}' is not allowed`);
  const descriptor = Object.getOwnPropertyDescriptor(base, name);
  if (
    !descriptor ||
    !descriptor.enumerable ||
    !('value' in descriptor) ||
    typeof descriptor.value === 'function'
  ) {
    throw notFound(label, `Cannot resolve property '${label}' in '${info.text}'`);
  }
  return descriptor.value === undefined ? null : (descriptor.value as ElValue);
}

function readIndex(list: unknown[], key: ElValue, info: BaseInfo): ElValue {
  let index: number;
  try {
    index = toLong(key);
  } catch {
    throw new EvalFailure('error', `Cannot use a value of this type as an index into list '${info.text}'`);
  }
  // JUEL's ListELResolver answers null here; a missing element is as suspect as a missing variable.
  if (index < 0 || index >= list.length || !Object.hasOwn(list, index)) {
    throw notFound(info.keyLabel, `Index ${info.keyLabel} is out of bounds for list '${info.text}'`);
  }
  const value = list[index];
  if (typeof value === 'function') throw notFound(info.keyLabel, `Cannot resolve index ${info.keyLabel}`);
  return value === undefined ? null : (value as ElValue);
}

function notFound(name: string, message: string): EvalFailure {
  return new EvalFailure('unknown', message, name);
}
