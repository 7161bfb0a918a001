/**
 * Base class of every error the engine port throws. `code` is stable and machine-readable;
 * `camundaType` is the exception type Camunda 7's REST API names for the same situation, so the
 * REST surface maps errors without guessing. Messages never contain personal data.
 */
export abstract class EngineError extends Error {
  abstract readonly code: string;
  abstract readonly camundaType: string;
  abstract readonly httpStatus: number;
}
