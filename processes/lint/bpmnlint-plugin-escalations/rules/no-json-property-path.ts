/**
 * No expression uses a property path (`${plan.by}`, `${a['b']}`): process variables are flat by
 * contract, and Camunda 7 cannot read a path on a Json variable without Spin methods.
 */
import { expressionTexts } from '../support/texts.js';
import { propertyPaths } from '../support/expressions.js';
import type { ModdleElement, Reporter, Rule } from '../support/moddle.js';

export default function noJsonPropertyPath(): Rule {
  function check(node: ModdleElement, reporter: Reporter): void {
    for (const { where, text } of expressionTexts(node)) {
      for (const path of propertyPaths(text)) {
        reporter.report(
          String(node.id),
          `Property path "${path.replace(/\s+/g, '')}" in ${where}; use a flat variable`,
        );
      }
    }
  }
  return { check };
}
