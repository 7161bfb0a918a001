/**
 * Finds who catches a BPMN error or escalation: first a boundary event on the throwing activity
 * (errors from `handleBpmnError`), then, scope by scope outwards, the scope's event sub-processes
 * and the boundary events of the scope's own activity. A catcher naming the code wins over a
 * catch-all one at the same level.
 */
import type { FlowNode, Scope } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import type { Step } from './step.js';

export type Catcher =
  | { kind: 'boundary'; host: ActivityRow; event: FlowNode }
  | { kind: 'eventSubProcess'; scopeInstanceId: string; event: FlowNode };

export interface Thrown {
  kind: 'error' | 'escalation';
  code: string | null;
  thrower: ActivityRow | null;
  parentId: string;
}

export function findCatcher(step: Step, thrown: Thrown): Catcher | null {
  const { instance } = step;
  if (thrown.thrower) {
    const event = match(instance.node(thrown.thrower.activity_id).boundaryEvents, thrown);
    if (event) return { kind: 'boundary', host: thrown.thrower, event };
  }
  for (let scopeId = thrown.parentId; ;) {
    const scopeActivity = instance.activities.get(scopeId);
    const scope: Scope = scopeActivity
      ? instance.node(scopeActivity.activity_id).inner!
      : instance.model.root;
    const starts = scope.eventSubProcesses.map((esp) => esp.inner!.nodes.filter(isStart)).flat();
    const start = match(starts, thrown);
    if (start) return { kind: 'eventSubProcess', scopeInstanceId: scopeId, event: start };
    if (!scopeActivity) return null;
    const event = match(instance.node(scopeActivity.activity_id).boundaryEvents, thrown);
    if (event) return { kind: 'boundary', host: scopeActivity, event };
    scopeId = scopeActivity.parent_id;
  }
}

function isStart(node: FlowNode): boolean {
  return node.behaviour === 'startEvent';
}

function codeOf(node: FlowNode, kind: Thrown['kind']): string | null | undefined {
  return kind === 'error' ? node.info.errorCode : node.info.escalationCode;
}

function match(candidates: readonly FlowNode[], thrown: Thrown): FlowNode | undefined {
  const ofKind = candidates.filter((n) => n.event === thrown.kind);
  const exact = ofKind.find((n) => {
    const code = codeOf(n, thrown.kind);
    return code !== null && code !== undefined && code === thrown.code;
  });
  return exact ?? ofKind.find((n) => codeOf(n, thrown.kind) === null || codeOf(n, thrown.kind) === undefined);
}
