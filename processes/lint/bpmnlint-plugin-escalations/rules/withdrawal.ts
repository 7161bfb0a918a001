/**
 * Every escalation can be withdrawn at any point (issue 12, "Withdrawal"): each executable process
 * has the interrupting event sub-process `Withdrawn`, started by the message `withdraw`, which records
 * a `withdrawn` entry (with the reason the message carries) and tells every party. The API's withdraw
 * action and the reports rely on it.
 */
import {
  camundaInputs,
  flowElements,
  is,
  type ModdleElement,
  type Reporter,
  type Rule,
} from '../support/moddle.js';

function messageName(start: ModdleElement): string | null {
  const defs = (start.get('eventDefinitions') as ModdleElement[] | undefined) ?? [];
  const def = defs.find((d) => is(d, 'bpmn:MessageEventDefinition'));
  const message = def?.get('messageRef') as ModdleElement | undefined;
  return message ? String(message.get('name') ?? '') : null;
}

function problems(process: ModdleElement): string[] {
  const sub = flowElements(process).find((e) => e.id === 'Withdrawn');
  if (!sub || !is(sub, 'bpmn:SubProcess') || sub.get('triggeredByEvent') !== true)
    return ['No event sub-process "Withdrawn": an escalation must be withdrawable at any stage'];
  const inner = flowElements(sub);
  const start = inner.find((e) => is(e, 'bpmn:StartEvent'));
  const out: string[] = [];
  if (!start || messageName(start) !== 'withdraw' || start.get('isInterrupting') === false)
    out.push('"Withdrawn" must start with an interrupting message start event for the message "withdraw"');
  const records = inner.filter(
    (e) => e.get('camunda:topic') === 'escalation-record' && camundaInputs(e).recordKind === 'withdrawn',
  );
  if (records.length === 0) out.push('"Withdrawn" must record a "withdrawn" entry (escalation-record)');
  if (!inner.some((e) => e.get('camunda:topic') === 'escalation-notify'))
    out.push('"Withdrawn" must tell the parties (escalation-notify)');
  return out;
}

export default function withdrawal(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process') || node.get('isExecutable') !== true) return;
    for (const message of problems(node)) reporter.report(String(node.id), message);
  }
  return { check };
}
