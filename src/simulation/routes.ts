/**
 * Where a stage's answer leads, worked out from the diagram alone: from the stage's user task along
 * its sequence flows, through tasks and events, taking at each exclusive gateway the flow the
 * engine would take (conditions in document order with the engine's own JUEL evaluator, else the
 * default flow), until the next stages (user tasks) or the end. Used to choose the outcome that
 * escalates; the engine itself then runs the diagram.
 */
import { parseExpression, type VariableResolver } from '../engine/expressions/index.js';
import type { Diagram, Flow, FlowNode } from './diagram.js';

/** The route an answer takes from a stage to the next stages. */
export interface Route {
  /** The user tasks reached next, in the order reached. */
  stages: string[];
  /** Whether a path reaches an end event of the process. */
  ends: boolean;
  /** How many conditional flows (not a gateway's default) the route takes. */
  conditionalFlows: number;
  /** A condition could not be evaluated, or a gateway had no flow to take. */
  undetermined: boolean;
  /** The flows taken out of decisions, which tell two routes apart. */
  decisions: string[];
}

/** The route from `stageId` with the variables `resolve` gives. */
export function routeFrom(diagram: Diagram, stageId: string, resolve: VariableResolver): Route {
  const route: Route = { stages: [], ends: false, conditionalFlows: 0, undetermined: false, decisions: [] };
  const seen = new Set<string>();
  const queue: Flow[] = [...taken(diagram.nodes.get(stageId), resolve, route)];
  while (queue.length > 0) {
    const node = diagram.nodes.get(queue.shift()!.targetId);
    if (!node) {
      route.undetermined = true;
      continue;
    }
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    if (node.type === 'bpmn:UserTask') route.stages.push(node.id);
    else queue.push(...next(diagram, node, resolve, route));
  }
  return route;
}

/** The flows out of a node that is not a stage: sub-process entry and exit, ends, decisions. */
function next(diagram: Diagram, node: FlowNode, resolve: VariableResolver, route: Route): Flow[] {
  if (node.type === 'bpmn:EndEvent') {
    const scope = node.scopeId ? diagram.nodes.get(node.scopeId) : undefined;
    if (!scope) route.ends = true;
    return scope ? taken(scope, resolve, route) : [];
  }
  if (node.type === 'bpmn:SubProcess' && !node.triggeredByEvent) {
    return [...diagram.nodes.values()]
      .filter((n) => n.scopeId === node.id && n.type === 'bpmn:StartEvent')
      .map((n) => ({ id: `${n.id}:entry`, targetId: n.id, condition: null, isDefault: false }));
  }
  return taken(node, resolve, route);
}

/** The outgoing flows the engine takes from `node`. */
function taken(node: FlowNode | undefined, resolve: VariableResolver, route: Route): Flow[] {
  if (!node) return [];
  const exclusive = node.type === 'bpmn:ExclusiveGateway';
  const inclusive = node.type === 'bpmn:InclusiveGateway';
  const conditional = node.outgoing.filter((f) => f.condition !== null && !f.isDefault);
  if (!exclusive && !inclusive && conditional.length === 0) return node.outgoing;
  const chosen: Flow[] = node.outgoing.filter((f) => f.condition === null && !f.isDefault && !exclusive);
  for (const flow of conditional) {
    const holds = holdsFor(flow.condition!, resolve);
    if (holds === null) {
      route.undetermined = true;
      return chosen;
    }
    if (!holds) continue;
    chosen.push(flow);
    if (exclusive) break;
  }
  const fallback =
    node.outgoing.find((f) => f.isDefault) ??
    (exclusive ? node.outgoing.find((f) => f.condition === null) : undefined);
  const picked = chosen.length > 0 || !fallback ? chosen : [fallback];
  if (picked.length === 0 && node.outgoing.length > 0) route.undetermined = true;
  if (node.outgoing.length > 1)
    for (const flow of picked) {
      route.decisions.push(flow.id);
      if (flow.condition !== null && !flow.isDefault) route.conditionalFlows += 1;
    }
  return picked;
}

/** A condition's value: true or false, or null when it cannot be evaluated with what is known. */
function holdsFor(condition: string, resolve: VariableResolver): boolean | null {
  try {
    return parseExpression(condition).evaluate(resolve) === true;
  } catch {
    return null;
  }
}

/**
 * Whether `to` can be reached from `from` along any flow (conditions ignored), counting timer
 * boundary events and sub-process entry and exit: can the escalation ever come back there?
 */
export function canReach(diagram: Diagram, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = diagram.nodes.get(id);
    if (!node) continue;
    const onward = [...node.outgoing.map((f) => f.targetId), ...node.timers.map((t) => t.id)];
    if (node.type === 'bpmn:EndEvent' && node.scopeId) onward.push(...outOf(diagram, node.scopeId));
    if (node.type === 'bpmn:SubProcess')
      for (const n of diagram.nodes.values()) if (n.scopeId === node.id) onward.push(n.id);
    if (onward.includes(to)) return true;
    stack.push(...onward);
  }
  return false;
}

function outOf(diagram: Diagram, scopeId: string): string[] {
  return diagram.nodes.get(scopeId)?.outgoing.map((f) => f.targetId) ?? [];
}
