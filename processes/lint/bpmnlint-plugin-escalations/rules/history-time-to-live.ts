/** Every executable process carries `camunda:historyTimeToLive` (Camunda 7.20+ rejects it otherwise). */
import { is, type ModdleElement, type Reporter, type Rule } from '../support/moddle.js';

export default function historyTimeToLive(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process') || node.get('isExecutable') !== true) return;
    const ttl = node.get('camunda:historyTimeToLive');
    if (ttl === undefined || ttl === null || String(ttl).trim() === '') {
      reporter.report(String(node.id), 'Executable process has no camunda:historyTimeToLive');
    }
  }
  return { check };
}
