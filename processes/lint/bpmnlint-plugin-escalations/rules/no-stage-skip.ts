/**
 * A breach never skips a stage (issue 12; east-riding §3: a delay goes to "managers at the next
 * level of the structure"). From the interrupting timer on a `Stage<N>_…` user task, the first other
 * numbered stage reached on any path is Stage N+1. Paths to groups that are not numbered stages
 * (the record of an unresolved final stage, the immediate-risk routing) are not stages and pass.
 */
import { flowElements, is, type ModdleElement, type Reporter, type Rule } from '../support/moddle.js';
import { boundaryEventsOf, exitsOf, groupOf, interrupts, stageNumber } from '../support/stages.js';

function skipped(scope: ModdleElement, task: ModdleElement, n: number): string[] {
  const group = groupOf(String(task.id));
  const timers = boundaryEventsOf(scope, task).filter(interrupts);
  return exitsOf(timers, group, () => false)
    .map((exit) => String(exit.id))
    .filter((id) => {
      const m = stageNumber(groupOf(id));
      return m !== null && m !== n + 1;
    });
}

export default function noStageSkip(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
    for (const task of flowElements(node).filter((e) => is(e, 'bpmn:UserTask'))) {
      const n = stageNumber(groupOf(String(task.id)));
      if (n === null) continue;
      for (const id of [...new Set(skipped(node, task, n))]) {
        reporter.report(
          String(task.id),
          `The breach path of Stage ${n} goes to ${id}, skipping Stage ${n + 1}`,
        );
      }
    }
  }
  return { check };
}
