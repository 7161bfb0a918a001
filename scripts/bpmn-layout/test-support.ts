/**
 * Helpers for the layout tool's tests: the text outside the DI, the semantic tree as moddle reads
 * it, and bpmnlint's diagram-interchange rules on their own.
 */
import { createRequire } from 'node:module';
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';

const require = createRequire(import.meta.url);

/** The text with every `<bpmndi:BPMNDiagram>` section (and the line it was on) removed. */
export function outsideDi(xml: string): string {
  return xml.replace(/\n[ \t]*<bpmndi:BPMNDiagram\b[\s\S]*?<\/bpmndi:BPMNDiagram>/g, '');
}

/** The text with the collaboration (and its lines) removed. */
export function withoutCollaboration(xml: string): string {
  return xml.replace(/[ \t]*<bpmn:collaboration\b[\s\S]*?<\/bpmn:collaboration>\n/, '');
}

/** The semantic model as moddle reads and writes it, without DI and collaborations. */
export async function semanticTree(xml: string): Promise<string> {
  const moddle = createModdle() as ReturnType<typeof createModdle> & {
    toXML(e: ModdleTree, o: object): Promise<{ xml: string }>;
  };
  const { rootElement } = await moddle.fromXML(xml);
  rootElement.diagrams = [];
  rootElement.rootElements = rootElement.rootElements.filter(
    (e: ModdleTree) => e.$type !== 'bpmn:Collaboration',
  );
  return (await moddle.toXML(rootElement, { format: true })).xml;
}

type Reports = Record<string, { id?: string; message: string }[]>;

/** bpmnlint's rules about the drawing only (the project's full lint needs the project's topics). */
export async function lintDrawing(xml: string): Promise<string[]> {
  const { Linter } = require('bpmnlint') as {
    Linter: new (o: object) => { lint(r: unknown): Promise<Reports> };
  };
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => object;
  const rules = { 'no-overlapping-elements': 'error', 'label-required': 'error', 'no-bpmndi': 'error' };
  const linter = new Linter({ config: { rules }, resolver: new NodeResolver() });
  const { rootElement } = await createModdle().fromXML(xml);
  const results = await linter.lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((r) => `${rule} ${r.id} ${r.message}`),
  );
}

/** Reads a waypoint list or bounds attribute set from the written DI of one element. */
export function diOf(xml: string, id: string): { bounds?: number[]; points: number[][] } {
  const m = new RegExp(
    `<bpmndi:BPMN(?:Shape|Edge) id="${id}_di"[^>]*>([\\s\\S]*?)</bpmndi:BPMN(?:Shape|Edge)>`,
  ).exec(xml);
  if (!m) throw new Error(`no DI for ${id}`);
  const num = (s: string) => [...s.matchAll(/="(-?\d+)"/g)].map((x) => Number(x[1]));
  const bounds = /^<dc:Bounds [^>]*>/.exec(m[1]!);
  const points = [...m[1]!.matchAll(/<di:waypoint [^>]*>/g)].map((w) => num(w[0]));
  return { bounds: bounds ? num(bounds[0]) : undefined, points };
}
