/**
 * The executable shape of one process definition: the flow graph from the diagram, joined with
 * the parser's validated {@link ElementInfo} (compiled expressions, Camunda extensions). Built once
 * per definition and shared by every instance; never mutated.
 */
import type { Expression } from '../../expressions/expression.js';
import type { ElementInfo } from '../../deploy/model.js';

/** What kind of event definition an event carries (`none` when it has none). */
export type EventKind = 'none' | 'message' | 'timer' | 'error' | 'escalation' | 'terminate';

/** How the interpreter treats a node. */
export type Behaviour =
  | 'startEvent'
  | 'endEvent'
  | 'catchEvent'
  | 'throwEvent'
  | 'boundaryEvent'
  | 'externalTask'
  | 'userTask'
  | 'passThrough'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess';

export interface SequenceFlow {
  id: string;
  sourceId: string;
  targetId: string;
  condition: Expression | null;
  isDefault: boolean;
}

/** A process or an (event) sub-process: where tokens live and variables can be local. */
export interface Scope {
  /** The process key, or the sub-process element id. */
  id: string;
  /** The sub-process node; null for the process itself. */
  node: FlowNode | null;
  /** The none start event, entered when the scope starts. */
  noneStart: FlowNode | null;
  /** Message start events (process level only: they start new instances). */
  messageStarts: FlowNode[];
  /** Event sub-processes directly inside this scope. */
  eventSubProcesses: FlowNode[];
  /** Every flow node directly inside this scope. */
  nodes: FlowNode[];
}

export interface FlowNode {
  id: string;
  name: string | null;
  /** The moddle type, e.g. `bpmn:UserTask`. */
  bpmnType: string;
  behaviour: Behaviour;
  event: EventKind;
  /** Camunda's activity type name in history and activity instance trees, e.g. `boundaryTimer`. */
  activityType: string;
  info: ElementInfo;
  /** The scope this node sits in. */
  scope: Scope;
  incoming: SequenceFlow[];
  outgoing: SequenceFlow[];
  /** Boundary events attached to this activity. */
  boundaryEvents: FlowNode[];
  /** For boundary events: the host activity's id. */
  attachedTo: string | null;
  /** For sub-processes and event sub-processes: their inner scope. */
  inner: Scope | null;
  /** For event-based gateways: the catch events that follow them. */
  eventTargets: FlowNode[];
  /** True when the activity gets its own execution (and variable scope) in Camunda terms. */
  isScope: boolean;
}

export interface ProcessModel {
  definitionId: string;
  key: string;
  name: string | null;
  root: Scope;
  nodes: ReadonlyMap<string, FlowNode>;
  flows: ReadonlyMap<string, SequenceFlow>;
}
