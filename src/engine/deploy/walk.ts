/**
 * Walks a BPMN model: every element gets the type whitelist and the attribute rules; flow elements of
 * executable processes also get their family's rules and become {@link ElementInfo}s.
 */
import type { ElementInfo } from './model.js';
import { childrenOf, own, type ModdleElement } from './moddle.js';
import type { ResourceProblems } from './problems.js';
import { checkActivity, checkExternal, checkSubProcess, checkUserTask } from './rules/activities.js';
import { checkAttributes } from './rules/attributes.js';
import { report, type RuleContext } from './rules/context.js';
import { checkEvent, type ContainerKind } from './rules/events.js';
import { checkExtensions } from './rules/extensions.js';
import { checkFlowNode, checkSequenceFlow } from './rules/flows.js';
import { describe, typeProblem } from './rules/whitelist.js';

/** Properties a container's visit handles itself, so the generic walk skips them. */
const CONTAINER_KEYS = new Set(['flowElements']);

/** Whitelist and attribute rules for an element and everything it contains (not flow elements). */
export function walkGeneric(element: ModdleElement, hostId: string | null, problems: ResourceProblems): void {
  const id = element.id ?? hostId;
  const problem = typeProblem(element.$type);
  if (problem) {
    // An event definition is part of its event: Modeler marks the event, so the event is the main id.
    const main = element.$type.endsWith('EventDefinition') && hostId ? hostId : id;
    problems.add(`${describe(element.$type, element.id)} is not supported: ${problem}`, main, element.id ? [element.id] : []);
    return;
  }
  checkAttributes(element, id, problems);
  for (const key of Object.keys(element)) {
    if (key.startsWith('$') || CONTAINER_KEYS.has(key) || element.$descriptor.propertiesByName[key]?.isReference) continue;
    const value = (element as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null && '$type' in child) walkGeneric(child as ModdleElement, id, problems);
    }
  }
} // prettier-ignore

/** Visits a process or sub-process: its flow elements by id, into `elements`. */
export function visitContainer(
  container: ModdleElement,
  kind: ContainerKind,
  problems: ResourceProblems,
  elements: Map<string, ElementInfo>,
): void {
  const flowElements = (own(container, 'flowElements') as ModdleElement[] | undefined) ?? [];
  const ctx: RuleContext = { problems, outgoing: new Map(), incoming: new Map() };
  for (const flow of flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    push(ctx.outgoing, (own(flow, 'sourceRef') as ModdleElement | undefined)?.id, flow);
    push(ctx.incoming, (own(flow, 'targetRef') as ModdleElement | undefined)?.id, flow);
  }
  for (const element of flowElements) {
    const info = visitFlowElement(ctx, element, container, kind, elements);
    if (info && element.id) elements.set(element.id, info);
  }
}

function visitFlowElement(
  ctx: RuleContext,
  element: ModdleElement,
  container: ModdleElement,
  kind: ContainerKind,
  elements: Map<string, ElementInfo>,
): ElementInfo | null {
  const before = ctx.problems.errors.length;
  walkGeneric(element, element.id ?? container.id ?? null, ctx.problems);
  if (ctx.problems.errors.length > before && typeProblem(element.$type)) return null;
  if (!element.id) report(ctx, element, 'an element needs an id');
  const info: ElementInfo = {
    id: element.id ?? '',
    type: element.$type,
    name: typeof own(element, 'name') === 'string' ? (own(element, 'name') as string) : null,
    parentId: container.id ?? '',
    ...checkExtensions(ctx, element),
    ...familyInfo(ctx, element, kind),
  };
  if (element.$type === 'bpmn:SubProcess') {
    const subKind = own(element, 'triggeredByEvent') === true ? 'eventSubProcess' : 'subProcess';
    visitContainer(element, subKind, ctx.problems, elements);
  }
  return info;
}

function familyInfo(ctx: RuleContext, element: ModdleElement, kind: ContainerKind): Partial<ElementInfo> {
  const type = element.$type;
  if (type === 'bpmn:SequenceFlow') return checkSequenceFlow(ctx, element);
  if (type.endsWith('Event')) {
    const event = checkEvent(ctx, element, kind);
    const message = definitionOf(element, 'bpmn:MessageEventDefinition');
    if (message && type === 'bpmn:EndEvent')
      return { ...event, ...checkExternal(ctx, element, false, message) };
    if (message) noExternal(ctx, element, message);
    return event;
  }
  if (type.endsWith('Gateway')) return checkFlowNode(ctx, element);
  if (type === 'bpmn:UserTask' || type === 'bpmn:ServiceTask' || type === 'bpmn:SubProcess') {
    checkActivity(ctx, element);
    const flow = checkFlowNode(ctx, element);
    if (type === 'bpmn:UserTask') return { ...flow, ...checkUserTask(ctx, element) };
    if (type === 'bpmn:ServiceTask') return { ...flow, ...checkExternal(ctx, element, true) };
    return { ...flow, ...checkSubProcess(ctx, element) };
  }
  return {};
}

/** camunda:type / topic on a message catch or start event's definition would be silently ignored. */
function noExternal(ctx: RuleContext, element: ModdleElement, definition: ModdleElement): void {
  const attrs = ['type', 'topic', 'taskPriority'].filter((n) => own(definition, n) !== undefined);
  if (attrs.length > 0) report(ctx, element, 'camunda:type, camunda:topic and camunda:taskPriority belong on message end events only');
} // prettier-ignore

function definitionOf(element: ModdleElement, type: string): ModdleElement | undefined {
  return ((own(element, 'eventDefinitions') as ModdleElement[] | undefined) ?? []).find(
    (d) => d.$type === type,
  );
}

function push(map: Map<string, ModdleElement[]>, key: string | undefined, flow: ModdleElement): void {
  if (key === undefined) return;
  map.set(key, [...(map.get(key) ?? []), flow]);
}

export { childrenOf };
