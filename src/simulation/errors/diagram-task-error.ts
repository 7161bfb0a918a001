import { SimulationInputError } from './simulation-input-error.js';

/**
 * A task of the diagram that the real worker would fail permanently (an incident), e.g. a
 * timescale the calendar does not accept: the simulation stops there and says why.
 */
export class DiagramTaskError extends SimulationInputError {
  readonly code = 'DIAGRAM_TASK_FAILED';
  constructor(activityId: string, reason: string) {
    const line = reason.split('\n')[0]!;
    // The worker's own messages usually name the task already.
    super(line.includes(activityId) ? line : `${activityId}: ${line}`);
    this.name = 'DiagramTaskError';
  }
}
