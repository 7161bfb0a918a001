import { SimulationInputError } from './simulation-input-error.js';

/** An outcome asked for that no stage form can submit (not in processes/variables.ts' OUTCOMES). */
export class UnknownOutcomeError extends SimulationInputError {
  readonly code = 'UNKNOWN_OUTCOME';
  constructor(outcome: string, known: readonly string[]) {
    super(`unknown outcome ${JSON.stringify(outcome)}; outcomes are ${known.join(', ')}`);
    this.name = 'UnknownOutcomeError';
  }
}
