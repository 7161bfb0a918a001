/**
 * A diagram as the simulation reads it: its one executable process as a plain graph of nodes and
 * sequence flows, each user task (a stage) with its form and timer boundary events, and each
 * `escalation-schedule` task with its timescale. Read with bpmn-moddle, the library the engine and
 * the linter use; pure (the caller hands over the XML).
 */
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import { InvalidDiagramError } from './errors/invalid-diagram-error.js';

/** A sequence flow. `condition` is the expression text, null when unconditional. */
export interface Flow {
  id: string;
  targetId: string;
  condition: string | null;
  /** The gateway's `default` flow. */
  isDefault: boolean;
}

/** A flow node: its BPMN type (`bpmn:UserTask`, …), name and outgoing flows in document order. */
export interface FlowNode {
  id: string;
  type: string;
  name: string;
  outgoing: Flow[];
  /** The enclosing (sub)process scope: a sub-process id, or null for the process itself. */
  scopeId: string | null;
  /** For a sub-process: whether it is an event sub-process (never entered by a flow). */
  triggeredByEvent: boolean;
  /** Timer boundary events attached to this node. */
  timers: TimerBoundary[];
}

/** A timer boundary event on a stage: a deadline when interrupting, a reminder when not. */
export interface TimerBoundary {
  id: string;
  name: string;
  interrupting: boolean;
  /** The timer's text, e.g. `${stage2Due}`. */
  expression: string;
  /** The Date variable it reads when it is exactly `${name}`, else null. */
  dueVariable: string | null;
  /** Where the timer leads: the targets of its outgoing flows. */
  targets: { id: string; name: string }[];
}

/** A stage: a user task with its Camunda Form (`camunda:formRef`). */
export interface StageTask {
  id: string;
  name: string;
  formRef: string | null;
}

/** An `escalation-schedule` task's extension properties. */
export interface ScheduleTask {
  id: string;
  timescale: string;
  dueVariable: string;
}

export interface Diagram {
  /** The XML as given (what the simulation deploys). */
  xml: string;
  processId: string;
  processName: string | null;
  nodes: ReadonlyMap<string, FlowNode>;
  stages: ReadonlyMap<string, StageTask>;
  schedules: ReadonlyMap<string, ScheduleTask>;
  /** Every form the user tasks reference, once each. */
  formRefs: readonly string[];
}

/**
 * Reads a BPMN 2.0 document with one executable process.
 * @throws InvalidDiagramError when the text does not parse or has no (or several) executable processes.
 */
export async function readDiagram(xml: string): Promise<Diagram> {
  let root: ModdleTree;
  try {
    ({ rootElement: root } = await createModdle().fromXML(xml));
  } catch (error) {
    throw new InvalidDiagramError(`not a BPMN 2.0 diagram: ${(error as Error).message}`);
  }
  const processes = ((root?.rootElements ?? []) as ModdleTree[]).filter(
    (e) => e.$type === 'bpmn:Process' && e.isExecutable,
  );
  if (processes.length !== 1)
    throw new InvalidDiagramError(
      `the diagram has ${processes.length} executable processes; a simulation runs exactly one`,
    );
  const process = processes[0];
  const parts = {
    nodes: new Map<string, FlowNode>(),
    stages: new Map<string, StageTask>(),
    schedules: new Map<string, ScheduleTask>(),
  };
  collect(process, null, parts);
  attachTimers(process, parts.nodes);
  const formRefs = [...new Set([...parts.stages.values()].flatMap((s) => (s.formRef ? [s.formRef] : [])))];
  return { xml, processId: process.id, processName: process.name ?? null, ...parts, formRefs };
}

interface Parts {
  nodes: Map<string, FlowNode>;
  stages: Map<string, StageTask>;
  schedules: Map<string, ScheduleTask>;
}

function collect(scope: ModdleTree, scopeId: string | null, into: Parts): void {
  for (const element of (scope.flowElements ?? []) as ModdleTree[]) {
    if (element.$type === 'bpmn:SequenceFlow' || element.$type === 'bpmn:BoundaryEvent') continue;
    into.nodes.set(element.id, nodeOf(element, scopeId));
    if (element.$type === 'bpmn:SubProcess') collect(element, element.id, into);
    if (element.$type === 'bpmn:UserTask') {
      into.stages.set(element.id, {
        id: element.id,
        name: element.name ?? element.id,
        formRef: element.get('camunda:formRef') ?? null,
      });
    }
    const schedule = scheduleOf(element);
    if (schedule) into.schedules.set(element.id, schedule);
  }
}

function nodeOf(element: ModdleTree, scopeId: string | null): FlowNode {
  const defaultId: string | undefined = element.default?.id;
  return {
    id: element.id,
    type: element.$type,
    name: element.name ?? element.id,
    outgoing: ((element.outgoing ?? []) as ModdleTree[]).map((f) => ({
      id: f.id,
      targetId: f.targetRef.id,
      condition: f.conditionExpression?.body?.trim() || null,
      isDefault: f.id === defaultId,
    })),
    scopeId,
    triggeredByEvent: Boolean(element.triggeredByEvent),
    timers: [],
  };
}

function scheduleOf(element: ModdleTree): ScheduleTask | null {
  if (element.$type !== 'bpmn:ServiceTask' || element.get('camunda:topic') !== 'escalation-schedule')
    return null;
  const properties: Record<string, string> = {};
  for (const ext of (element.extensionElements?.values ?? []) as ModdleTree[])
    for (const p of (ext.values ?? []) as ModdleTree[])
      if (p.name) properties[p.name] = String(p.value ?? '');
  return { id: element.id, timescale: properties.timescale ?? '', dueVariable: properties.dueVariable ?? '' };
}

/** Puts each timer boundary event on the node it is attached to, and the event itself in the graph. */
function attachTimers(scope: ModdleTree, nodes: Map<string, FlowNode>): void {
  for (const element of (scope.flowElements ?? []) as ModdleTree[]) {
    if (element.$type === 'bpmn:SubProcess') attachTimers(element, nodes);
    if (element.$type !== 'bpmn:BoundaryEvent') continue;
    const host = nodes.get(element.attachedToRef?.id);
    const node = nodeOf(element, host?.scopeId ?? null);
    nodes.set(element.id, node);
    const timer = ((element.eventDefinitions ?? []) as ModdleTree[]).find(
      (d) => d.$type === 'bpmn:TimerEventDefinition',
    );
    if (!host || !timer) continue;
    const expression = String((timer.timeDate ?? timer.timeDuration ?? timer.timeCycle)?.body ?? '').trim();
    host.timers.push({
      id: element.id,
      name: element.name ?? element.id,
      interrupting: element.cancelActivity !== false,
      expression,
      dueVariable: /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(expression)?.[1] ?? null,
      targets: node.outgoing.map((f) => ({ id: f.targetId, name: f.targetId })),
    });
  }
  // Target names are known once every node is read.
  for (const host of nodes.values())
    for (const timer of host.timers)
      for (const target of timer.targets) target.name = nodes.get(target.id)?.name ?? target.id;
}

/** The node's timer that is the stage's deadline (interrupting), else its first reminder, else null. */
export function stageTimer(diagram: Diagram, stageId: string): TimerBoundary | null {
  const timers = diagram.nodes.get(stageId)?.timers ?? [];
  return timers.find((t) => t.interrupting) ?? timers[0] ?? null;
}
