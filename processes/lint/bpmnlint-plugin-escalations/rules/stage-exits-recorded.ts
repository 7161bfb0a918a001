/**
 * Every way out of a stage writes a record entry of that stage (issue 12: "every stage's ways out
 * record the stage"; issue 13: raise, every stage's end, breach and withdrawal are record entries, so
 * reports can be computed from the record alone). From each user task, and from each interrupting
 * timer on it, every path to another group or to an end event passes an `escalation-record` task
 * of the same group. A user task whose id names no group (no `_`) is not a stage and is not checked.
 */
import { flowElements, is, type ModdleElement, type Reporter, type Rule } from '../support/moddle.js';
import { boundaryEventsOf, exitsOf, groupOf, interrupts, successors } from '../support/stages.js';

const isRecord = (group: string) => (node: ModdleElement) =>
  is(node, 'bpmn:ServiceTask') &&
  node.get('camunda:topic') === 'escalation-record' &&
  groupOf(String(node.id)) === group;

function unrecordedExits(scope: ModdleElement, task: ModdleElement): string[] {
  const group = groupOf(String(task.id));
  const starts = [
    ...successors(task),
    ...boundaryEventsOf(scope, task)
      .filter(interrupts)
      .flatMap((event) => [event, ...successors(event)]),
  ];
  const recorded = isRecord(group);
  // A start that is itself the record task counts as recorded; the walk stops at record tasks.
  return exitsOf(
    starts.filter((s) => !recorded(s)),
    group,
    recorded,
  ).map((exit) => String(exit.id));
}

export default function stageExitsRecorded(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
    const tasks = flowElements(node).filter((e) => is(e, 'bpmn:UserTask') && String(e.id).includes('_'));
    for (const task of tasks) {
      const exits = [...new Set(unrecordedExits(node, task))];
      if (exits.length === 0) continue;
      reporter.report(
        String(task.id),
        `A way out of ${groupOf(String(task.id))} reaches ${exits.join(', ')} without an escalation-record task of ${groupOf(String(task.id))}`,
      );
    }
  }
  return { check };
}
