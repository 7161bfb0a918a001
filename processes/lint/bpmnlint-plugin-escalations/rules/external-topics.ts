/**
 * Every service task is a Camunda external task on one of the project's topics
 * (`processes/topics.ts`), with the properties and inputs that topic requires, non-empty.
 */
import { TOPICS, isTopic } from '../../../topics.js';
import {
  camundaInputs,
  camundaProperties,
  is,
  type ModdleElement,
  type Reporter,
  type Rule,
} from '../support/moddle.js';

function problems(node: ModdleElement): string[] {
  if (node.get('camunda:type') !== 'external') return ['Service task is not camunda:type="external"'];
  const topic = String(node.get('camunda:topic') ?? '');
  if (!isTopic(topic)) return [`Unknown topic "${topic}"; use one of ${Object.keys(TOPICS).join(', ')}`];
  const contract = TOPICS[topic];
  const props = camundaProperties(node);
  const inputs = camundaInputs(node);
  const out: string[] = [];
  for (const p of contract.properties)
    if (!props[p]?.trim()) out.push(`Topic ${topic} needs camunda:property "${p}"`);
  for (const i of contract.inputs) if (!inputs[i]?.trim()) out.push(`Topic ${topic} needs input "${i}"`);
  const allowed = new Set<string>([...contract.inputs, ...contract.optionalInputs]);
  for (const i of Object.keys(inputs)) if (!allowed.has(i)) out.push(`Topic ${topic} has no input "${i}"`);
  return out;
}

export default function externalTopics(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:ServiceTask')) return;
    for (const message of problems(node)) reporter.report(String(node.id), message);
  }
  return { check };
}
