/**
 * Arming and firing event triggers: timers become job rows with a due instant, message catches
 * become subscription rows. Each row names its owner (the waiting activity, the boundary host,
 * the event-based gateway or the enclosing scope), so ending the owner removes them.
 */
import type { FlowNode, Scope } from '../model/process-model.js';
import type { ActivityRow, SubscriptionKind } from '../store/rows.js';
import { completeActivity, endActivity, enterNode } from './activities.js';
import { removeOwned } from './cancel.js';
import { evaluate } from './evaluate.js';
import { triggerBoundary, triggerEventSubProcess } from './events.js';
import type { Step } from './step.js';
import { scopeChain } from './variables.js';

/** Timer and message boundary events of an activity that has just started. */
export function armBoundaries(step: Step, host: ActivityRow, node: FlowNode): void {
  for (const event of node.boundaryEvents) armEvent(step, host, event, 'boundary');
}

/** An intermediate timer or message catch event waits for its trigger. */
export function armCatchEvent(step: Step, activity: ActivityRow, node: FlowNode): void {
  armEvent(step, activity, node, 'catch');
}

/** An event-based gateway waits for the first of the catch events after it. */
export function armEventGateway(step: Step, gateway: ActivityRow, node: FlowNode): void {
  for (const target of node.eventTargets) armEvent(step, gateway, target, 'eventGateway');
}

/** Timer and message starts of the event sub-processes inside a scope that has just started. */
export function armEventSubProcesses(step: Step, scopeInstanceId: string, scope: Scope): void {
  const owner = step.instance.activities.get(scopeInstanceId) ?? null;
  for (const subProcess of scope.eventSubProcesses) {
    for (const start of subProcess.inner!.nodes) {
      if (start.behaviour !== 'startEvent') continue;
      armEventFor(step, scopeInstanceId, owner, start, 'eventSubProcess');
    }
  }
}

function armEvent(step: Step, owner: ActivityRow, event: FlowNode, kind: SubscriptionKind): void {
  armEventFor(step, owner.id, owner, event, kind);
}

function armEventFor(
  step: Step,
  ownerId: string,
  owner: ActivityRow | null,
  event: FlowNode,
  kind: SubscriptionKind,
): void {
  if (event.event === 'timer') return armTimer(step, ownerId, owner, event, kind);
  if (event.event === 'message') subscribeMessage(step, ownerId, event, kind);
}

function armTimer(
  step: Step,
  ownerId: string,
  owner: ActivityRow | null,
  event: FlowNode,
  kind: SubscriptionKind,
): void {
  const timer = event.info.timer!;
  const value = evaluate(step, timer.expression, scopeChain(step.instance, owner));
  const schedule = step.ctx.timers.schedule(timer.kind, value, step.now);
  if (!schedule) return; // a bounded cycle whose firings all lie in the past
  const def = step.instance.definition;
  step.store
    .sql(
      `INSERT INTO job (id, process_instance_id, definition_id, definition_key, execution_id, owner_id,
        element_id, kind, due_at, cycle, remaining, retries, create_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,3,?)`,
    )
    .run(
      step.newId(),
      step.instance.id,
      def.id,
      def.key,
      owner?.execution_id ?? step.instance.id,
      ownerId,
      event.id,
      kind,
      schedule.dueAt,
      schedule.cycle ? JSON.stringify(schedule.cycle) : null,
      schedule.cycle?.remaining ?? null,
      step.now,
    );
  step.effects.jobsChanged = true;
}

function subscribeMessage(step: Step, ownerId: string, event: FlowNode, kind: SubscriptionKind): void {
  step.store
    .sql(
      `INSERT INTO message_subscription (id, process_instance_id, owner_id, element_id, message_name, kind,
        create_time) VALUES (?,?,?,?,?,?,?)`,
    )
    .run(step.newId(), step.instance.id, ownerId, event.id, event.info.messageName ?? '', kind, step.now);
}

/** What a fired timer or delivered message points at. */
export interface Trigger {
  kind: SubscriptionKind;
  ownerId: string;
  elementId: string;
}

/** Fires a timer or message trigger. The caller has already removed or advanced its row. */
export function fire(step: Step, trigger: Trigger): void {
  const { instance } = step;
  const event = instance.node(trigger.elementId);
  if (trigger.kind === 'eventSubProcess') return triggerEventSubProcess(step, trigger.ownerId, event);
  const owner = instance.activities.get(trigger.ownerId);
  if (!owner) return;
  if (trigger.kind === 'boundary') return triggerBoundary(step, owner, event);
  if (trigger.kind === 'catch') {
    removeOwned(step, owner.id);
    return completeActivity(step, owner);
  }
  // Event-based gateway: the first event wins; the gateway ends and the event's path begins.
  endActivity(step, owner, instance.node(owner.activity_id));
  enterNode(step, event, owner.parent_id, true);
}
