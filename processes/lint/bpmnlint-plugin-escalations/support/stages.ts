/**
 * Stages as the diagrams name them: every element id starts with its group, `<Group>_<Step>`
 * (`Stage2_RecordOutcome`, `Adjournment_Deadline`, `Lessons_Record`). A user task is where a stage
 * records its outcome; the ways out of a stage are the paths from that task (or from an interrupting
 * timer on it) to an element of another group, or to an end event.
 */
import { groupOf } from '../../../stage-ids.js';
import { flowElements, is, type ModdleElement } from './moddle.js';

export { groupOf, stageNumber } from '../../../stage-ids.js';

/** The targets of a flow node's outgoing sequence flows. */
export function successors(node: ModdleElement): ModdleElement[] {
  const outgoing = (node.get('outgoing') as ModdleElement[] | undefined) ?? [];
  return outgoing.map((flow) => flow.get('targetRef') as ModdleElement).filter(Boolean);
}

/** Boundary events attached to `task` in its scope. */
export function boundaryEventsOf(scope: ModdleElement, task: ModdleElement): ModdleElement[] {
  return flowElements(scope).filter(
    (e) => is(e, 'bpmn:BoundaryEvent') && (e.get('attachedToRef') as ModdleElement | undefined) === task,
  );
}

/** Whether a boundary event interrupts its host (non-interrupting reminders leave the stage running). */
export function interrupts(event: ModdleElement): boolean {
  return event.get('cancelActivity') !== false;
}

/**
 * Walks forward from `starts` through elements of `group`, not past elements for which `stop` is
 * true, and returns the first elements reached outside the group (or end events): the exits.
 */
export function exitsOf(
  starts: ModdleElement[],
  group: string,
  stop: (node: ModdleElement) => boolean,
): ModdleElement[] {
  const seen = new Set<string>();
  const exits: ModdleElement[] = [];
  const queue = [...starts];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const id = String(node.id);
    if (seen.has(id)) continue;
    seen.add(id);
    if (groupOf(id) !== group || is(node, 'bpmn:EndEvent')) {
      exits.push(node);
      continue;
    }
    if (!stop(node)) queue.push(...successors(node));
  }
  return exits;
}
