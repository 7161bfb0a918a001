/**
 * `npm run lint:bpmn` in the browser: the repository's `.bpmnlintrc` with every rule it enables
 * (bpmnlint's, camunda-compat's for Camunda 7.22, and our `escalations` plugin), bundled at build
 * time (virtual:bpmnlint), run as `lintXml` runs them for `POST /deployments`: the diagram's XML
 * read by a fresh bpmn-moddle with the Camunda extension, its import warnings counted as problems,
 * then bpmnlint's Linter over the result. So what the page shows is what the server would refuse.
 */
// First: zod must be told not to compile before the rules' schemas are made.
import './zod-jitless.js';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { Linter } from 'bpmnlint';
import { config, resolver } from 'virtual:bpmnlint';

/** One problem, as `lintXml` reports it (`rule` e.g. `escalations/external-topics`). */
export interface LintProblem {
  /** The element's id; empty for a problem of the whole diagram. */
  id: string;
  rule: string;
  category: string;
  message: string;
}

/** The diagram's problems under the lint rules; an unreadable diagram is one problem. */
export async function lintDiagram(xml: string): Promise<LintProblem[]> {
  const moddle = new BpmnModdle({ camunda });
  let root: unknown;
  let warnings: { message: string }[];
  try {
    ({ rootElement: root, warnings } = await moddle.fromXML(xml));
  } catch (error) {
    return [{ id: '', rule: 'import', category: 'error', message: (error as Error).message }];
  }
  const problems: LintProblem[] = warnings.map((w) => ({
    id: '',
    rule: 'import',
    category: 'error',
    message: w.message,
  }));
  // A Linter for each check, as `lintXml` makes one for each upload: bpmnlint keeps a rule's
  // instance per Linter, and some rules (no-duplicate-sequence-flows) remember what they saw.
  const results = await new Linter({ config, resolver }).lint(root);
  for (const [rule, reports] of Object.entries(results))
    for (const r of reports)
      problems.push({ id: r.id ?? '', rule, category: r.category, message: r.message });
  return problems;
}
