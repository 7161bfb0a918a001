/**
 * JUEL's relational and equality operators (EL 2.2 §1.8, juel-impl BooleanOperations), plus `empty`.
 * Type dispatch order is JUEL's: Double, then Long, then Boolean (equality only), then String, then
 * Comparable (Dates, Booleans).
 */
import { toBoolean, toDouble, toLong, toText } from './coerce.js';
import { EvalFailure, isDouble, isLong, isPlainObject, javaClassName, type ElValue } from './values.js';

export type RelationalOperator = '<' | '>' | '<=' | '>=';

/** Maximum depth for comparing nested lists and maps with `==`; variables are never deeper. */
const MAX_EQUALS_DEPTH = 64;

/** Orders two values (negative, zero, positive); both are non-null. */
function compareNonNull(a: ElValue, b: ElValue): number {
  if (isDouble(a) || isDouble(b)) return Math.sign(toDouble(a) - toDouble(b));
  if (isLong(a) || isLong(b)) return Math.sign(toLong(a) - toLong(b));
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Java would compare a Date's toString() with a String: meaningless, so we refuse instead.
  throw new EvalFailure('error', `Cannot compare '${javaClassName(a)}' and '${javaClassName(b)}'`);
}

/** `a < b` and friends. Null on either side gives false (but `null <= null` is true). */
export function relational(op: RelationalOperator, a: ElValue, b: ElValue): boolean {
  if (a === b) return op === '<=' || op === '>=';
  if (a === null || b === null) return false;
  const order = compareNonNull(a, b);
  if (Number.isNaN(order)) return false; // NaN compares false both ways, as in Java
  if (op === '<') return order < 0;
  if (op === '>') return order > 0;
  if (op === '<=') return order <= 0;
  return order >= 0;
}

/** `a == b`: JUEL coerces to the "widest" side's type, so `'5' == 5` is true and `'x' == 5` fails. */
export function equals(a: ElValue, b: ElValue, depth = 0): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (isDouble(a) || isDouble(b)) return toDouble(a) === toDouble(b);
  if (isLong(a) || isLong(b)) return toLong(a) === toLong(b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'string' || typeof b === 'string') return toText(a) === toText(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (depth >= MAX_EQUALS_DEPTH) throw new EvalFailure('error', 'Values nested too deeply to compare');
  if (Array.isArray(a) && Array.isArray(b)) return listEquals(a, b, depth + 1);
  if (isPlainObject(a) && isPlainObject(b)) return mapEquals(a, b, depth + 1);
  return false;
}

function listEquals(a: unknown[], b: unknown[], depth: number): boolean {
  return a.length === b.length && a.every((v, i) => equals(v ?? null, b[i] ?? null, depth));
}

function mapEquals(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && equals(a[k] ?? null, b[k] ?? null, depth));
}

/** `empty x`: true for null, '', an empty list and an empty map. */
export function isEmpty(value: ElValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}
