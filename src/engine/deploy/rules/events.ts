/**
 * Event rules: which event definitions each event may have, where (process, sub-process, event
 * sub-process, boundary), and that the references they need (message, error, escalation) are there.
 */
import { checkTimerLiteral, type TimerKind } from '../../time/index.js';
import type { ElementInfo } from '../model.js';
import { own, type ModdleElement } from '../moddle.js';
import { body, compile, report, text, type RuleContext } from './context.js';

export type ContainerKind = 'process' | 'subProcess' | 'eventSubProcess';

const SHORT: Record<string, string> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
};

/** Definitions allowed per event type and container ('none' = no definition). */
const ALLOWED: Record<string, Partial<Record<ContainerKind, string[]>> & { any?: string[] }> = {
  'bpmn:StartEvent': { process: ['none', 'message'], subProcess: ['none'], eventSubProcess: ['message', 'timer', 'error', 'escalation'] },
  'bpmn:EndEvent': { any: ['none', 'message', 'error', 'escalation', 'terminate'] },
  'bpmn:IntermediateCatchEvent': { any: ['timer', 'message'] },
  'bpmn:IntermediateThrowEvent': { any: ['none', 'escalation'] },
  'bpmn:BoundaryEvent': { any: ['timer', 'error', 'message', 'escalation'] },
}; // prettier-ignore

/** Checks an event and returns what the runtime needs from its definition. */
export function checkEvent(
  ctx: RuleContext,
  event: ModdleElement,
  container: ContainerKind,
): Partial<ElementInfo> {
  const definitions = (own(event, 'eventDefinitions') as ModdleElement[] | undefined) ?? [];
  if (own(event, 'eventDefinitionRefs')) report(ctx, event, 'event definition references are not supported');
  if (definitions.length > 1) {
    report(
      ctx,
      event,
      'an event with several event definitions (multiple / parallel multiple) is not supported',
    );
    return {};
  }
  const definition = definitions[0];
  const kind = definition ? (SHORT[definition.$type] ?? 'unsupported') : 'none';
  if (kind === 'unsupported') return {}; // the type itself is already reported by the whitelist
  const rule = ALLOWED[event.$type];
  const allowed = rule?.any ?? rule?.[container] ?? [];
  if (!allowed.includes(kind)) {
    report(
      ctx,
      event,
      `${kind === 'none' ? 'a none' : `a ${kind}`} ${label(event.$type)} is not supported ${where(container, event.$type)}`,
    );
    return {};
  }
  const info: Partial<ElementInfo> = definition ? checkDefinition(ctx, event, definition, kind) : {};
  return { ...info, ...eventShape(ctx, event, kind) };
}

function checkDefinition(ctx: RuleContext, event: ModdleElement, definition: ModdleElement, kind: string): Partial<ElementInfo> {
  if (kind === 'message') return messageInfo(ctx, event, definition);
  if (kind === 'timer') return timerInfo(ctx, event, definition);
  if (kind === 'error') {
    const ref = own(definition, 'errorRef') as ModdleElement | undefined;
    if (!ref && event.$type === 'bpmn:EndEvent') report(ctx, event, 'an error end event needs an errorRef');
    return { errorCode: ref ? text(ref, 'errorCode') : null };
  }
  if (kind === 'escalation') {
    const ref = own(definition, 'escalationRef') as ModdleElement | undefined;
    const throws = event.$type === 'bpmn:EndEvent' || event.$type === 'bpmn:IntermediateThrowEvent';
    if (!ref && throws) report(ctx, event, 'an escalation throw event needs an escalationRef');
    return { escalationCode: ref ? text(ref, 'escalationCode') : null };
  }
  return {};
} // prettier-ignore

function messageInfo(
  ctx: RuleContext,
  event: ModdleElement,
  definition: ModdleElement,
): Partial<ElementInfo> {
  const ref = own(definition, 'messageRef') as ModdleElement | undefined;
  if (event.$type === 'bpmn:EndEvent') return {}; // a message end event sends nothing by itself (see activities)
  if (!ref) {
    report(ctx, event, 'a message event needs a messageRef');
    return {};
  }
  const name = text(ref, 'name');
  if (!name) {
    report(ctx, event, `the message '${ref.id ?? ''}' it refers to has no name`, ref.id ? [ref.id] : []);
    return {};
  }
  if (name.includes('${') || name.includes('#{'))
    report(ctx, event, 'message names with expressions are not supported');
  return { messageName: name };
}

function timerInfo(ctx: RuleContext, event: ModdleElement, definition: ModdleElement): Partial<ElementInfo> {
  const kinds = (['timeDate', 'timeDuration', 'timeCycle'] as TimerKind[]).filter((k) => own(definition, k) !== undefined);
  if (kinds.length !== 1) {
    report(ctx, event, 'a timer needs exactly one of timeDate, timeDuration and timeCycle');
    return {};
  }
  const kind = kinds[0] as TimerKind;
  const value = (body(own(definition, kind)) ?? '').trim();
  const expression = value ? compile(ctx, event, kind, value) : null;
  if (!value) report(ctx, event, `the ${kind} is empty`);
  if (!expression) return {};
  if (expression.isLiteral) {
    const problem = checkTimerLiteral(kind, value);
    if (problem) report(ctx, event, problem);
  }
  return { timer: { kind, expression } };
} // prettier-ignore

/** Interrupting flags and attachment rules. */
function eventShape(ctx: RuleContext, event: ModdleElement, kind: string): Partial<ElementInfo> {
  if (event.$type === 'bpmn:StartEvent') {
    const isInterrupting = own(event, 'isInterrupting') !== false;
    if (!isInterrupting && kind === 'error') report(ctx, event, 'an error start event must be interrupting');
    return { isInterrupting };
  }
  if (event.$type !== 'bpmn:BoundaryEvent') return {};
  const cancelActivity = own(event, 'cancelActivity') !== false;
  if (!cancelActivity && kind === 'error') report(ctx, event, 'an error boundary event must be interrupting');
  const host = own(event, 'attachedToRef') as ModdleElement | undefined;
  if (!host) {
    report(ctx, event, 'a boundary event needs attachedToRef');
    return { cancelActivity };
  }
  const hostOk = ['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SubProcess'].includes(host.$type) && own(host, 'triggeredByEvent') !== true;
  if (!hostOk) report(ctx, event, `boundary events can be attached only to user tasks, service tasks and sub-processes, not to ${host.$type}`, host.id ? [host.id] : []);
  if (kind === 'escalation' && host.$type !== 'bpmn:SubProcess') {
    report(ctx, event, 'an escalation boundary event can be attached only to a sub-process (escalations are thrown inside one)');
  }
  if ((ctx.incoming.get(event.id ?? '') ?? []).length > 0) report(ctx, event, 'a boundary event cannot have incoming sequence flows');
  return { cancelActivity, attachedToRef: host.id ?? '' };
} // prettier-ignore

function label(type: string): string {
  return type
    .replace('bpmn:', '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function where(container: ContainerKind, type: string): string {
  if (type !== 'bpmn:StartEvent') return '';
  if (container === 'process')
    return 'at process level (timer, error and escalation starts belong in event sub-processes)';
  if (container === 'subProcess') return 'in an embedded sub-process (it needs a none start event)';
  return 'in an event sub-process (use message, timer, error or escalation)';
}
