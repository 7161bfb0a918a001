/**
 * Scopes (the process instance, sub-process and event sub-process instances): starting them,
 * noticing when their last token has ended, completing and terminating them.
 */
import type { Scope } from '../model/process-model.js';
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import { enqueueEnter, endActivity, leave } from './activities.js';
import { cancelActivity, removeInstanceArtifacts } from './cancel.js';
import { recordProcessEnd } from './history.js';
import { recheckInclusiveJoins } from './joins.js';
import { armEventSubProcesses } from './subscriptions.js';
import type { Step } from './step.js';

/** Starts a scope: arms its event sub-processes and enters its none start event. */
export function startScope(step: Step, scopeInstanceId: string, scope: Scope): void {
  armEventSubProcesses(step, scopeInstanceId, scope);
  if (!scope.noneStart) {
    throw new ProcessEngineError(`Scope ${scope.id} has no none start event to start from`);
  }
  enqueueEnter(step, scope.noneStart, scopeInstanceId);
}

/** A token inside `parentId` ended: complete the scope if it was the last, else re-check joins. */
export function tokenEnded(step: Step, parentId: string): void {
  if (!isLive(step, parentId)) return;
  if (step.instance.children(parentId).length === 0 && !step.hasPending(parentId)) {
    return completeScope(step, parentId);
  }
  recheckInclusiveJoins(step, parentId);
}

/** True while the scope still exists (it may have been cancelled earlier in the step). */
export function isLive(step: Step, scopeInstanceId: string): boolean {
  if (scopeInstanceId === step.instance.id) return !step.instance.ended;
  return step.instance.activities.has(scopeInstanceId);
}

/** Completes a scope normally: the process ends, or the sub-process leaves by its outgoing flows. */
export function completeScope(step: Step, scopeInstanceId: string): void {
  if (scopeInstanceId === step.instance.id) return endInstance(step, 'COMPLETED', null);
  const activity = step.instance.activities.get(scopeInstanceId)!;
  const node = step.instance.node(activity.activity_id);
  if (node.behaviour === 'eventSubProcess') {
    endActivity(step, activity, node, true);
    return tokenEnded(step, activity.parent_id);
  }
  step.instance.setState(activity, 'wait');
  leave(step, activity);
}

/** A terminate end event: cancels everything else in the scope, then completes it. */
export function terminateScope(step: Step, scopeInstanceId: string): void {
  cancelContents(step, scopeInstanceId, 'deleted');
  completeScope(step, scopeInstanceId);
}

/** Cancels every activity instance and queued token inside a scope; the scope itself stays. */
export function cancelContents(step: Step, scopeInstanceId: string, reason: string): void {
  for (const child of step.instance.children(scopeInstanceId)) cancelActivity(step, child, reason);
  for (const entry of [...step.pending]) if (entry.parentId === scopeInstanceId) step.pending.delete(entry);
}

/** Ends the process instance: every remaining activity is cancelled and history is closed. */
export function endInstance(step: Step, state: string, deleteReason: string | null): void {
  const { instance } = step;
  for (const child of instance.children(instance.id)) cancelActivity(step, child, deleteReason ?? 'deleted');
  step.pending.clear();
  removeInstanceArtifacts(step);
  recordProcessEnd(step, state, deleteReason);
  step.store.sql('DELETE FROM process_instance WHERE id = ?').run(instance.id);
  instance.ended = true;
}
