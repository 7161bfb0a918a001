import { SimulationInputError } from './simulation-input-error.js';

/** The text is not a BPMN 2.0 diagram with one executable process the engine accepts. */
export class InvalidDiagramError extends SimulationInputError {
  readonly code = 'INVALID_DIAGRAM';
  constructor(reason: string) {
    super(reason.split('\n')[0]!.trim());
    this.name = 'InvalidDiagramError';
  }
}
