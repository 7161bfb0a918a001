/**
 * Reads the semantic part of a .bpmn with bpmn-moddle (Camunda extension) into the small graph the
 * layout works on: flow nodes, sequence flows, lanes and expanded sub-processes. Nothing here
 * writes XML; the caller replaces only the DI section.
 */
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import { shapeSize, type Size } from './geometry.js';
import { LaneAssignmentError, UnsupportedDiagramError } from './errors.js';

/** A flow node as the layout sees it. */
export interface LayoutNode {
  id: string;
  /** The moddle type, e.g. `bpmn:UserTask`. */
  type: string;
  name: string;
  /** The lane id (root nodes), or '' inside a sub-process. */
  lane: string;
  /** For a boundary event: the id of the activity it is attached to. */
  host?: string;
  /** Boundary events attached to this node, in document order. */
  boundaries: string[];
  /** For a sub-process: its own nodes and flows, laid out inside it. */
  children?: LayoutGraph;
  /** An event sub-process: not connected by flows, placed as a block in its lane. */
  eventSub: boolean;
  /** Shape size; sub-processes get theirs from their content. */
  size: Size;
}

/** A sequence flow. */
export interface LayoutFlow {
  id: string;
  name: string;
  source: string;
  target: string;
  /** The flow is its gateway's default flow (the main line when choosing the main path). */
  isDefault: boolean;
}

/** The nodes and flows of one process level (the process, or a sub-process). */
export interface LayoutGraph {
  nodes: LayoutNode[];
  flows: LayoutFlow[];
}

/** A lane of the pool, in laneSet order. */
export interface LaneInfo {
  id: string;
  name: string;
}

/** The executable process and what the DI must reference. */
export interface ProcessModel {
  processId: string;
  processName: string;
  lanes: LaneInfo[];
  graph: LayoutGraph;
  /** The existing collaboration and this process's participant, if the file has them. */
  collaboration?: { id: string; participantId: string };
  /** Ids of the existing BPMNDiagram and BPMNPlane, kept so the DI ids do not churn. */
  diagramId?: string;
  planeId?: string;
}

const NOT_LAID_OUT = ['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'];

/** Parses `xml` and returns the executable process's layout model; throws on unsupported input. */
export async function readProcessModel(xml: string): Promise<ProcessModel> {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  if (warnings.length) {
    throw new UnsupportedDiagramError(`import warnings: ${warnings.map((w) => w.message).join('; ')}`);
  }
  const processes = rootElement.rootElements.filter((e: ModdleTree) => e.$type === 'bpmn:Process');
  const process = processes.find((p: ModdleTree) => p.isExecutable) ?? processes[0];
  if (!process) throw new UnsupportedDiagramError('no bpmn:process');
  if ((process.artifacts ?? []).length) {
    throw new UnsupportedDiagramError(`artifacts (text annotations, groups) are not laid out: ${process.id}`);
  }
  const lanes = readLanes(process);
  const laneOf = assignLanes(process, lanes);
  const diagram = rootElement.diagrams?.[0];
  return {
    processId: process.id,
    processName: process.name ?? '',
    lanes: lanes.map((l: ModdleTree) => ({ id: l.id, name: l.name ?? '' })),
    graph: readGraph(process, laneOf),
    collaboration: findParticipant(rootElement, process),
    diagramId: diagram?.id,
    planeId: diagram?.plane?.id,
  };
}

function readLanes(process: ModdleTree): ModdleTree[] {
  const sets = process.laneSets ?? [];
  const lanes = sets.flatMap((s: ModdleTree) => s.lanes ?? []);
  if (sets.length !== 1 || !lanes.length) {
    throw new LaneAssignmentError(`process ${process.id} needs one bpmn:laneSet with bpmn:lane elements`, []);
  }
  const nested = lanes.filter((l: ModdleTree) => (l.childLaneSet?.lanes ?? []).length);
  if (nested.length) {
    throw new UnsupportedDiagramError(`nested lanes are not supported: ${ids(nested).join(', ')}`);
  }
  return lanes;
}

