/**
 * Every `${var}` in a timer, a condition, a due date, candidate groups or an input is set earlier
 * on every path, or is a start variable of the zod contract (`processes/variables.ts`). Otherwise
 * Camunda 7 fails the step with "Unknown property used in expression" (and so does our engine).
 *
 * A variable is set by: the `escalation-schedule` task (its `dueVariable` and
 * `<dueVariable>Explanation`), a user task's form fields (`camunda:formRef` to `forms/`), and
 * `camunda:outputParameter`s.
 */
import { START_VARIABLE_NAMES } from '../../../variables.js';
import { analyse, type Dataflow } from '../support/dataflow.js';
import { formFields } from '../support/forms.js';
import { usedVariables } from '../support/expressions.js';
import { expressionTexts } from '../support/texts.js';
import {
  camundaOutputs,
  camundaProperties,
  flowElements,
  is,
  type ModdleElement,
  type Reporter,
  type Rule,
} from '../support/moddle.js';

/** What an element writes when it completes. */
export function writesOf(node: ModdleElement): string[] {
  const out = Object.keys(camundaOutputs(node));
  if (is(node, 'bpmn:ServiceTask') && node.get('camunda:topic') === 'escalation-schedule') {
    const due = camundaProperties(node).dueVariable;
    if (due) out.push(due, `${due}Explanation`);
  }
  if (is(node, 'bpmn:UserTask')) {
    const ref = node.get('camunda:formRef');
    if (typeof ref === 'string') out.push(...(formFields().get(ref) ?? []));
  }
  return out;
}

/** Where an element's expressions are evaluated: before it starts, or (a flow) after its source. */
function known(node: ModdleElement, flow: Dataflow): ReadonlySet<string> {
  if (is(node, 'bpmn:SequenceFlow')) return flow.after(String((node.get('sourceRef') as ModdleElement).id));
  if (is(node, 'bpmn:BoundaryEvent'))
    return flow.before(String((node.get('attachedToRef') as ModdleElement).id));
  return flow.before(String(node.id));
}

function checkScope(scope: ModdleElement, reporter: Reporter): void {
  const flow = analyse(scope, new Set(START_VARIABLE_NAMES), writesOf);
  for (const node of flowElements(scope)) {
    if (is(node, 'bpmn:SubProcess')) checkScope(node, reporter);
    const set = known(node, flow);
    for (const { where, text } of expressionTexts(node)) {
      for (const name of usedVariables(text)) {
        if (!set.has(name)) {
          reporter.report(
            String(node.id),
            `"${name}" in ${where} is not set on every path before it and is not a start variable`,
          );
        }
      }
    }
  }
}

export default function expressionVariables(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (is(node, 'bpmn:Process')) checkScope(node, reporter);
  }
  return { check };
}
