/**
 * One `.bpmn` resource through the guarded pipeline: UTF-8 text → no DOCTYPE/ENTITY → well-formed XML
 * (positions) → bpmn-moddle with Camunda extensions → whitelist and rules → executable processes.
 */
import { findDeclaration, decodeText } from './guard.js';
import type { ElementInfo, ParsedProcess } from './model.js';
import { childrenOf, loadModel, own, type LoadedModel, type ModdleElement } from './moddle.js';
import { checkWellFormed } from './positions.js';
import { ResourceProblems } from './problems.js';
import { checkAttributes } from './rules/attributes.js';
import { checkNoneStarts, processAttributes } from './rules/process.js';
import { visitContainer, walkGeneric } from './walk.js';

export interface BpmnResult {
  problems: ResourceProblems;
  processes: ParsedProcess[];
}

export async function parseBpmnResource(name: string, content: Buffer): Promise<BpmnResult> {
  const text = decodeText(content);
  const early = new ResourceProblems();
  if (text === null) early.addAt('The resource is not UTF-8 text (is it a binary file?)', { line: 0, column: 0 });
  else if (text.trim() === '') early.addAt('The resource is empty', { line: 0, column: 0 });
  if (text === null || early.hasErrors) return { problems: early, processes: [] };
  // Before any XML parser: entity declarations are how XXE and "billion laughs" attacks start.
  const declaration = findDeclaration(text);
  if (declaration) {
    early.addAt(`${declaration.keyword} declarations are not allowed in a deployment (XML entities are refused)`, declaration.position);
    return { problems: early, processes: [] };
  }
  const wellFormed = checkWellFormed(text);
  const problems = new ResourceProblems(wellFormed.ids);
  if (wellFormed.error) {
    problems.addAt(`The XML is not well-formed: ${wellFormed.error.message}`, wellFormed.error.position);
    return { problems, processes: [] };
  }
  let model: LoadedModel;
  try {
    model = await loadModel(text);
  } catch (error) {
    problems.addAt(`Not a BPMN 2.0 definitions document: ${(error as Error).message.split('\n')[0] ?? ''}`, { line: 1, column: 1 });
    return { problems, processes: [] };
  }
  for (const w of model.warnings) {
    if (w.elementId) problems.add(w.message, w.elementId);
    else problems.addAt(w.message, { line: w.line, column: w.column });
  }
  return { problems, processes: checkDefinitions(model.definitions, name, text, problems) };
} // prettier-ignore

function checkDefinitions(definitions: ModdleElement, resourceName: string, source: string, problems: ResourceProblems): ParsedProcess[] {
  if (definitions.$type !== 'bpmn:Definitions') {
    problems.addAt(`The root element must be bpmn:definitions, not ${definitions.$type}`, { line: 1, column: 1 });
    return [];
  }
  checkAttributes(definitions, definitions.id ?? null, problems);
  const processes: ParsedProcess[] = [];
  for (const child of childrenOf(definitions)) {
    if (child.$type !== 'bpmn:Process') walkGeneric(child, child.id ?? null, problems);
    // A non-executable process is stored but not deployed, so Camunda never looks inside it.
    else if (own(child, 'isExecutable') === true) {
      const parsed = checkProcess(child, resourceName, source, problems);
      if (parsed) processes.push(parsed);
    }
  }
  return processes;
} // prettier-ignore

function checkProcess(process: ModdleElement, resourceName: string, source: string, problems: ResourceProblems): ParsedProcess | null {
  const attributes = processAttributes(process, problems);
  checkNoneStarts(process, problems);
  walkGeneric(process, process.id ?? null, problems);
  const elements = new Map<string, ElementInfo>();
  visitContainer(process, 'process', problems, elements);
  if (!attributes) return null;
  const name = own(process, 'name');
  return {
    key: process.id ?? '',
    name: typeof name === 'string' ? name : null,
    ...attributes,
    resourceName,
    source,
    elements,
  };
} // prettier-ignore
