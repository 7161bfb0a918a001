/**
 * bpmn-moddle with the Camunda 7 extension, typed as far as the diagram tests and the lint runner
 * use it (bpmn-moddle 10 ships no declaration for its entry point).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A parsed BPMN element tree; bpmn-moddle's own element types are loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleTree = any;

export interface ModdleApi {
  fromXML(xml: string): Promise<{ rootElement: ModdleTree; warnings: Error[] }>;
}

const { BpmnModdle } = require('bpmn-moddle') as { BpmnModdle: new (packages: object) => ModdleApi };

/** The Camunda 7 moddle descriptor (camunda-bpmn-moddle). */
export const CAMUNDA_DESCRIPTOR = require('camunda-bpmn-moddle/resources/camunda.json') as object;

export function createModdle(
  extensions: Record<string, object> = { camunda: CAMUNDA_DESCRIPTOR },
): ModdleApi {
  return new BpmnModdle(extensions);
}
