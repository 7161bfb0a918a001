/**
 * The evaluator's value model. JUEL dispatches arithmetic and comparisons on Java types (Long vs
 * Double vs String …); JavaScript has one number type, so a Double is carried as a {@link JavaDouble}
 * box inside the evaluator and unboxed on the way out. A plain integral `number` is a Long.
 */

/** A Java Double inside the evaluator (a float literal, a `Double` variable, a `/` result …). */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** What the evaluator computes with. `undefined` never appears: it is normalised to null on entry. */
export type ElValue = unknown;

/**
 * A failure inside evaluation, before the expression text is known; the evaluator turns it into
 * UnknownPropertyError (`unknown`) or ExpressionEvaluationError (`error`).
 */
export class EvalFailure extends Error {
  constructor(
    readonly kind: 'unknown' | 'error',
    message: string,
    readonly identifier = '',
  ) {
    super(message);
  }
}

/** A plain data object: `{…}` or `Object.create(null)`, never a class instance, function or Date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for values JUEL treats as Double / Float. Non-integral plain numbers count: Java has no such Long. */
export function isDouble(value: ElValue): boolean {
  return value instanceof JavaDouble || (typeof value === 'number' && !Number.isInteger(value));
}

/** True for values JUEL treats as an integer type (Long, Integer, Short …). */
export function isLong(value: ElValue): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** The number inside a Long or Double. */
export function numeric(value: number | JavaDouble): number {
  return value instanceof JavaDouble ? value.value : value;
}

/** The Java class JUEL would name in a message. Types only: values never appear in messages. */
export function javaClassName(value: ElValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'class java.lang.String';
  if (typeof value === 'boolean') return 'class java.lang.Boolean';
  if (isDouble(value)) return 'class java.lang.Double';
  if (typeof value === 'number') return 'class java.lang.Long';
  if (value instanceof Date) return 'class java.util.Date';
  if (Array.isArray(value)) return 'class java.util.ArrayList';
  if (isPlainObject(value)) return 'class java.util.LinkedHashMap';
  return 'class java.lang.Object';
}

/** Converts an evaluator value to what callers get: Doubles unboxed, undefined as null. */
export function toExternal(value: ElValue): unknown {
  if (value instanceof JavaDouble) return value.value;
  return value === undefined ? null : value;
}
