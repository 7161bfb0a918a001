/**
 * Sequence flows and gateways: conditions are `${…}` expressions (never scripts or plain text), default
 * flows belong to their element and carry no condition, and the gateway shapes Camunda 7 refuses
 * (an event-based gateway followed by anything but a timer or message catch event, …) are refused.
 */
import type { Expression } from '../../expressions/index.js';
import type { ElementInfo } from '../model.js';
import { own, type ModdleElement } from '../moddle.js';
import { body, compile, report, type RuleContext } from './context.js';

/** A flow's condition, compiled; problems for script conditions and for texts that are not one expression. */
export function checkSequenceFlow(ctx: RuleContext, flow: ModdleElement): Partial<ElementInfo> {
  const condition = own(flow, 'conditionExpression') as ModdleElement | undefined;
  if (!condition) return {};
  const language = own(condition, 'language');
  if (typeof language === 'string' && language !== '' && !/^(juel|uel)$/i.test(language)) {
    report(ctx, flow, `script conditions (language "${language}") are not supported; use a \${…} expression`);
    return {};
  }
  const source = (body(condition) ?? '').trim();
  if (source === '') return {}; // an empty condition is no condition, as in Camunda
  if (!/^[$#]\{[\s\S]*\}$/.test(source)) {
    report(ctx, flow, 'a condition must be a single ${…} expression');
    return {};
  }
  const expression: Expression | null = compile(ctx, flow, 'condition', source);
  return expression ? { condition: expression } : {};
}

/** Default flow of a gateway or activity, and the per-gateway shape rules. */
export function checkFlowNode(ctx: RuleContext, node: ModdleElement): Partial<ElementInfo> {
  const outgoing = ctx.outgoing.get(node.id ?? '') ?? [];
  const defaultFlow = own(node, 'default') as ModdleElement | undefined;
  const defaultFlowId = defaultFlow?.id;
  if (defaultFlow && !outgoing.includes(defaultFlow)) {
    report(ctx, node, `the default flow '${defaultFlowId ?? ''}' does not leave this element`);
  }
  if (defaultFlow && own(defaultFlow, 'conditionExpression') && body(own(defaultFlow, 'conditionExpression'))?.trim()) {
    report(ctx, node, `the default flow '${defaultFlowId ?? ''}' has a condition too`, defaultFlowId ? [defaultFlowId] : []);
  }
  if (node.$type === 'bpmn:ExclusiveGateway') checkExclusive(ctx, node, outgoing, defaultFlow);
  if (node.$type === 'bpmn:ParallelGateway') checkParallel(ctx, node, outgoing);
  if (node.$type === 'bpmn:EventBasedGateway') checkEventBased(ctx, node, outgoing);
  return defaultFlowId ? { defaultFlowId } : {};
} // prettier-ignore

const hasCondition = (flow: ModdleElement) => Boolean(body(own(flow, 'conditionExpression'))?.trim());

function checkExclusive(ctx: RuleContext, gateway: ModdleElement, outgoing: ModdleElement[], defaultFlow?: ModdleElement): void {
  if (outgoing.length === 0) report(ctx, gateway, 'an exclusive gateway needs at least one outgoing sequence flow');
  if (outgoing.length < 2) return;
  for (const flow of outgoing) {
    if (flow !== defaultFlow && !hasCondition(flow)) {
      report(ctx, gateway, `outgoing sequence flow '${flow.id ?? ''}' has no condition and is not the default flow`, flow.id ? [flow.id] : []);
    }
  }
} // prettier-ignore

function checkParallel(ctx: RuleContext, gateway: ModdleElement, outgoing: ModdleElement[]): void {
  for (const flow of outgoing.filter(hasCondition)) {
    report(ctx, gateway, `outgoing sequence flow '${flow.id ?? ''}' has a condition, which a parallel gateway ignores`, flow.id ? [flow.id] : []);
  }
} // prettier-ignore

function checkEventBased(ctx: RuleContext, gateway: ModdleElement, outgoing: ModdleElement[]): void {
  if (own(gateway, 'instantiate') === true || own(gateway, 'eventGatewayType') === 'Parallel') {
    report(ctx, gateway, 'instantiating and parallel event-based gateways are not supported');
  }
  for (const flow of outgoing) {
    const target = own(flow, 'targetRef') as ModdleElement | undefined;
    const related = [flow.id, target?.id].filter((x): x is string => Boolean(x));
    if (hasCondition(flow)) report(ctx, gateway, `outgoing sequence flow '${flow.id ?? ''}' of an event-based gateway cannot have a condition`, related);
    const definitions = target ? ((own(target, 'eventDefinitions') as ModdleElement[] | undefined) ?? []) : [];
    const catches = target?.$type === 'bpmn:IntermediateCatchEvent' && definitions.length === 1
      && ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition'].includes(definitions[0]?.$type ?? '');
    if (!catches) {
      report(ctx, gateway, `an event-based gateway can only be followed by timer or message intermediate catch events, not ${target?.$type ?? 'nothing'} '${target?.id ?? ''}'`, related);
    } else if ((ctx.incoming.get(target?.id ?? '') ?? []).length > 1) {
      report(ctx, gateway, `the catch event '${target?.id ?? ''}' after an event-based gateway cannot have other incoming sequence flows`, related);
    }
  }
} // prettier-ignore
