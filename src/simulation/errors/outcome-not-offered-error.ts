import { SimulationInputError } from './simulation-input-error.js';

/** An outcome asked for at a stage whose form does not offer it. */
export class OutcomeNotOfferedError extends SimulationInputError {
  readonly code = 'OUTCOME_NOT_OFFERED';
  constructor(outcome: string, stage: { id: string; name: string }, offered: readonly string[]) {
    super(
      `outcome ${JSON.stringify(outcome)} is not offered at ${stage.id} (${stage.name}); ` +
        `it offers ${offered.join(', ')}`,
    );
    this.name = 'OutcomeNotOfferedError';
  }
}
