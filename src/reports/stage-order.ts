/**
 * A partnership's stages in the order its procedure climbs them, as the record names them: the
 * `stage` input of each `escalation-record` task that writes a stage's end (`stage-outcome`,
 * `stage-breached`), in document order, diagram by diagram as `partnership.json` lists them
 * (Liverpool "1" to "4"; Wiltshire "Professional to Professional" to "Leader to Leader", then
 * "Mediation"; East Riding "1" to "5", then its conference dissent's stages). Read with bpmn-moddle
 * from this checkout's diagrams once per partnership. A stage the record holds that the diagrams no
 * longer name (an older deployed version) goes after them (report-tables.ts), so nothing is dropped.
 */
import { readFileSync } from 'node:fs';
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';

const STAGE_ENDINGS = new Set(['stage-outcome', 'stage-breached']);
const cache = new Map<string, Promise<string[]>>();

/** The partnership's stages in order (cached per partnership). */
export function stageOrderOf(entry: PartnershipEntry): Promise<string[]> {
  const id = entry.settings.id;
  let order = cache.get(id);
  if (!order) {
    order = readStageOrder(entry);
    cache.set(id, order);
    order.catch(() => cache.delete(id));
  }
  return order;
}

/** How a stage is named to people: `Stage 2` for a number, otherwise its own words, capitalised. */
export function stageLabel(stage: string): string {
  return /^\d+$/.test(stage) ? `Stage ${stage}` : stage.charAt(0).toUpperCase() + stage.slice(1);
}

async function readStageOrder(entry: PartnershipEntry): Promise<string[]> {
  const moddle = createModdle();
  const stages: string[] = [];
  for (const file of entry.diagrams) {
    const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'));
    for (const process of rootElement.rootElements.filter((e: ModdleTree) => e.$type === 'bpmn:Process'))
      collect(process, stages);
  }
  // `${lscbLevel}` and the like are decided at run time: not a stage name.
  return [...new Set(stages.filter((s) => !s.includes('${')))];
}

function collect(scope: ModdleTree, into: string[]): void {
  for (const element of scope.flowElements ?? []) {
    if (element.$type === 'bpmn:SubProcess') collect(element, into);
    if (element.$type !== 'bpmn:ServiceTask' || element.get('camunda:topic') !== 'escalation-record')
      continue;
    const inputs = inputParameters(element);
    if (STAGE_ENDINGS.has(inputs.recordKind ?? '') && inputs.stage) into.push(inputs.stage);
  }
}

function inputParameters(element: ModdleTree): Record<string, string> {
  const found: Record<string, string> = {};
  for (const ext of element.extensionElements?.values ?? []) {
    if (ext.$type !== 'camunda:InputOutput') continue;
    for (const p of ext.inputParameters ?? []) found[p.name] = String(p.value ?? '');
  }
  return found;
}
