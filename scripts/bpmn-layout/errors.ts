/**
 * Why the layout tool refuses a diagram. Each error carries a stable code and the exit code the CLI
 * returns: 2 for a lane assignment the process owner must fix, 1 for anything else.
 */

/** A root flow node is in no lane or in several (or the process has no laneSet). Exit code 2. */
export class LaneAssignmentError extends Error {
  readonly code = 'LANE_ASSIGNMENT';
  readonly exitCode = 2;
  constructor(
    message: string,
    /** The ids of the offending flow nodes. */
    readonly elementIds: string[],
  ) {
    super(message);
    this.name = 'LaneAssignmentError';
  }
}

/** The diagram uses something the tool does not lay out (data objects, nested lanes, …). Exit code 1. */
export class UnsupportedDiagramError extends Error {
  readonly code = 'UNSUPPORTED_DIAGRAM';
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedDiagramError';
  }
}
