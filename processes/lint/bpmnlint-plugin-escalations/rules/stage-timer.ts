/**
 * Every user task (a stage's record of its outcome) has a timer boundary event: an interrupting
 * deadline that leads to the breach path, or a non-interrupting reminder where the procedure fixes
 * no timescale (issue 7: "every stage user task has a timer boundary event or a reminder").
 */
import {
  flowElements,
  is,
  timerText,
  type ModdleElement,
  type Reporter,
  type Rule,
} from '../support/moddle.js';

export default function stageTimer(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
    const elements = flowElements(node);
    const timed = new Set(
      elements
        .filter((e) => is(e, 'bpmn:BoundaryEvent') && timerText(e) !== null)
        .map((e) => String((e.get('attachedToRef') as ModdleElement).id)),
    );
    for (const task of elements.filter((e) => is(e, 'bpmn:UserTask'))) {
      if (!timed.has(String(task.id))) {
        reporter.report(String(task.id), 'User task has no timer boundary event (a deadline or a reminder)');
      }
    }
  }
  return { check };
}
