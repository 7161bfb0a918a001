/** Every expression-bearing text of one element, with where it sits (for messages). */
import { camundaInputs, camundaOutputs, conditionText, timerText, type ModdleElement } from './moddle.js';

export interface ExpressionText {
  where: string;
  text: string;
}

export function expressionTexts(node: ModdleElement): ExpressionText[] {
  const out: ExpressionText[] = [];
  const push = (where: string, text: unknown) => {
    if (typeof text === 'string' && /[$#]\{/.test(text)) out.push({ where, text });
  };
  if (node.$type === 'bpmn:SequenceFlow') push('the condition', conditionText(node));
  if (node.$type === 'bpmn:BoundaryEvent' || node.$type === 'bpmn:IntermediateCatchEvent')
    push('the timer', timerText(node));
  for (const attr of [
    'camunda:dueDate',
    'camunda:candidateGroups',
    'camunda:assignee',
    'camunda:followUpDate',
  ]) {
    push(attr, node.get?.(attr));
  }
  for (const [name, value] of Object.entries(camundaInputs(node))) push(`input "${name}"`, value);
  for (const [name, value] of Object.entries(camundaOutputs(node))) push(`output "${name}"`, value);
  return out;
}
