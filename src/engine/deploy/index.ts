/**
 * The guarded deployment parser. `parseDeployment` checks every resource of a deployment (BPMN and
 * Camunda Forms) and either returns what the engine needs, or throws one ParseError listing every
 * problem of every resource, as Camunda 7 answers a rejected deployment.
 */
import type { DeploymentResourceInput } from '../port.js';
import { buildParseError } from './assemble.js';
import { parseBpmnResource } from './bpmn-resource.js';
import { parseForm } from './forms.js';
import { sizeProblem } from './guard.js';
import type { ParsedDeployment, ParsedProcess, ParsedResource } from './model.js';
import { ResourceProblems } from './problems.js';

export type { ParsedDeployment, ParsedResource, ParsedProcess, ElementInfo, Parameter } from './model.js';
export { MAX_FORM_SCHEMA_VERSION } from './forms.js';

export interface ParseOptions {
  /** Limit on the sum of the resources' sizes, checked before anything is parsed. */
  maxBytes: number;
  /**
   * Whether a form with this id (and, for binding "version", this version) was deployed earlier. The
   * runtime passes its lookup; without one, a `camunda:formRef` must name a form in this deployment.
   */
  isFormDeployed?: (formId: string, version: number | null) => boolean;
}

/** Default `maxBytes` the caller uses (5 MB; DEPLOYMENT_MAX_BYTES-style config lives at the entry point). */
export const DEFAULT_MAX_DEPLOYMENT_BYTES = 5 * 1024 * 1024;

export async function parseDeployment(
  resources: DeploymentResourceInput[],
  options: ParseOptions,
): Promise<ParsedDeployment> {
  const tooBig = sizeProblem(resources, options.maxBytes);
  if (tooBig) {
    const problems = new ResourceProblems();
    problems.addAt(tooBig, { line: 0, column: 0 });
    throw buildParseError(new Map([[resources[0]?.name ?? 'deployment', problems]]));
  }
  const reports = new Map<string, ResourceProblems>();
  const parsed: ParsedResource[] = [];
  for (const resource of resources) {
    const { result, problems } = await parseResource(resource);
    reports.set(resource.name, problems);
    parsed.push(result);
  }
  checkAcrossResources(parsed, reports, options);
  if ([...reports.values()].some((r) => r.hasErrors)) throw buildParseError(reports);
  return { resources: parsed };
}

async function parseResource(resource: DeploymentResourceInput): Promise<{ result: ParsedResource; problems: ResourceProblems }> {
  const base = { name: resource.name, content: resource.content };
  if (/\.(bpmn|bpmn20\.xml)$/i.test(resource.name)) {
    const { problems, processes } = await parseBpmnResource(resource.name, resource.content);
    return { result: { ...base, kind: 'bpmn', processes }, problems };
  }
  if (/\.form$/i.test(resource.name)) {
    const problems = new ResourceProblems();
    const formId = parseForm(resource.content, problems);
    return { result: { ...base, kind: 'form', processes: [], ...(formId ? { formId } : {}) }, problems };
  }
  // Other resources (documentation, images) are stored as Camunda stores them.
  return { result: { ...base, kind: 'other', processes: [] }, problems: new ResourceProblems() };
} // prettier-ignore

/** Duplicate process keys and form ids, and form references that name no form. */
function checkAcrossResources(parsed: ParsedResource[], reports: Map<string, ResourceProblems>, options: ParseOptions): void {
  const seenKeys = new Set<string>();
  const seenForms = new Set<string>();
  for (const resource of parsed) {
    const problems = reports.get(resource.name) ?? new ResourceProblems();
    for (const process of resource.processes) {
      if (seenKeys.has(process.key)) {
        problems.add(`The deployment contains definitions with the same key '${process.key}' (id attribute), this is not allowed`, process.key);
      }
      seenKeys.add(process.key);
    }
    if (resource.formId && seenForms.has(resource.formId)) {
      problems.addAt(`The deployment contains two forms with the id '${resource.formId}'`, { line: 0, column: 0 });
    }
    if (resource.formId) seenForms.add(resource.formId);
  }
  for (const resource of parsed) {
    for (const process of resource.processes) checkFormRefs(process, seenForms, reports.get(resource.name), options);
  }
} // prettier-ignore

function checkFormRefs(process: ParsedProcess, forms: Set<string>, problems: ResourceProblems | undefined, options: ParseOptions): void {
  for (const element of process.elements.values()) {
    const ref = element.userTask?.formRef;
    if (!ref || forms.has(ref.key)) continue;
    const earlier = ref.binding !== 'deployment' && (options.isFormDeployed?.(ref.key, ref.version) ?? false);
    if (!earlier) {
      const where = ref.binding === 'deployment' ? 'in this deployment' : 'in this deployment or an earlier one';
      problems?.add(`${element.type} '${element.id}': camunda:formRef '${ref.key}' names no form ${where}`, element.id);
    }
  }
} // prettier-ignore
