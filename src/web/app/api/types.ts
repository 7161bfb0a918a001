/**
 * The API's answers as the browser sees them. Where the API exports its zod schema the type is
 * inferred from it (type-only imports: no server code reaches the bundle), so a change of shape
 * breaks the type check here; the rest mirror the OpenAPI document (`/api/openapi.json`).
 */
import type { z } from 'zod';
import type { membershipSchema, userSchema } from '../../../api/routes/shapes.js';
import type { escalationItemSchema, escalationSchema } from '../../../api/escalations/escalation-shapes.js';

export type User = z.infer<typeof userSchema>;
export type Membership = z.infer<typeof membershipSchema>;

/** `POST /session` and `GET /session`. */
export interface SessionAnswer {
  csrfToken: string | null;
  user: User;
}

/** A list's page: `{ items, total, page, pageSize }`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /partnerships` items. */
export interface PartnershipSummary {
  id: string;
  name: string;
  procedure: { title: string; edition: string; publisher: string };
}

/** A stage (user task) of a diagram, from `GET /partnerships/:id`. */
export interface StageDefinition {
  elementId: string;
  name: string;
  candidateRoles: string[];
  timescale: string | null;
  dueVariable: string | null;
}

/** `GET /partnerships/:id`. */
export interface Partnership extends PartnershipSummary {
  division: string;
  agencies: { id: string; name: string }[];
  roles: {
    role: string;
    description: string;
    scope: 'agency' | 'partnership';
    titles: Record<string, string>;
  }[];
  diagrams: { key: string; contexts: string[]; implements: string[]; stages: StageDefinition[] }[];
}

/** `GET /escalations` items: the summary with the stages open now. */
export type EscalationSummary = z.infer<typeof escalationItemSchema>;
/** `GET /escalations/:id`. */
export type Escalation = z.infer<typeof escalationSchema>;
export type EscalationStatus = EscalationSummary['status'];
export type Party = EscalationSummary['parties'][number];
/** A stage open now, as the list shows it. */
export type OpenStage = EscalationSummary['currentStages'][number];

/** `GET /escalations/counts`: how many escalations the user can see have each stage open. */
export interface StageCounts {
  items: { partnership: string; stage: string; count: number }[];
  /** Escalations with any stage open. */
  total: number;
}

/** `GET /escalations` filters (the API's query, all optional). */
export interface EscalationFilters {
  partnership?: string;
  agency?: string;
  stage?: string;
  status?: EscalationStatus;
  overdue?: 'true';
  raisedFrom?: string;
  raisedTo?: string;
  page?: number;
  pageSize?: number;
}
