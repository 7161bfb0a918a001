/**
 * The contract of the sandboxed JUEL evaluator (`./index.ts` implements it). Camunda 7 evaluates
 * `${…}` / `#{…}` in conditions, timers, assignees, candidate groups, due dates and input mappings;
 * we must give the same answers, and fail where Camunda fails.
 */

/**
 * Looks a root identifier up in the variable scope chain. `type` (optional) is the variable's Camunda
 * type name: `Double` makes an integral number behave as a Java Double (`${d}` in text prints `2.0`),
 * and `Json` / `Object` mark a serialized value, on which a property path (`${json.field}`) is an error
 * as in Camunda 7 without Spin method calls.
 */
export type VariableResolver = (
  name: string,
) => { found: true; value: unknown; type?: string } | { found: false };

/** A parsed, validated expression. Parsing happens once, at deploy time. */
export interface Expression {
  /** The text as written in the diagram. */
  readonly source: string;
  /** True when the text holds no `${…}` / `#{…}` at all (a plain literal string). */
  readonly isLiteral: boolean;
  /** Root identifiers the expression reads (for lint and diagnostics), e.g. `a` for `${a.b > 1}`. */
  readonly identifiers: readonly string[];
  /**
   * Evaluates against a scope. A composite text (`Stage ${n} due`) yields a string; a single
   * `${…}` yields the value itself. A missing identifier throws UnknownPropertyError, never undefined.
   */
  evaluate(resolve: VariableResolver): unknown;
}
