/**
 * `camunda:properties` and `camunda:inputOutput`: properties as written; input and output parameters
 * whose values are texts (expressions), lists or maps of texts. Scripts, and lists or maps nested in
 * lists or maps, are refused.
 */
import type { Expression } from '../../expressions/index.js';
import type { ElementInfo, Parameter } from '../model.js';
import { own, type ModdleElement } from '../moddle.js';
import { compile, report, text, type RuleContext } from './context.js';

/** Where Camunda 7 allows an input/output mapping. */
const IO_HOSTS = new Set([
  'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SubProcess', 'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent',
]); // prettier-ignore

type Extensions = Pick<ElementInfo, 'properties' | 'inputs' | 'outputs'>;

export function checkExtensions(ctx: RuleContext, element: ModdleElement): Extensions {
  const result: Extensions = { properties: {}, inputs: [], outputs: [] };
  const container = own(element, 'extensionElements') as ModdleElement | undefined;
  const values = container ? ((own(container, 'values') as ModdleElement[] | undefined) ?? []) : [];
  for (const value of values) {
    if (value.$type === 'camunda:Properties') readProperties(value, result.properties);
    if (value.$type === 'camunda:InputOutput') {
      if (!IO_HOSTS.has(element.$type)) {
        report(ctx, element, `camunda:inputOutput is not supported on ${element.$type}`);
        continue;
      }
      result.inputs.push(...parameters(ctx, element, own(value, 'inputParameters')));
      result.outputs.push(...parameters(ctx, element, own(value, 'outputParameters')));
    }
  }
  return result;
}

function readProperties(properties: ModdleElement, into: Record<string, string>): void {
  for (const property of (own(properties, 'values') as ModdleElement[] | undefined) ?? []) {
    const name = text(property, 'name');
    if (name !== null) into[name] = text(property, 'value') ?? '';
  }
}

function parameters(ctx: RuleContext, host: ModdleElement, list: unknown): Parameter[] {
  const out: Parameter[] = [];
  for (const parameter of (list as ModdleElement[] | undefined) ?? []) {
    const name = text(parameter, 'name');
    if (!name) {
      report(ctx, host, `a ${parameter.$type} needs a name`);
      continue;
    }
    const value = parameterValue(ctx, host, name, parameter);
    if (value !== undefined) out.push({ name, value });
  }
  return out;
}

/** undefined = refused (already reported). */
function parameterValue(ctx: RuleContext, host: ModdleElement, name: string, parameter: ModdleElement): Parameter['value'] | undefined {
  const definition = own(parameter, 'definition') as ModdleElement | undefined;
  const label = `parameter '${name}'`;
  if (!definition) {
    const value = text(parameter, 'value');
    return value === null || value === '' ? null : (compile(ctx, host, label, value) ?? undefined);
  }
  if (definition.$type === 'camunda:List') {
    const items = (own(definition, 'items') as ModdleElement[] | undefined) ?? [];
    if (items.some((i) => i.$type !== 'camunda:Value')) return nested(ctx, host, label);
    const compiled = items.map((i) => compile(ctx, host, label, text(i, 'value') ?? ''));
    return compiled.every((c): c is Expression => c !== null) ? compiled : undefined;
  }
  if (definition.$type === 'camunda:Map') {
    const map: Record<string, Expression> = {};
    for (const entry of (own(definition, 'entries') as ModdleElement[] | undefined) ?? []) {
      if (own(entry, 'definition')) return nested(ctx, host, label);
      const compiled = compile(ctx, host, label, text(entry, 'value') ?? '');
      if (!compiled) return undefined;
      map[text(entry, 'key') ?? ''] = compiled;
    }
    return map;
  }
  return undefined; // camunda:Script: refused by the whitelist
} // prettier-ignore

function nested(ctx: RuleContext, host: ModdleElement, label: string): undefined {
  report(ctx, host, `${label}: lists and maps inside lists or maps are not supported`);
  return undefined;
}
