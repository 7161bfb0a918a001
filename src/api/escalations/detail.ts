/**
 * `GET /escalations/:id`: one escalation on its own terms. Where it stands (status from the written
 * record), its parties, every stage reached with its deadline and the calendar's explanation of it,
 * the tasks open now and whether you may complete each, what happened in order, its documents, its
 * record entries with their chain status, and the messages sent about it. Never the child's details.
 * Reached only through the access rule (404 when you may not see it), audited either way.
 */
import { z } from 'zod';
import { canComplete, type EscalationAccess } from '../../access/access-rule.js';
import type { Principal } from '../../identity/principal.js';
import type { IndexedEscalation } from '../../escalations/escalation-index.js';
import { partiesOf, organisationNamesFrom } from '../../escalations/parties.js';
import { dueFactsOf, isOverdue, stagesOf } from '../../escalations/stages.js';
import { timelineOf } from '../../escalations/timeline.js';
import { DOCUMENTS } from '../../../forms/documents/index.js';
import { holdsChildDetails } from '../routes/documents.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { audit, visibleEscalation } from './visible.js';
import { escalationSchema, iso, isoOrNull, type EscalationAnswer } from './escalation-shapes.js';

export const escalationIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/, 'an escalation id')
    .describe('The escalationId'),
});

export function registerEscalationDetail(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations/:id',
    summary:
      'One escalation: parties, stages with deadlines, open tasks, timeline, documents, record, messages',
    tag: 'Escalations',
    params: escalationIdParam,
    responses: {
      200: { description: 'The escalation', schema: escalationSchema },
      404: { description: 'No escalation with that id that you can see' },
    },
    handler: async ({ params }, req) => {
      const { escalation, access } = visibleEscalation(deps, req, params.id, 'escalation.view');
      const answer = await escalationDetail(deps, req.principal!, escalation, access);
      audit(deps, req, 'escalation.view', escalation.id, 'ok');
      return answer;
    },
  });
}

/** The escalation as `GET /escalations/:id` answers it, for a principal who may see it. */
export async function escalationDetail(
  deps: ApiDependencies,
  principal: Principal,
  e: IndexedEscalation,
  access: EscalationAccess,
): Promise<EscalationAnswer> {
  const now = new Date(deps.clock.now());
  const processInstanceId = e.processInstanceId;
  // Four engine queries, side by side; each works on the embedded engine and through ENGINE_URL.
  const [tasks, open, variables, activities] = await Promise.all([
    deps.engine.listHistoricTasks({ processInstanceId, sortBy: 'startTime', sortOrder: 'asc' }),
    deps.engine.listUserTasks({ processInstanceId, sortBy: 'created', sortOrder: 'asc' }),
    deps.engine.listHistoricVariableInstances({ processInstanceId, variableNameLike: '%Due%' }),
    deps.engine.listHistoricActivityInstances({ processInstanceId, sortBy: 'startTime', sortOrder: 'asc' }),
  ]);
  const checked = deps.stores.record.checkedForEscalation(e.id);
  const stages = stagesOf({
    tasks,
    userTasks: deps.forms.userTasks.get(e.definitionKey),
    dues: dueFactsOf(variables),
    record: checked.map((c) => c.entry),
    now,
  });
  return {
    id: e.id,
    caseReference: e.caseReference,
    partnership: e.partnership,
    raisedAt: e.raisedAt,
    status: e.status,
    parties: partiesOf(e, deps.roles(e.partnership), organisationNamesFrom(deps.stores.db)),
    disagreementContext: e.disagreementContext,
    processDefinitionKey: e.definitionKey,
    stages: stages.map((s) => ({
      ...s,
      startedAt: iso(s.startedAt),
      due: isoOrNull(s.due),
      endedAt: isoOrNull(s.endedAt),
    })),
    openTasks: open.map((t) => ({
      id: t.id,
      elementId: t.taskDefinitionKey,
      name: t.name ?? t.taskDefinitionKey,
      candidateRoles: t.candidateGroups,
      due: isoOrNull(t.due),
      overdue: isOverdue(t.due, null, now),
      formKey: t.camundaFormRef?.key ?? t.formKey,
      canComplete: canComplete(principal, access, t.candidateGroups, deps.roles),
    })),
    timeline: timelineOf(activities).map((t) => ({ ...t, at: iso(t.at) })),
    documents: deps.stores.documents.forEscalation(e.id).map((d) => ({
      id: d.id,
      form: d.form,
      title: DOCUMENTS.get(d.form)?.title ?? d.form,
      holdsChildDetails: holdsChildDetails(d.form),
      createdAt: d.createdAt,
    })),
    // Numbered within the escalation: the record's own sequence numbers would tell how much other
    // escalations, which this user may not see, have recorded.
    records: checked.map(({ entry, problem }, i) => ({
      number: i + 1,
      kind: entry.kind,
      stage: entry.stage,
      elementId: entry.elementId,
      outcome: entry.outcome,
      actorRole: entry.actorRole,
      actorAgency: entry.actorAgency,
      recordedAt: entry.recordedAt,
      hash: entry.hash,
      chain: { intact: problem === null, problem },
    })),
    messages: deps.stores.outbox.forEscalation(e.id).map((m) => ({
      id: m.id,
      template: m.template,
      role: m.role,
      recipient: m.recipient,
      subject: m.subject,
      status: m.status,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })),
  };
}
