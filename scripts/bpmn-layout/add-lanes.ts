/**
 * Adds a `bpmn:laneSet` to a diagram that has none, assigning each root flow node to the first
 * lane whose rule matches its id (the last lane takes the rest). For trials and tests of the
 * layout on diagrams not yet given lanes by their owners; the lanes of a real diagram are
 * modelled by hand (or in Camunda Modeler) in the diagram itself.
 */
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import { attr } from './di-xml.js';

/** A lane to add: its id, its name (the actor group) and which root flow node ids it takes. */
export interface LaneRule {
  id: string;
  name: string;
  match: (elementId: string) => boolean;
}

/** The executable process's root flow node ids (boundary events excluded), in document order. */
export async function rootFlowNodeIds(xml: string): Promise<{ processId: string; ids: string[] }> {
  const { rootElement } = await createModdle().fromXML(xml);
  const process = rootElement.rootElements.find(
    (e: ModdleTree) => e.$type === 'bpmn:Process' && e.isExecutable,
  );
  const ids = (process.flowElements ?? [])
    .filter((e: ModdleTree) => e.$type !== 'bpmn:SequenceFlow' && e.$type !== 'bpmn:BoundaryEvent')
    .map((e: ModdleTree) => e.id as string);
  return { processId: process.id, ids };
}

/** `xml` with a laneSet inserted after the process's documentation and extension elements. */
export async function addLanes(xml: string, rules: LaneRule[]): Promise<string> {
  const { processId, ids } = await rootFlowNodeIds(xml);
  const members = new Map(rules.map((r) => [r.id, [] as string[]]));
  for (const id of ids) members.get((rules.find((r) => r.match(id)) ?? rules.at(-1)!).id)!.push(id);
  const lanes = rules
    .map((r) => {
      const refs = members.get(r.id)!.map((id) => `        <bpmn:flowNodeRef>${id}</bpmn:flowNodeRef>\n`);
      return `      <bpmn:lane id="${attr(r.id)}" name="${attr(r.name)}">\n${refs.join('')}      </bpmn:lane>\n`;
    })
    .join('');
  const laneSet = `    <bpmn:laneSet id="LaneSet_${processId}">\n${lanes}    </bpmn:laneSet>\n`;
  const start = new RegExp(`<bpmn:process\\b[^>]*\\bid="${processId}"[^>]*>\\s*`).exec(xml);
  if (!start) throw new Error(`no <bpmn:process id="${processId}">`);
  let at = start.index + start[0].length;
  for (const tag of ['documentation', 'extensionElements']) {
    const m = new RegExp(`^<bpmn:${tag}\\b[\\s\\S]*?</bpmn:${tag}>\\s*`).exec(xml.slice(at));
    if (m) at += m[0].length;
  }
  const lineStart = xml.lastIndexOf('\n', at - 1) + 1;
  return xml.slice(0, lineStart) + laneSet + xml.slice(lineStart);
}
