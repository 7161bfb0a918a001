/**
 * The escalation's answer shapes (zod: also the OpenAPI document's schemas). None holds the child's
 * details: those are only at `GET /escalations/:id/subject`, for the people the procedure gives them to.
 */
import { z } from 'zod';
import { STATUSES } from '../../escalations/escalation-index.js';
import { instant } from '../routes/shapes.js';

export const partySchema = z.object({
  side: z.enum(['raised-by', 'other']),
  agency: z.object({ id: z.string(), name: z.string() }),
  organisation: z
    .object({ id: z.string(), name: z.string().nullable() })
    .nullable()
    .describe('Null when the party is the whole agency'),
});

export const stageSchema = z.object({
  elementId: z.string().describe('The stage’s user task in the diagram, e.g. Stage1_RecordOutcome'),
  name: z.string(),
  startedAt: instant,
  due: instant.nullable(),
  dueExplanation: z
    .string()
    .nullable()
    .describe('How the deadline was worked out with the partnership’s working-day calendar, one step a line'),
  overdue: z.boolean().describe('Due before it ended, or before now while open'),
  endedAt: instant.nullable(),
  outcome: z.string().nullable().describe('As recorded: resolved, unresolved, breached, …'),
});

export const openTaskSchema = z.object({
  id: z.string().describe('The task id for /escalations/:id/tasks/:taskId/…'),
  elementId: z.string(),
  name: z.string(),
  candidateRoles: z.array(z.string()).describe('roles.json roles that may complete it'),
  due: instant.nullable(),
  overdue: z.boolean(),
  formKey: z
    .string()
    .nullable()
    .describe('The Camunda Form it asks (GET /escalations/:id/tasks/:taskId/form)'),
  canComplete: z.boolean().describe('Whether you may complete it (a candidate role on its side)'),
});

export const timelineSchema = z.object({
  at: instant,
  event: z.enum(['started', 'ended', 'cancelled', 'reached']),
  elementId: z.string(),
  name: z.string(),
  type: z.string().describe('BPMN activity type, e.g. userTask, serviceTask, boundaryTimer'),
});

export const documentSchema = z.object({
  id: z.string().describe('GET /documents/:id'),
  form: z.string(),
  title: z.string().describe('The document’s title, e.g. "Appendix 1: Agency Escalation Summary Log"'),
  holdsChildDetails: z
    .boolean()
    .describe('It prints the child’s details: only those who may read them may fetch it (403 for others)'),
  createdAt: instant,
});

export const recordSchema = z.object({
  number: z.number().int().describe('1 for the escalation’s first entry, then in the order written'),
  kind: z.string().describe('escalation-raised, stage-outcome, stage-breached, resolution, …'),
  stage: z.string().nullable(),
  elementId: z.string(),
  outcome: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorAgency: z.string().nullable(),
  recordedAt: instant,
  hash: z.string(),
  chain: z.object({
    intact: z.boolean().describe('Its hash, its link to the entry before it and its details still match'),
    problem: z.string().nullable(),
  }),
});

export const messageSchema = z.object({
  id: z.number().int(),
  template: z.string().describe('The notice, e.g. stage-started, stage-breached, document-ready'),
  role: z.string().nullable().describe('The role it was sent to, as in roles.json'),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  createdAt: instant,
  sentAt: instant.nullable(),
});

const summaryShape = {
  id: z.string().describe('The escalationId: also the web page /escalations/:id and the emails’ link'),
  caseReference: z.string(),
  partnership: z.string(),
  raisedAt: instant,
  status: z.enum(STATUSES),
  parties: z.array(partySchema),
};

export const escalationSchema = z.object({
  ...summaryShape,
  disagreementContext: z.string(),
  processDefinitionKey: z.string(),
  stages: z.array(stageSchema).describe('Each stage reached, in the order it started'),
  openTasks: z.array(openTaskSchema),
  timeline: z.array(timelineSchema),
  documents: z.array(documentSchema),
  records: z.array(recordSchema),
  messages: z.array(messageSchema),
});

export const escalationItemSchema = z.object({
  ...summaryShape,
  currentStages: z
    .array(stageSchema.pick({ elementId: true, name: true, due: true, overdue: true }))
    .describe('Its stages open now'),
});

export type EscalationAnswer = z.infer<typeof escalationSchema>;
export type EscalationItem = z.infer<typeof escalationItemSchema>;

/** An instant as the API writes it (RFC 3339, UTC). */
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
