/**
 * Expression evaluation against a scope chain. Expressions are the parser's compiled JUEL; a
 * missing variable throws (UnknownPropertyError) and fails the whole step.
 */
import type { Expression } from '../../expressions/expression.js';
import type { TypedValue } from '../../variables.js';
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import { expressionValue, typeOf } from '../values/variable-codec.js';
import type { Step } from './step.js';
import { readVariable, type ScopeRef } from './variables.js';

/** Evaluates `expression` with variables resolved through `chain`. */
export function evaluate(step: Step, expression: Expression, chain: readonly ScopeRef[]): unknown {
  return expression.evaluate((name) => {
    const value = readVariable(step.store, chain, name);
    return value ? { found: true, value: expressionValue(value), type: value.type } : { found: false };
  });
}

const SINGLE_IDENTIFIER = /^\s*[$#]\{\s*([A-Za-z_$][\w$]*)\s*\}\s*$/;

/**
 * Evaluates to a typed value. `${name}` alone copies the variable with its type (a Json variable
 * stays Json, as Camunda passes the Java value through); anything else is typed from its result.
 */
export function evaluateTyped(step: Step, expression: Expression, chain: readonly ScopeRef[]): TypedValue {
  const match = SINGLE_IDENTIFIER.exec(expression.source);
  if (match && !expression.isLiteral) {
    const value = readVariable(step.store, chain, match[1]!);
    if (value) return value;
  }
  return typeOf(evaluate(step, expression, chain));
}

/** A sequence flow condition: must be a Boolean, as in Camunda (`UelExpressionCondition`). */
export function evaluateCondition(step: Step, expression: Expression, chain: readonly ScopeRef[]): boolean {
  const result = evaluate(step, expression, chain);
  if (result === null || result === undefined) {
    throw new ProcessEngineError(`condition expression returns null: ${expression.source}`);
  }
  if (typeof result !== 'boolean') {
    throw new ProcessEngineError(
      `condition expression returns non-Boolean: result has class ${javaClass(result)} and not java.lang.Boolean`,
    );
  }
  return result;
}

function javaClass(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'number') return Number.isInteger(value) ? 'java.lang.Long' : 'java.lang.Double';
  if (value instanceof Date) return 'java.util.Date';
  return 'java.lang.Object';
}
