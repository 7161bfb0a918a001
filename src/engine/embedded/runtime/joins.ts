/**
 * Joining gateways. A parallel join fires when as many tokens have arrived as it has incoming
 * flows. An inclusive join fires when no other token in its scope can still reach it (Camunda 7's
 * `activatesGateway`); it is re-checked whenever a token in the scope ends.
 */
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import type { Step } from './step.js';
import { leave } from './activities.js';
import { recordActivityEnd } from './history.js';

export function joinParallel(step: Step, activity: ActivityRow, node: FlowNode): void {
  if (node.incoming.length <= 1) return leave(step, activity);
  const waiting = waitingAt(step, activity.parent_id, node.id, activity);
  if (waiting.length + 1 < node.incoming.length) return step.instance.setState(activity, 'join');
  fire(step, activity, waiting.slice(0, node.incoming.length - 1));
}

export function joinInclusive(step: Step, activity: ActivityRow, node: FlowNode): void {
  if (node.incoming.length <= 1) return leave(step, activity);
  step.instance.setState(activity, 'join');
  tryInclusive(step, activity.parent_id, node);
}

/** Re-checks inclusive joins waiting in `parentId` (after a token there ended or moved). */
export function recheckInclusiveJoins(step: Step, parentId: string): void {
  const seen = new Set<string>();
  for (const activity of step.instance.children(parentId)) {
    if (activity.state !== 'join' || seen.has(activity.activity_id)) continue;
    const node = step.instance.node(activity.activity_id);
    if (node.behaviour !== 'inclusiveGateway') continue;
    seen.add(node.id);
    tryInclusive(step, parentId, node);
  }
}

function tryInclusive(step: Step, parentId: string, node: FlowNode): void {
  const arrived = waitingAt(step, parentId, node.id, null);
  if (arrived.length === 0) return;
  if (arrived.length < node.incoming.length && anotherTokenCanReach(step, parentId, node)) return;
  const [survivor, ...joined] = arrived;
  fire(step, survivor!, joined);
}

function fire(step: Step, survivor: ActivityRow, joined: ActivityRow[]): void {
  for (const activity of joined) {
    recordActivityEnd(step, activity.id, false);
    step.instance.removeActivity(activity);
  }
  step.instance.setState(survivor, 'wait');
  leave(step, survivor);
}

function waitingAt(step: Step, parentId: string, nodeId: string, except: ActivityRow | null): ActivityRow[] {
  return step.instance
    .children(parentId)
    .filter((a) => a !== except && a.activity_id === nodeId && a.state === 'join');
}

function anotherTokenCanReach(step: Step, parentId: string, gateway: FlowNode): boolean {
  for (const activity of step.instance.children(parentId)) {
    if (activity.activity_id === gateway.id) continue;
    if (canReach(step.instance.node(activity.activity_id), gateway)) return true;
  }
  for (const entry of step.pending) {
    if (entry.parentId === parentId && canReach(step.instance.node(entry.nodeId), gateway)) return true;
  }
  return false;
}

/** True when `target` is reachable from `from` along sequence flows (boundary events included). */
export function canReach(from: FlowNode, target: FlowNode): boolean {
  const seen = new Set<string>();
  const queue: FlowNode[] = [from];
  const nodes = target.scope.nodes;
  for (let node = queue.shift(); node; node = queue.shift()) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const next = [...node.outgoing.map((f) => f.targetId), ...node.boundaryEvents.map((b) => b.id)];
    for (const id of next) {
      if (id === target.id) return true;
      const found = nodes.find((n) => n.id === id);
      if (found) queue.push(found);
    }
  }
  return false;
}
