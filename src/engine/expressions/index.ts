/**
 * The sandboxed JUEL evaluator: `parseExpression(text)` parses once (at deploy time) and returns an
 * {@link Expression} to evaluate against a {@link VariableResolver}. No `eval`, `Function` or `vm`.
 */
import type { Composite, Node } from './ast.js';
import { evaluateComposite } from './evaluator.js';
import type { Expression, VariableResolver } from './expression.js';
import { parseComposite } from './parser.js';

export type { Expression, VariableResolver } from './expression.js';
export { ExpressionSyntaxError } from './errors/expression-syntax-error.js';
export { UnknownPropertyError } from './errors/unknown-property-error.js';
export { ExpressionEvaluationError } from './errors/expression-evaluation-error.js';
export { MAX_NESTING } from './parser.js';

/**
 * Parses a text such as `${stageDue}`, `#{a.b > 1}` or `Stage ${n} due`. Throws ExpressionSyntaxError
 * (with the text and the offending position) for anything unparsable or forbidden.
 */
export function parseExpression(text: string): Expression {
  return new CompiledExpression(text, parseComposite(text));
}

class CompiledExpression implements Expression {
  readonly isLiteral: boolean;
  readonly identifiers: readonly string[];

  constructor(
    readonly source: string,
    private readonly composite: Composite,
  ) {
    this.isLiteral = composite.parts.every((p) => typeof p === 'string');
    const names = new Set<string>();
    for (const part of composite.parts) if (typeof part !== 'string') collectIdentifiers(part, names);
    this.identifiers = [...names];
  }

  evaluate(resolve: VariableResolver): unknown {
    return evaluateComposite(this.composite, this.source, resolve);
  }
}

function collectIdentifiers(node: Node, names: Set<string>): void {
  switch (node.type) {
    case 'identifier':
      names.add(node.name);
      return;
    case 'property':
      collectIdentifiers(node.base, names);
      if (typeof node.key !== 'string') collectIdentifiers(node.key, names);
      return;
    case 'unary':
      collectIdentifiers(node.operand, names);
      return;
    case 'binary':
      collectIdentifiers(node.left, names);
      collectIdentifiers(node.right, names);
      return;
    case 'choice':
      [node.test, node.then, node.otherwise].forEach((n) => collectIdentifiers(n, names));
      return;
    case 'literal':
      return;
  }
}
