import { EngineError } from './engine-error.js';

/** One problem in a rejected deployment, positioned for Camunda Modeler. */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  mainElementId: string | null;
  elementIds: string[];
}

/** Problems of one resource, keyed by resource name in {@link ParseError.details}. */
export interface ResourceReport {
  errors: ParseProblem[];
  warnings: ParseProblem[];
}

/**
 * A rejected deployment (Camunda: 400 ParseException). The message starts
 * `ENGINE-09005 Could not parse BPMN process.` and `details` lists every problem.
 */
export class ParseError extends EngineError {
  readonly code = 'PARSE_ERROR';
  readonly camundaType = 'ParseException';
  readonly httpStatus = 400;
  constructor(
    message: string,
    readonly details: Record<string, ResourceReport>,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}
