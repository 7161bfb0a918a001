/**
 * What the escalation page reads and does beyond the escalation itself (docs/api-acting-on-escalations.md):
 * its diagram, an open stage's form and its completion, immediate risk, a serious concern
 * (Wiltshire), withdrawal and the child's details. Every call goes through `api` (`/api/v1` only).
 */
import { api } from './client.js';
import type { z } from 'zod';
import type { diagramAnswer } from '../../../api/escalations/diagram.js';
import type { Escalation } from './types.js';

/** `GET /escalations/:id/diagram`: the BPMN XML it runs on and the elements it has reached. */
export type EscalationDiagram = z.infer<typeof diagramAnswer>;

/** `GET /escalations/:id/tasks/:taskId/form`. */
export interface TaskForm {
  task: Escalation['openTasks'][number];
  /** The Camunda Form (form-js schema). */
  form: FormSchema;
  variables: Record<string, unknown>;
}

/** The parts of a form-js schema the page reads (the rest goes to form-js as it is). */
export interface FormSchema {
  id?: string;
  components?: FormComponent[];
  [key: string]: unknown;
}

export interface FormComponent {
  id: string;
  type: string;
  key?: string;
  path?: string;
  label?: string;
  components?: FormComponent[];
  [key: string]: unknown;
}

/** `POST …/complete`'s answer. */
export interface Completed {
  completed: { taskId: string; elementId: string };
  pending: boolean;
  escalation: Escalation;
}

/** `GET /escalations/:id/subject`: the child's details, never cached or kept. */
export interface ChildDetails {
  caseReference: string;
  name: string;
  dateOfBirth: string;
  address: string;
  parents?: string;
}

/** The answer of an action the workers carry out (202). */
export interface Accepted {
  id: string;
  action: string;
  detail: string;
}

const base = (id: string) => `/escalations/${encodeURIComponent(id)}`;

export function getDiagram(id: string, signal?: AbortSignal): Promise<EscalationDiagram> {
  return api.get<EscalationDiagram>(`${base(id)}/diagram`, undefined, signal);
}

export function getTaskForm(id: string, taskId: string, signal?: AbortSignal): Promise<TaskForm> {
  return api.get<TaskForm>(`${base(id)}/tasks/${encodeURIComponent(taskId)}/form`, undefined, signal);
}

export function completeTask(id: string, taskId: string, data: Record<string, unknown>): Promise<Completed> {
  return api.post<Completed>(`${base(id)}/tasks/${encodeURIComponent(taskId)}/complete`, data);
}

export function reportImmediateRisk(id: string): Promise<Accepted> {
  return api.post<Accepted>(`${base(id)}/immediate-risk`, {});
}

export function logSeriousConcern(id: string): Promise<Accepted> {
  return api.post<Accepted>(`${base(id)}/serious-concern`, {});
}

export function withdrawEscalation(id: string, reason: string): Promise<Accepted> {
  return api.post<Accepted>(`${base(id)}/withdraw`, { reason });
}

/** Audited by the API on every call; the caller shows the answer and keeps it nowhere else. */
export function getChildDetails(id: string): Promise<ChildDetails> {
  return api.get<ChildDetails>(`${base(id)}/subject`);
}

/** The document's address (`GET /documents/:id`, a PDF the browser opens itself). */
export function documentHref(documentId: string): string {
  return `/api/v1/documents/${encodeURIComponent(documentId)}`;
}
