/**
 * `GET /escalations/:id/diagram`: the diagram the escalation runs on, for the escalation page's
 * viewer (bpmn-js): the BPMN XML of the process definition version it was started on (a later
 * deployment does not change it, as in Camunda 7) read through the engine port, and where the
 * escalation has been on it: every element it reached, those still active, and those that ended
 * (gateways included, which the timeline leaves out), so the viewer can mark the path taken.
 * Reached only through the access rule (404 when you may not see it) and audited like every read.
 */
import { z } from 'zod';
import type { HistoricActivityInstance } from '../../engine/port.js';
import { notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { escalationIdParam } from './detail.js';
import { audited } from './audited.js';
import { visibleEscalation } from './visible.js';

export const diagramAnswer = z.object({
  definitionId: z.string().describe('The process definition the escalation runs on'),
  key: z.string(),
  version: z.number().int().describe('Its version: the diagram as deployed when the escalation was raised'),
  bpmn20Xml: z.string().describe('The BPMN 2.0 XML, as Camunda’s GET /process-definition/{id}/xml'),
  reached: z.array(z.string()).describe('Ids of every element the escalation reached, in order, once each'),
  active: z.array(z.string()).describe('Ids of the elements it is at now'),
  ended: z.array(z.string()).describe('Ids of the elements it has left normally (not cancelled)'),
});

export type DiagramAnswer = z.infer<typeof diagramAnswer>;

export function registerEscalationDiagram(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations/:id/diagram',
    summary: 'The diagram the escalation runs on (BPMN XML) and the elements it has reached',
    tag: 'Escalations',
    params: escalationIdParam,
    responses: {
      200: { description: 'The diagram and the path taken', schema: diagramAnswer },
      404: { description: 'No escalation with that id that you can see' },
    },
    handler: async ({ params }, req) => {
      const { escalation } = visibleEscalation(deps, req, params.id, 'escalation.diagram');
      return audited(deps, req, 'escalation.diagram', escalation.id, escalation.definitionKey, async () => {
        const processInstanceId = escalation.processInstanceId;
        const [instances, activities] = await Promise.all([
          deps.engine.listHistoricProcessInstances({ processInstanceId }),
          deps.engine.listHistoricActivityInstances({
            processInstanceId,
            sortBy: 'startTime',
            sortOrder: 'asc',
          }),
        ]);
        const definitionId = instances[0]?.processDefinitionId;
        // The index and the engine disagree only if the instance was deleted behind the API's back.
        if (!definitionId) throw notFound('There is no escalation with that id that you can see.');
        const [definition, bpmn20Xml] = await Promise.all([
          deps.engine.getProcessDefinition(definitionId),
          deps.engine.getProcessDefinitionXml(definitionId),
        ]);
        return {
          definitionId,
          key: definition.key,
          version: definition.version,
          bpmn20Xml,
          ...pathOf(activities),
        };
      });
    },
  });
}

/** The elements reached (in order, once each), active now, and left normally. */
export function pathOf(
  activities: readonly HistoricActivityInstance[],
): Pick<DiagramAnswer, 'reached' | 'active' | 'ended'> {
  const reached = new Set<string>();
  const active = new Set<string>();
  const ended = new Set<string>();
  for (const a of activities) {
    reached.add(a.activityId);
    if (a.endTime === null) active.add(a.activityId);
    else if (!a.canceled) ended.add(a.activityId);
  }
  return { reached: [...reached], active: [...active], ended: [...ended] };
}
