/**
 * Loads a BPMN text with bpmn-moddle and the Camunda 7 extension package (camunda-bpmn-moddle), and
 * gives the rest of the parser a small, typed view of the result. Every moddle warning (an unknown
 * element or attribute, an unresolved reference, a duplicate id) becomes a problem: nothing is dropped.
 */
import { createRequire } from 'node:module';

/** A moddle element as the rules see it; properties are read through `prop`. */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly $attrs?: Record<string, string>;
  readonly $parent?: ModdleElement;
  readonly $descriptor: {
    propertiesByName: Record<string, { isReference?: boolean; ns?: { prefix: string; localName: string } }>;
  };
  get(name: string): unknown;
}

export interface LoadedModel {
  definitions: ModdleElement;
  warnings: { message: string; elementId: string | null; line: number; column: number }[];
}

interface ModdleWarning {
  message: string;
  element?: { id?: string; $type?: string };
}

interface ModdleApi {
  fromXML(text: string, type: string): Promise<{ rootElement: ModdleElement; warnings: ModdleWarning[] }>;
}

const require = createRequire(import.meta.url);
const camunda: unknown = require('camunda-bpmn-moddle/resources/camunda.json');
// bpmn-moddle 10 ships no declaration for its entry point; its CommonJS build exports the class.
const { BpmnModdle } = require('bpmn-moddle') as { BpmnModdle: new (packages: object) => ModdleApi };
let moddle: ModdleApi | undefined;

/** Parses the (already guarded, well-formed) text into the BPMN model. */
export async function loadModel(text: string): Promise<LoadedModel> {
  // Building the type registry costs most of a parse; one instance serves every parse (fromXML keeps no state).
  moddle ??= new BpmnModdle({ camunda });
  const { rootElement, warnings } = await moddle.fromXML(text, 'bpmn:Definitions');
  // The attribute rules report camunda:* attributes of BPMN elements more precisely; keep the rest.
  const kept = warnings.filter(
    (w) => !(/^unknown attribute <camunda:/.test(w.message) && w.element?.$type?.startsWith('bpmn:')),
  );
  return { definitions: rootElement, warnings: kept.map(describeWarning) };
}

function describeWarning(warning: ModdleWarning): LoadedModel['warnings'][number] {
  // "unparsable content <x> detected\n\tline: 4\n\tcolumn: 563\n\tnested error: …"
  const [first = '', ...details] = warning.message.split('\n');
  const field = (name: string) =>
    details
      .find((d) => d.trim().startsWith(`${name}:`))
      ?.split(':')
      .slice(1)
      .join(':')
      .trim();
  const nested = field('nested error');
  const message = nested ? `${first}: ${nested}` : first;
  return {
    message: message.charAt(0).toUpperCase() + message.slice(1),
    elementId: warning.element?.id ?? null,
    // moddle counts lines and columns from 0; Camunda (and Modeler) from 1.
    line: field('line') === undefined ? 0 : Number(field('line')) + 1,
    column: field('column') === undefined ? 0 : Number(field('column')) + 1,
  };
}

/** A property value, or undefined when absent (moddle returns defaults through `get`). */
export function own(element: ModdleElement, name: string): unknown {
  return Object.hasOwn(element, name) ? (element as unknown as Record<string, unknown>)[name] : undefined;
}

/** Contained child elements (not references), in document order of properties. */
export function childrenOf(element: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const key of Object.keys(element)) {
    if (key.startsWith('$') || element.$descriptor.propertiesByName[key]?.isReference) continue;
    const value = (element as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(value) ? value : [value]) if (isElement(item)) out.push(item);
  }
  return out;
}

export function isElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/** The `camunda:*` attributes set on an element (known to camunda-bpmn-moddle), by local name. */
export function camundaAttributes(element: ModdleElement): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of Object.keys(element)) {
    const ns = element.$descriptor.propertiesByName[key]?.ns;
    if (ns?.prefix === 'camunda' && !isElement(own(element, key)) && !Array.isArray(own(element, key))) {
      out.set(ns.localName, own(element, key));
    }
  }
  return out;
}
