import { ProcessEngineError } from '../../errors/process-engine-error.js';

/** Longest stretch of the expression text quoted in a message; hostile inputs can be megabytes. */
const MAX_QUOTED = 200;

/**
 * An expression that cannot be parsed, or that uses something the sandbox forbids (a method call,
 * `constructor`, `__proto__`, `prototype`). Thrown at deploy time; the deployment parser turns it into
 * a problem positioned at the element. The message follows JUEL's
 * `Error parsing '…': syntax error at position N, …` wording.
 */
export class ExpressionSyntaxError extends ProcessEngineError {
  constructor(
    /** The whole text as written. */
    readonly text: string,
    /** Zero-based offset (UTF-16 code units) of the offending token in `text`. */
    readonly position: number,
    /** What is wrong, without the text. */
    readonly reason: string,
  ) {
    super(`Error parsing '${quote(text)}': ${reason}`, 'EXPRESSION_SYNTAX');
    this.name = 'ExpressionSyntaxError';
  }
}

function quote(text: string): string {
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}…`;
}
