/**
 * Collects the problems of one resource and positions each at its element: line and column come
 * from the well-formedness pass (positions.ts), keyed by element id, as Camunda Modeler shows them.
 */
import type { ParseProblem } from '../errors/parse-error.js';
import type { Position } from './positions.js';

export class ResourceProblems {
  readonly errors: ParseProblem[] = [];

  constructor(private readonly positions: ReadonlyMap<string, Position> = new Map()) {}

  /** A problem at an element (or at the start of the file when it has no id). */
  add(message: string, elementId: string | null, relatedIds: string[] = []): void {
    const at = (elementId && this.positions.get(elementId)) || { line: 0, column: 0 };
    const ids = elementId ? [elementId, ...relatedIds.filter((id) => id !== elementId)] : relatedIds;
    this.errors.push({
      message,
      line: at.line,
      column: at.column,
      mainElementId: elementId,
      elementIds: ids,
    });
  }

  /** A problem at a place in the text that has no element (malformed XML, a DOCTYPE). */
  addAt(message: string, position: Position): void {
    this.errors.push({ message, ...position, mainElementId: null, elementIds: [] });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}
