/**
 * Throwing and catching: end and intermediate throw events, BPMN errors and escalations looking
 * for a catcher from the inside out (event sub-processes of each scope, then boundary events of
 * the scope's activity), and the triggers that start boundary events and event sub-processes.
 */
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import { enqueueEnter, endActivity, enterNode, leave } from './activities.js';
import { cancelActivity, removeOwned } from './cancel.js';
import { armEventSubProcesses } from './subscriptions.js';
import { findCatcher, type Catcher } from './catchers.js';
import { recordActivityStart } from './history.js';
import { cancelContents, isLive, terminateScope, tokenEnded } from './scopes.js';
import type { Step } from './step.js';

/** An end event's token is done: none, terminate, error or escalation semantics. */
export function finishEndEvent(step: Step, activity: ActivityRow, node: FlowNode): void {
  const parentId = activity.parent_id;
  // Camunda marks the end event that finishes its scope with completeScope.
  const last =
    (node.event === 'none' || node.event === 'message' || node.event === 'terminate') &&
    (node.event === 'terminate' ||
      (step.instance.children(parentId).length === 1 && !step.hasPending(parentId)));
  endActivity(step, activity, node, last);
  if (node.event === 'terminate') return terminateScope(step, parentId);
  if (node.event === 'error') return throwError(step, null, parentId, node.info.errorCode ?? null);
  if (node.event === 'escalation') throwEscalation(step, parentId, node.info.escalationCode ?? null);
  tokenEnded(step, parentId);
}

/** An intermediate throw event: an escalation may interrupt its scope; otherwise the token moves on. */
export function finishThrowEvent(step: Step, activity: ActivityRow, node: FlowNode): void {
  if (node.event === 'escalation')
    throwEscalation(step, activity.parent_id, node.info.escalationCode ?? null);
  if (step.instance.activities.has(activity.id)) leave(step, activity);
}

/**
 * Throws a BPMN error from `thrower` (an activity, for `handleBpmnError`) or from inside the scope
 * `parentId` (an error end event). Uncaught, it ends the token like a none end event, as in
 * Camunda 7 (which logs ENGINE-02041 and ends the execution).
 */
export function throwError(
  step: Step,
  thrower: ActivityRow | null,
  parentId: string,
  code: string | null,
): void {
  const catcher = findCatcher(step, { kind: 'error', code, thrower, parentId });
  if (catcher) return trigger(step, catcher);
  if (thrower) {
    endActivity(step, thrower, step.instance.node(thrower.activity_id));
    return tokenEnded(step, thrower.parent_id);
  }
  tokenEnded(step, parentId);
}

/** Throws an escalation from inside `parentId`; uncaught it does nothing, as in Camunda 7. */
export function throwEscalation(step: Step, parentId: string, code: string | null): void {
  const catcher = findCatcher(step, { kind: 'escalation', code, thrower: null, parentId });
  if (catcher) trigger(step, catcher);
}

function trigger(step: Step, catcher: Catcher): void {
  if (catcher.kind === 'boundary') return triggerBoundary(step, catcher.host, catcher.event);
  triggerEventSubProcess(step, catcher.scopeInstanceId, catcher.event);
}

/** A boundary event fires: an interrupting one cancels its host first. */
export function triggerBoundary(step: Step, host: ActivityRow, event: FlowNode): void {
  if (event.info.cancelActivity !== false || event.event === 'error') cancelActivity(step, host, 'deleted');
  enqueueEnter(step, event, host.parent_id);
}

/**
 * An event sub-process starts in its enclosing scope instance; an interrupting one cancels
 * everything else in that scope first.
 */
export function triggerEventSubProcess(step: Step, scopeInstanceId: string, start: FlowNode): void {
  if (!isLive(step, scopeInstanceId)) return;
  const subProcess = start.scope.node!;
  if (start.info.isInterrupting !== false) {
    cancelContents(step, scopeInstanceId, 'deleted');
    // The scope now runs only this event sub-process: its other event triggers are withdrawn.
    removeOwned(step, scopeInstanceId);
  }
  const activity: ActivityRow = {
    id: `${subProcess.id}:${step.newId()}`,
    process_instance_id: step.instance.id,
    parent_id: scopeInstanceId,
    activity_id: subProcess.id,
    execution_id: step.newId(),
    state: 'scope',
    start_time: step.now,
  };
  step.instance.addActivity(activity);
  recordActivityStart(step, activity, subProcess);
  armEventSubProcesses(step, activity.id, start.scope);
  enterNode(step, start, activity.id);
}
