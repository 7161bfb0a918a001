/**
 * Every service task is a Camunda external task on one of the project's topics
 * (`processes/topics.ts`), with the properties and inputs that topic requires. No input is empty
 * (an empty `stage` tells a reader nothing), and a closed input such as `side` has a known value.
 */
import { INPUT_VALUES, TOPICS, isTopic } from '../../../topics.js';
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
  for (const [name, value] of Object.entries(inputs)) {
    if (!allowed.has(name)) out.push(`Topic ${topic} has no input "${name}"`);
    else if (!value.trim()) {
      // A required input that is empty was reported above as missing.
      if (!(contract.inputs as readonly string[]).includes(name))
        out.push(`Input "${name}" is empty; give it a value or remove it`);
    } else if (INPUT_VALUES[name] && !INPUT_VALUES[name].includes(value.trim()))
      out.push(`Input "${name}" is "${value}"; use one of ${INPUT_VALUES[name].join(', ')}`);
  }
  return out;
}

export default function externalTopics(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:ServiceTask')) return;
    for (const message of problems(node)) reporter.report(String(node.id), message);
  }
  return { check };
}
