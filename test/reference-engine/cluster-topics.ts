/** The activity ids of a diagram's external tasks, by topic (to match history against the workers' stores). */
import { readFileSync } from 'node:fs';
import { createModdle } from '../../processes/bpmn-moddle.js';

export async function externalTasksByTopic(file: string): Promise<Map<string, Set<string>>> {
  const { rootElement } = await createModdle().fromXML(readFileSync(file, 'utf8'));
  const byTopic = new Map<string, Set<string>>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (scope: any) => {
    for (const e of scope.flowElements ?? []) {
      if (e.$type === 'bpmn:SubProcess') walk(e);
      const topic = e.$type === 'bpmn:ServiceTask' ? e.get('camunda:topic') : undefined;
      if (topic) byTopic.set(topic, new Set([...(byTopic.get(topic) ?? []), e.id]));
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rootElement.rootElements.filter((r: any) => r.$type === 'bpmn:Process').forEach(walk);
  return byTopic;
}
