/**
 * Small typed accessors over bpmn-moddle elements (loaded with the Camunda extension), for the
 * project's bpmnlint rules. bpmn-moddle has loose types, so the rules see only these helpers.
 */

/** A bpmn-moddle element, as far as the rules use it. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleElement;
  get(name: string): unknown;
  [key: string]: unknown;
}

/** bpmnlint's reporter. */
export interface Reporter {
  report(id: string, message: string): void;
}

/** A bpmnlint rule as the linter runs it. */
export interface Rule {
  check(node: ModdleElement, reporter: Reporter): void;
}

export function is(node: ModdleElement, type: string): boolean {
  return node.$type === type;
}

function extensionValues(node: ModdleElement): ModdleElement[] {
  const ext = node.get('extensionElements') as { values?: ModdleElement[] } | undefined;
  return ext?.values ?? [];
}

/** `camunda:properties` as a name → value map. */
export function camundaProperties(node: ModdleElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of extensionValues(node)) {
    if (v.$type !== 'camunda:Properties') continue;
    for (const p of (v.get('values') as ModdleElement[] | undefined) ?? []) {
      out[String(p.get('name'))] = String(p.get('value') ?? '');
    }
  }
  return out;
}

function parameters(
  node: ModdleElement,
  kind: 'inputParameters' | 'outputParameters',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of extensionValues(node)) {
    if (v.$type !== 'camunda:InputOutput') continue;
    for (const p of (v.get(kind) as ModdleElement[] | undefined) ?? []) {
      // A list, map or script definition is not a plain text value; the rules treat it as empty.
      out[String(p.get('name'))] = typeof p.get('value') === 'string' ? String(p.get('value')) : '';
    }
  }
  return out;
}

/** `camunda:inputParameter` text values by name. */
export const camundaInputs = (node: ModdleElement) => parameters(node, 'inputParameters');
/** `camunda:outputParameter` text values by name. */
export const camundaOutputs = (node: ModdleElement) => parameters(node, 'outputParameters');

/** Flow elements of a process or sub-process. */
export function flowElements(scope: ModdleElement): ModdleElement[] {
  return (scope.get('flowElements') as ModdleElement[] | undefined) ?? [];
}

/** The timer expression text of a boundary/intermediate timer event, if any. */
export function timerText(node: ModdleElement): string | null {
  const defs = (node.get('eventDefinitions') as ModdleElement[] | undefined) ?? [];
  const timer = defs.find((d) => d.$type === 'bpmn:TimerEventDefinition');
  if (!timer) return null;
  for (const key of ['timeDate', 'timeDuration', 'timeCycle']) {
    const expr = timer.get(key) as ModdleElement | undefined;
    if (expr) return String(expr.get('body') ?? '');
  }
  return '';
}

/** A sequence flow's condition text, if any. */
export function conditionText(flow: ModdleElement): string | null {
  const c = flow.get('conditionExpression') as ModdleElement | undefined;
  return c ? String(c.get('body') ?? '') : null;
}
