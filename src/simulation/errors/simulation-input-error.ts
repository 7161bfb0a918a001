/**
 * Base class of every error a simulation reports about its input: the diagram, the outcomes asked
 * for, or the diagram's own settings (a timescale the deadline worker refuses). `code` is stable and
 * machine-readable; messages are one line and quote only diagram ids, names and the caller's words.
 * The command line answers exit 2 with the message, an HTTP surface 400.
 */
export abstract class SimulationInputError extends Error {
  abstract readonly code: string;
  /** Bad input is the caller's fault: an HTTP surface answers 400. */
  readonly httpStatus = 400;
}
