export { SimulationInputError } from './simulation-input-error.js';
export { InvalidDiagramError } from './invalid-diagram-error.js';
export { UnknownOutcomeError } from './unknown-outcome-error.js';
export { OutcomeNotOfferedError } from './outcome-not-offered-error.js';
export { DiagramTaskError } from './diagram-task-error.js';
