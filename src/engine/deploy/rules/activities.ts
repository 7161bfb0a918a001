/**
 * Activity rules: user tasks (assignee, candidate groups, due date, form key or form ref), external
 * service tasks (topic, priority), message end events implemented as external tasks, and the shape of
 * embedded and event sub-processes.
 */
import type { Expression } from '../../expressions/index.js';
import type { ElementInfo } from '../model.js';
import { camundaAttributes, own, type ModdleElement } from '../moddle.js';
import { compile, report, type RuleContext } from './context.js';

type FormRef = NonNullable<ElementInfo['userTask']>['formRef'];
const BINDINGS = ['latest', 'deployment', 'version'] as const;

export function checkUserTask(ctx: RuleContext, task: ModdleElement): Partial<ElementInfo> {
  const attrs = camundaAttributes(task);
  const expr = (name: string): Expression | null => {
    const value = attrs.get(name);
    return typeof value === 'string' && value.trim() !== ''
      ? compile(ctx, task, `camunda:${name}`, value)
      : null;
  };
  const formKey = typeof attrs.get('formKey') === 'string' ? (attrs.get('formKey') as string) : null;
  const formRef = checkFormRef(ctx, task, attrs);
  if (formKey && formRef) report(ctx, task, 'use either camunda:formKey or camunda:formRef, not both');
  return {
    userTask: {
      assignee: expr('assignee'),
      candidateGroups: expr('candidateGroups'),
      dueDate: expr('dueDate'),
      formKey,
      formRef,
    },
  };
}

function checkFormRef(ctx: RuleContext, task: ModdleElement, attrs: Map<string, unknown>): FormRef {
  const key = attrs.get('formRef');
  const bindingText = attrs.get('formRefBinding') ?? 'latest';
  const versionText = attrs.get('formRefVersion');
  if (typeof key !== 'string' || key.trim() === '') {
    if (attrs.has('formRefBinding') || attrs.has('formRefVersion')) {
      report(ctx, task, 'camunda:formRefBinding and camunda:formRefVersion need camunda:formRef');
    }
    return null;
  }
  if (key.includes('${') || key.includes('#{')) report(ctx, task, 'camunda:formRef must name a form, not an expression');
  const binding = BINDINGS.find((b) => b === bindingText);
  if (!binding) {
    report(ctx, task, `camunda:formRefBinding must be one of ${BINDINGS.join(', ')}`);
    return null;
  }
  const version = typeof versionText === 'string' && /^\d+$/.test(versionText) ? Number(versionText) : null;
  if (binding === 'version' && version === null) report(ctx, task, 'camunda:formRefBinding="version" needs a whole-number camunda:formRefVersion');
  if (binding !== 'version' && versionText !== undefined) report(ctx, task, 'camunda:formRefVersion needs camunda:formRefBinding="version"');
  return { key, binding, version: binding === 'version' ? version : null };
} // prettier-ignore

/**
 * `camunda:type="external"` with a literal `camunda:topic` (and optional `camunda:taskPriority`). On a
 * service task it is required; on a message end event optional (without it the event sends nothing).
 */
export function checkExternal(
  ctx: RuleContext,
  element: ModdleElement,
  required: boolean,
  source: ModdleElement = element,
): Partial<ElementInfo> {
  const attrs = camundaAttributes(source);
  const type = attrs.get('type');
  const topic = attrs.get('topic');
  if (type === undefined && topic === undefined && !attrs.has('taskPriority')) {
    if (required) report(ctx, element, 'a service task must be an external task (camunda:type="external" with camunda:topic)');
    return {};
  }
  if (type !== 'external') {
    report(ctx, element, `camunda:type must be "external"${type === undefined ? '' : ` (found "${String(type)}")`}`);
    return {};
  }
  if (typeof topic !== 'string' || topic.trim() === '') {
    // Camunda 7's wording (Operaton says "operaton namespace"; see test/reference-engine/FINDINGS.md).
    report(ctx, element, "External tasks must specify a 'topic' attribute in the camunda namespace");
    return {};
  }
  if (topic.includes('${') || topic.includes('#{')) report(ctx, element, 'camunda:topic must be a literal topic name, not an expression');
  const priorityText = attrs.get('taskPriority');
  const priority = typeof priorityText === 'string' ? compile(ctx, element, 'camunda:taskPriority', priorityText) : null;
  if (priority?.isLiteral && !/^-?\d+$/.test(priorityText as string)) report(ctx, element, 'camunda:taskPriority must be a whole number or an expression');
  return { external: { topic, priority } };
} // prettier-ignore

/** Embedded sub-process: one none start event, any flows. Event sub-process: one start event, no flows. */
export function checkSubProcess(ctx: RuleContext, sub: ModdleElement): Partial<ElementInfo> {
  const triggeredByEvent = own(sub, 'triggeredByEvent') === true;
  const children = (own(sub, 'flowElements') as ModdleElement[] | undefined) ?? [];
  const starts = children.filter((c) => c.$type === 'bpmn:StartEvent');
  const id = sub.id ?? '';
  if (starts.length !== 1) report(ctx, sub, `a ${triggeredByEvent ? 'event ' : ''}sub-process needs exactly one start event (found ${starts.length})`);
  if (triggeredByEvent && ((ctx.incoming.get(id) ?? []).length > 0 || (ctx.outgoing.get(id) ?? []).length > 0)) {
    report(ctx, sub, 'an event sub-process cannot have incoming or outgoing sequence flows');
  }
  return { triggeredByEvent };
} // prettier-ignore

/** Flags shared by all activities. */
export function checkActivity(ctx: RuleContext, activity: ModdleElement): void {
  if (own(activity, 'isForCompensation') === true)
    report(ctx, activity, 'compensation handlers are not supported');
}
