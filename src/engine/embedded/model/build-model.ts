/**
 * Builds a {@link ProcessModel} from the diagram's moddle tree (the graph: flows, attachments,
 * nesting, event definitions) and the parser's {@link ParsedProcess} (validated metadata).
 */
import type { ElementInfo, ParsedProcess } from '../../deploy/model.js';
import { activityTypeOf, behaviourOf, eventKindOf } from './node-kinds.js';
import type { FlowNode, ProcessModel, Scope, SequenceFlow } from './process-model.js';

/** The slice of a bpmn-moddle element this builder reads. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  flowElements?: ModdleElement[];
  eventDefinitions?: { $type: string }[];
  sourceRef?: { id: string };
  targetRef?: { id: string };
  attachedToRef?: { id: string };
  triggeredByEvent?: boolean;
}

interface Builder {
  parsed: ParsedProcess;
  nodes: Map<string, FlowNode>;
  flows: Map<string, SequenceFlow>;
}

/** Joins graph and metadata into the model the interpreter runs. */
export function buildProcessModel(
  process: ModdleElement,
  parsed: ParsedProcess,
  definitionId: string,
): ProcessModel {
  const builder: Builder = { parsed, nodes: new Map(), flows: new Map() };
  const root = emptyScope(parsed.key, null);
  collectScope(builder, process, root);
  linkGraph(builder);
  return {
    definitionId,
    key: parsed.key,
    name: parsed.name,
    root,
    nodes: builder.nodes,
    flows: builder.flows,
  };
}

function emptyScope(id: string, node: FlowNode | null): Scope {
  return { id, node, noneStart: null, messageStarts: [], eventSubProcesses: [], nodes: [] };
}

function collectScope(builder: Builder, container: ModdleElement, scope: Scope): void {
  for (const element of container.flowElements ?? []) {
    if (element.$type === 'bpmn:SequenceFlow') {
      addFlow(builder, element);
      continue;
    }
    const node = createNode(builder, element, scope);
    if (!node) continue;
    scope.nodes.push(node);
    if (node.behaviour === 'eventSubProcess') scope.eventSubProcesses.push(node);
    if (node.behaviour === 'startEvent' && node.event === 'none') scope.noneStart = node;
    if (node.behaviour === 'startEvent' && node.event === 'message') scope.messageStarts.push(node);
    if (node.inner) collectScope(builder, element, node.inner);
  }
}

function createNode(builder: Builder, element: ModdleElement, scope: Scope): FlowNode | null {
  const behaviour = behaviourOf(element.$type, element.triggeredByEvent === true);
  if (!behaviour || !element.id) return null;
  const event = eventKindOf((element.eventDefinitions ?? []).map((d) => d.$type));
  const info = infoOf(builder.parsed, element, scope.id);
  const node: FlowNode = {
    id: element.id,
    name: element.name ?? null,
    bpmnType: element.$type,
    behaviour,
    event,
    activityType: activityTypeOf(behaviour, event, element.$type),
    info,
    scope,
    incoming: [],
    outgoing: [],
    boundaryEvents: [],
    attachedTo: element.attachedToRef?.id ?? null,
    inner: null,
    eventTargets: [],
    isScope: false,
  };
  if (behaviour === 'subProcess' || behaviour === 'eventSubProcess') node.inner = emptyScope(node.id, node);
  builder.nodes.set(node.id, node);
  return node;
}

/** The parser's metadata, or a bare record for elements it has nothing to say about. */
function infoOf(parsed: ParsedProcess, element: ModdleElement, parentId: string): ElementInfo {
  const found = parsed.elements.get(element.id!);
  if (found) return found;
  return {
    id: element.id!,
    type: element.$type,
    name: element.name ?? null,
    parentId,
    properties: {},
    inputs: [],
    outputs: [],
  };
}

function addFlow(builder: Builder, element: ModdleElement): void {
  if (!element.id || !element.sourceRef || !element.targetRef) return;
  const info = builder.parsed.elements.get(element.id);
  builder.flows.set(element.id, {
    id: element.id,
    sourceId: element.sourceRef.id,
    targetId: element.targetRef.id,
    condition: info?.condition ?? null,
    isDefault: false,
  });
}

function linkGraph(builder: Builder): void {
  for (const flow of builder.flows.values()) {
    const source = builder.nodes.get(flow.sourceId);
    const target = builder.nodes.get(flow.targetId);
    if (!source || !target) continue;
    flow.isDefault = source.info.defaultFlowId === flow.id;
    source.outgoing.push(flow);
    target.incoming.push(flow);
  }
  for (const node of builder.nodes.values()) {
    if (node.attachedTo) builder.nodes.get(node.attachedTo)?.boundaryEvents.push(node);
  }
  for (const node of builder.nodes.values()) {
    if (node.behaviour === 'eventBasedGateway') {
      node.eventTargets = node.outgoing.map((f) => builder.nodes.get(f.targetId)!).filter(Boolean);
    }
    node.isScope = isScopeNode(node);
  }
}

/**
 * Camunda gives these activities their own execution: sub-processes, hosts of boundary events, IO mappings,
 * and every external task (its BpmnParse makes `camunda:type="external"` activities scopes; measured on
 * Operaton: an external task's `executionId` is never the process instance's, even in a plain sequence).
 */
function isScopeNode(node: FlowNode): boolean {
  if (node.inner || node.info.external) return true;
  if (node.boundaryEvents.length > 0) return true;
  return node.info.inputs.length > 0 || node.info.outputs.length > 0;
}
