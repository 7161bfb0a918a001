/**
 * Evaluates a parsed composite against a variable resolver. Pure: no globals, no calls into values,
 * no `eval`. Failures become UnknownPropertyError or ExpressionEvaluationError carrying the text.
 */
import { arithmetic, negate } from './arithmetic.js';
import type { Composite, Node } from './ast.js';
import { toBoolean, toText } from './coerce.js';
import { equals, isEmpty, relational } from './comparison.js';
import { ExpressionEvaluationError } from './errors/expression-evaluation-error.js';
import { UnknownPropertyError } from './errors/unknown-property-error.js';
import type { VariableResolver } from './expression.js';
import { readProperty } from './property-access.js';
import { EvalFailure, JavaDouble, toExternal, type ElValue } from './values.js';

interface Context {
  resolve: VariableResolver;
  /** Camunda type of each variable read so far, for property access on Json values. */
  types: Map<string, string>;
}

/** A single `${…}` yields its value; literal text with expressions yields a string. */
export function evaluateComposite(composite: Composite, source: string, resolve: VariableResolver): unknown {
  const context: Context = { resolve, types: new Map() };
  try {
    const [only] = composite.parts;
    if (composite.parts.length === 1 && typeof only === 'object')
      return toExternal(evaluateNode(only, context));
    return composite.parts
      .map((p) => (typeof p === 'string' ? p : toText(evaluateNode(p, context))))
      .join('');
  } catch (error) {
    if (!(error instanceof EvalFailure)) throw error;
    if (error.kind === 'unknown') throw new UnknownPropertyError(source, error.identifier, error.message);
    throw new ExpressionEvaluationError(source, error.message);
  }
}

function evaluateNode(node: Node, context: Context): ElValue {
  switch (node.type) {
    case 'literal':
      return node.float ? new JavaDouble(node.value as number) : node.value;
    case 'identifier':
      return resolveIdentifier(node.name, context);
    case 'property':
      return evaluateProperty(node, context);
    case 'unary':
      return evaluateUnary(node.operator, evaluateNode(node.operand, context));
    case 'binary':
      return evaluateBinary(node, context);
    case 'choice':
      return toBoolean(evaluateNode(node.test, context))
        ? evaluateNode(node.then, context)
        : evaluateNode(node.otherwise, context);
  }
}

function resolveIdentifier(name: string, context: Context): ElValue {
  const result = context.resolve(name);
  if (!result.found || typeof result.value === 'function') {
    throw new EvalFailure('unknown', `Cannot resolve identifier '${name}'`, name);
  }
  if (result.type) context.types.set(name, result.type);
  const value = result.value === undefined ? null : result.value;
  return result.type === 'Double' && typeof value === 'number' ? new JavaDouble(value) : value;
}

function evaluateProperty(node: Extract<Node, { type: 'property' }>, context: Context): ElValue {
  const base = evaluateNode(node.base, context);
  const key = typeof node.key === 'string' ? node.key : evaluateNode(node.key, context);
  const variableType = node.base.type === 'identifier' ? context.types.get(node.base.name) : undefined;
  return readProperty(base, key, { text: node.baseText, keyLabel: node.keyLabel, variableType });
}

function evaluateUnary(operator: '-' | '!' | 'empty', value: ElValue): ElValue {
  if (operator === '-') return negate(value);
  if (operator === '!') return !toBoolean(value);
  return isEmpty(value);
}

function evaluateBinary(node: Extract<Node, { type: 'binary' }>, context: Context): ElValue {
  const { operator } = node;
  const left = evaluateNode(node.left, context);
  // && and || short-circuit: the right side is not evaluated (and cannot fail) when the left decides.
  if (operator === '&&') return toBoolean(left) && toBoolean(evaluateNode(node.right, context));
  if (operator === '||') return toBoolean(left) || toBoolean(evaluateNode(node.right, context));
  const right = evaluateNode(node.right, context);
  switch (operator) {
    case '==':
      return equals(left, right);
    case '!=':
      return !equals(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return relational(operator, left, right);
    default:
      return arithmetic(operator, left, right);
  }
}
