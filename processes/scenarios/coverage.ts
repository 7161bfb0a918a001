/** Which flow nodes of each diagram no scenario has passed through. */
import { readFileSync } from 'node:fs';
import { createModdle, type ModdleTree } from '../bpmn-moddle.js';
import { loadPartnerships } from '../catalogue.js';

function flowNodes(scope: ModdleTree, out: string[]): string[] {
  for (const e of scope.flowElements ?? []) {
    if (e.$type !== 'bpmn:SequenceFlow') out.push(e.id);
    if (e.$type === 'bpmn:SubProcess') flowNodes(e, out);
  }
  return out;
}

/** Process key → ids never visited (only keys with gaps are listed). */
export async function unvisitedElements(
  visited: Map<string, Set<string>>,
): Promise<Record<string, string[]>> {
  const moddle = createModdle();
  const gaps: Record<string, string[]> = {};
  for (const p of loadPartnerships()) {
    for (const d of p.settings.diagrams) {
      const { rootElement } = await moddle.fromXML(readFileSync(`${p.dir}/${d.file}`, 'utf8'));
      const process = rootElement.rootElements.find((r: ModdleTree) => r.id === d.key);
      const missing = flowNodes(process, []).filter((id) => !visited.get(d.key)?.has(id));
      if (missing.length) gaps[d.key] = missing;
    }
  }
  return gaps;
}
