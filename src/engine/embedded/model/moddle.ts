/** Reads a diagram's moddle tree (bpmn-moddle with Camunda's extension) for the graph. */
import { createRequire } from 'node:module';
import type { ModdleElement } from './build-model.js';

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as object;
// bpmn-moddle 10 ships no declaration for its entry point; its CommonJS build exports the class.
const { BpmnModdle } = require('bpmn-moddle') as {
  BpmnModdle: new (packages: object) => { fromXML(text: string): Promise<{ rootElement: unknown }> };
};

interface Definitions {
  rootElements?: ModdleElement[];
}

/** The executable processes of a diagram by id. The XML has already passed the guarded parser. */
export async function readProcesses(xml: string): Promise<Map<string, ModdleElement>> {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = (await moddle.fromXML(xml)) as { rootElement: Definitions };
  const processes = new Map<string, ModdleElement>();
  for (const element of rootElement.rootElements ?? []) {
    if (element.$type === 'bpmn:Process' && element.id) processes.set(element.id, element);
  }
  return processes;
}
