/**
 * JUEL's type coercions (EL 2.2 spec §1.18, as in Camunda's juel-impl TypeConverterImpl). Failures
 * name the source type, never the value, so no personal data reaches a message.
 */
import { javaDoubleToString } from './java-format.js';
import { EvalFailure, JavaDouble, isPlainObject, javaClassName, numeric, type ElValue } from './values.js';

const LONG_PATTERN = /^[+-]?\d+$/;
/** What `Double.valueOf` accepts (decimal forms; Java trims characters up to U+0020 first). */
const DOUBLE_PATTERN = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;

function coercionFailure(value: ElValue, target: string): EvalFailure {
  if (typeof value === 'string') {
    return new EvalFailure(
      'error',
      `Cannot coerce a String that is not a number to class java.lang.${target}`,
    );
  }
  return new EvalFailure('error', `Cannot coerce from ${javaClassName(value)} to class java.lang.${target}`);
}

/** Checks that an integer result is exact; Java would wrap a Long, JavaScript would lose digits. */
export function exactLong(n: number): number {
  if (!Number.isSafeInteger(n)) {
    throw new EvalFailure('error', 'Integer result outside the exactly representable range (±2^53-1)');
  }
  return n === 0 ? 0 : n; // no -0 among Longs
}

/** Coerce to Long: null and '' are 0, a Double is truncated, a String must be an integer. */
export function toLong(value: ElValue): number {
  if (value === null || value === '') return 0;
  if (typeof value === 'number' || value instanceof JavaDouble) {
    const n = numeric(value);
    if (Number.isNaN(n)) return 0;
    return exactLong(Math.trunc(n));
  }
  if (typeof value === 'string' && LONG_PATTERN.test(value)) return exactLong(Number(value));
  throw coercionFailure(value, 'Long');
}

/** Coerce to Double: null and '' are 0, a String must be a decimal number. */
export function toDouble(value: ElValue): number {
  if (value === null || value === '') return 0;
  if (typeof value === 'number' || value instanceof JavaDouble) return numeric(value);
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex -- Java's trim() strips every char <= U+0020
    const trimmed = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
    if (DOUBLE_PATTERN.test(trimmed)) return Number(trimmed.replace(/[fFdD]$/, ''));
  }
  throw coercionFailure(value, 'Double');
}

/** Coerce to Boolean: null and '' are false, a String is true only when it reads `true` (any case). */
export function toBoolean(value: ElValue): boolean {
  if (value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  throw coercionFailure(value, 'Boolean');
}

/** Coerce to String, as composite texts (`Stage ${n}`) need: null is ''. */
export function toText(value: ElValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof JavaDouble) return javaDoubleToString(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : javaDoubleToString(value);
  if (typeof value === 'boolean') return String(value);
  // Java would print Date.toString() ("Mon Nov 23 …"); ISO 8601 is what every reader of ours expects.
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map((v) => toText(v ?? null)).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${toText(v ?? null)}`)
      .join(', ')}}`;
  }
  throw coercionFailure(value, 'String');
}

/** True when a String reads as a floating-point number to JUEL's arithmetic (contains `.`, `e` or `E`). */
export function isDotEe(value: ElValue): boolean {
  return typeof value === 'string' && /[.eE]/.test(value);
}
