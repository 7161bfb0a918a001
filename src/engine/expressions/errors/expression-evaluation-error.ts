import { ProcessEngineError } from '../../errors/process-engine-error.js';

/**
 * An expression failed while evaluating for a reason other than a missing variable: a value that cannot
 * be coerced (`${'abc' + 1}`), a comparison of incomparable types, an integer division by zero. Camunda 7
 * reports these as `Error while evaluating expression: … Cause: …`. Causes name types, never values,
 * so no personal data reaches a log.
 */
export class ExpressionEvaluationError extends ProcessEngineError {
  constructor(
    readonly expression: string,
    readonly causeMessage: string,
  ) {
    super(
      `Error while evaluating expression: ${expression}. Cause: ${causeMessage}`,
      'EXPRESSION_EVALUATION',
    );
    this.name = 'ExpressionEvaluationError';
  }
}