/** Lane id of every root flow node; boundary events follow their host. Throws naming every misfit. */
function assignLanes(process: ModdleTree, lanes: ModdleTree[]): Map<string, string> {
  const listed = new Map<string, string[]>();
  for (const lane of lanes) {
    for (const ref of lane.flowNodeRef ?? []) listed.set(ref.id, [...(listed.get(ref.id) ?? []), lane.id]);
  }
  const laneOf = new Map<string, string>();
  const missing: string[] = [];
  const several: string[] = [];
  const nodes = flowNodes(process);
  for (const node of nodes.filter((n) => n.$type !== 'bpmn:BoundaryEvent')) {
    const in_ = listed.get(node.id) ?? [];
    if (in_.length === 0) missing.push(node.id);
    else if (in_.length > 1) several.push(node.id);
    else laneOf.set(node.id, in_[0]!);
  }
  for (const node of nodes.filter((n) => n.$type === 'bpmn:BoundaryEvent')) {
    const hostLane = laneOf.get(node.attachedToRef?.id);
    const own = listed.get(node.id) ?? [];
    // A boundary event is drawn on its host, so a different lane could not be honoured.
    if (own.length > 1 || (own.length === 1 && hostLane && own[0] !== hostLane)) several.push(node.id);
    else if (hostLane) laneOf.set(node.id, hostLane);
  }
  if (missing.length || several.length) {
    const parts = [
      missing.length ? `in no lane: ${missing.join(', ')}` : '',
      several.length ? `in more than one lane (or not in its host's lane): ${several.join(', ')}` : '',
    ];
    throw new LaneAssignmentError(
      `every flow node must be in exactly one lane; ${parts.filter(Boolean).join('; ')}`,
      [...missing, ...several],
    );
  }
  return laneOf;
}

function flowNodes(container: ModdleTree): ModdleTree[] {
  return (container.flowElements ?? []).filter(
    (e: ModdleTree) => e.$type !== 'bpmn:SequenceFlow' && !NOT_LAID_OUT.includes(e.$type),
  );
}

/** The nodes and flows of a process or sub-process, in document order. */
function readGraph(container: ModdleTree, laneOf: Map<string, string>): LayoutGraph {
  const unsupported = (container.flowElements ?? []).filter((e: ModdleTree) =>
    NOT_LAID_OUT.includes(e.$type),
  );
  if (unsupported.length) {
    throw new UnsupportedDiagramError(
      `data objects and stores are not laid out: ${ids(unsupported).join(', ')}`,
    );
  }
  const nodes: LayoutNode[] = flowNodes(container).map((e) => toNode(e, laneOf));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) if (n.host) byId.get(n.host)?.boundaries.push(n.id);
  const flows = (container.flowElements ?? [])
    .filter((e: ModdleTree) => e.$type === 'bpmn:SequenceFlow')
    .map((f: ModdleTree) => ({
      id: f.id,
      name: f.name ?? '',
      source: f.sourceRef.id,
      target: f.targetRef.id,
      isDefault: f.sourceRef.default === f,
    }));
  return { nodes, flows };
}

function toNode(e: ModdleTree, laneOf: Map<string, string>): LayoutNode {
  const isSub = e.$type === 'bpmn:SubProcess' || e.$type === 'bpmn:Transaction';
  if (!isSub && e.flowElements) throw new UnsupportedDiagramError(`${e.$type} ${e.id} is not supported`);
  return {
    id: e.id,
    type: e.$type,
    name: e.name ?? '',
    lane: laneOf.get(e.id) ?? '',
    host: e.attachedToRef?.id,
    boundaries: [],
    children: isSub ? readGraph(e, new Map()) : undefined,
    eventSub: isSub && e.triggeredByEvent === true,
    size: shapeSize(e.$type),
  };
}

function findParticipant(definitions: ModdleTree, process: ModdleTree): ProcessModel['collaboration'] {
  const collaborations = definitions.rootElements.filter((e: ModdleTree) => e.$type === 'bpmn:Collaboration');
  if (!collaborations.length) return undefined;
  const [c, ...others] = collaborations;
  const participants = c.participants ?? [];
  // One pool only: other pools and message flows would need shapes this tool does not draw.
  if (others.length || participants.length !== 1 || (c.messageFlows ?? []).length) {
    throw new UnsupportedDiagramError('only a collaboration with one participant (pool) is supported');
  }
  if (participants[0].processRef !== process) {
    throw new UnsupportedDiagramError(`the collaboration's participant does not reference ${process.id}`);
  }
  return { id: c.id, participantId: participants[0].id };
}

function ids(elements: ModdleTree[]): string[] {
  return elements.map((e) => e.id);
}
