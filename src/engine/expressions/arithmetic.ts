/**
 * JUEL's arithmetic (EL 2.2 §1.7, juel-impl NumberOperations): Long arithmetic unless an operand is a
 * Double or a String that looks like one; `/` is always Double; `%` on Longs fails on zero like Java.
 */
import { exactLong, isDotEe, toDouble, toLong } from './coerce.js';
import { EvalFailure, JavaDouble, isDouble, type ElValue } from './values.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

function floatOperand(value: ElValue): boolean {
  return isDouble(value) || isDotEe(value);
}

function longOp(op: '+' | '-' | '*', a: number, b: number): number {
  if (op === '+') return exactLong(a + b);
  if (op === '-') return exactLong(a - b);
  return exactLong(a * b);
}

function doubleOp(op: '+' | '-' | '*', a: number, b: number): JavaDouble {
  if (op === '+') return new JavaDouble(a + b);
  if (op === '-') return new JavaDouble(a - b);
  return new JavaDouble(a * b);
}

/** `a op b` for the five arithmetic operators (`div` and `mod` arrive here as `/` and `%`). */
export function arithmetic(op: ArithmeticOperator, a: ElValue, b: ElValue): ElValue {
  if (a === null && b === null) return 0;
  if (op === '/') return new JavaDouble(toDouble(a) / toDouble(b));
  if (op === '%') return remainder(a, b);
  if (floatOperand(a) || floatOperand(b)) return doubleOp(op, toDouble(a), toDouble(b));
  return longOp(op, toLong(a), toLong(b));
}

function remainder(a: ElValue, b: ElValue): ElValue {
  if (floatOperand(a) || floatOperand(b)) return new JavaDouble(toDouble(a) % toDouble(b));
  const divisor = toLong(b);
  if (divisor === 0) throw new EvalFailure('error', '/ by zero');
  return exactLong(toLong(a) % divisor);
}

/** Unary minus: null is 0, a String is parsed (as Double when it has `.`, `e` or `E`). */
export function negate(value: ElValue): ElValue {
  if (value === null) return 0;
  if (value instanceof JavaDouble) return new JavaDouble(-value.value);
  if (typeof value === 'number') return isDouble(value) ? new JavaDouble(-value) : exactLong(-value);
  if (typeof value === 'string')
    return isDotEe(value) ? new JavaDouble(-toDouble(value)) : exactLong(-toLong(value));
  throw new EvalFailure('error', `Cannot negate a value of ${classOf(value)}`);
}

function classOf(value: ElValue): string {
  return typeof value === 'boolean' ? 'class java.lang.Boolean' : 'this type';
}
