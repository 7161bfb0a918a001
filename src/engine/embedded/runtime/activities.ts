/**
 * Entering and leaving flow nodes: the heart of the interpreter. A node is entered with a new
 * activity instance; its behaviour either finishes at once (events, gateways) or leaves it waiting
 * (tasks, catch events, sub-processes) until a trigger completes it.
 */
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import { recordActivityEnd, recordActivityStart } from './history.js';
import { mapInputs, mapOutputs } from './io-mapping.js';
import { selectOutgoing } from './flows.js';
import { joinParallel, joinInclusive } from './joins.js';
import { removeOwned } from './cancel.js';
import { isLive, startScope, tokenEnded } from './scopes.js';
import { finishEndEvent, finishThrowEvent } from './events.js';
import { armBoundaries, armCatchEvent, armEventGateway } from './subscriptions.js';
import { createExternalTask, createUserTask } from './wait-states.js';
import type { Step } from './step.js';
import { dropScope, scopeChain } from './variables.js';

/** Queues entering `node` inside the scope `parentId`; the scope counts the token as pending until then. */
export function enqueueEnter(step: Step, node: FlowNode, parentId: string, triggered = false): void {
  const pending = { parentId, nodeId: node.id };
  step.pending.add(pending);
  step.then(() => {
    // Cancelled in the meantime (terminate, interrupting event, error)?
    if (!step.pending.delete(pending) || !isLive(step, parentId)) return;
    enterNode(step, node, parentId, triggered);
  });
}

/** Creates the activity instance for `node` and runs its behaviour. */
export function enterNode(step: Step, node: FlowNode, parentId: string, triggered = false): ActivityRow {
  const { instance } = step;
  const activity: ActivityRow = {
    id: `${node.id}:${step.newId()}`,
    process_instance_id: instance.id,
    parent_id: parentId,
    activity_id: node.id,
    execution_id: node.isScope ? step.newId() : instance.scopeExecution(parentId),
    state: 'wait',
    start_time: step.now,
  };
  instance.addActivity(activity);
  step.current = node.id;
  recordActivityStart(step, activity, node);
  behave(step, activity, node, triggered);
  return activity;
}

function behave(step: Step, activity: ActivityRow, node: FlowNode, triggered: boolean): void {
  switch (node.behaviour) {
    case 'startEvent':
    case 'boundaryEvent':
      return leave(step, activity);
    case 'passThrough':
      mapInputs(step, activity, node);
      return leave(step, activity);
    case 'exclusiveGateway':
      return leave(step, activity);
    case 'parallelGateway':
      return joinParallel(step, activity, node);
    case 'inclusiveGateway':
      return joinInclusive(step, activity, node);
    case 'eventBasedGateway':
      return armEventGateway(step, activity, node);
    case 'catchEvent':
      return triggered ? leave(step, activity) : armCatchEvent(step, activity, node);
    case 'externalTask':
    case 'userTask':
    case 'subProcess':
      return startActivity(step, activity, node);
    case 'endEvent':
    case 'throwEvent':
      if (node.info.external) return startActivity(step, activity, node);
      return node.behaviour === 'endEvent'
        ? finishEndEvent(step, activity, node)
        : finishThrowEvent(step, activity, node);
    case 'eventSubProcess':
      throw new ProcessEngineError(`Event sub-process ${node.id} cannot be entered by a sequence flow`);
  }
}

/** Activities that wait: map inputs, arm boundary events, then create the task or start the scope. */
function startActivity(step: Step, activity: ActivityRow, node: FlowNode): void {
  mapInputs(step, activity, node);
  armBoundaries(step, activity, node);
  if (node.behaviour === 'userTask') return createUserTask(step, activity, node);
  if (node.behaviour === 'subProcess') {
    step.instance.setState(activity, 'scope');
    return startScope(step, activity.id, node.inner!);
  }
  createExternalTask(step, activity, node);
}

/** A waiting activity's work is done (task completed, message or timer arrived): carry on. */
export function completeActivity(step: Step, activity: ActivityRow): void {
  const node = step.instance.node(activity.activity_id);
  if (node.behaviour === 'endEvent') return finishEndEvent(step, activity, node);
  if (node.behaviour === 'throwEvent') return finishThrowEvent(step, activity, node);
  leave(step, activity);
}

/**
 * Ends `activity` normally and takes its outgoing flows (conditions are evaluated in the
 * enclosing scope, after output mapping, as Camunda does).
 */
export function leave(step: Step, activity: ActivityRow): void {
  const { instance } = step;
  const node = instance.node(activity.activity_id);
  step.current = node.id;
  mapOutputs(step, activity, node);
  const flows = selectOutgoing(
    step,
    node,
    scopeChain(instance, instance.activities.get(activity.parent_id) ?? null),
  );
  endActivity(step, activity, node);
  if (flows.length === 0) return tokenEnded(step, activity.parent_id);
  for (const flow of flows) enqueueEnter(step, instance.node(flow.targetId), activity.parent_id);
}

/** Removes a finished activity instance: its subscriptions, local variables and runtime row. */
export function endActivity(step: Step, activity: ActivityRow, node: FlowNode, completeScope = false): void {
  removeOwned(step, activity.id);
  if (node.isScope) dropScope(step, activity.execution_id);
  recordActivityEnd(step, activity.id, false, completeScope);
  step.instance.removeActivity(activity);
}
