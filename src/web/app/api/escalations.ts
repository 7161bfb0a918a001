/** Escalations (`/escalations`): the list with its filters, and one escalation. */
import { api } from './client.js';
import type { Escalation, EscalationFilters, EscalationSummary, Page } from './types.js';

export function listEscalations(
  filters: EscalationFilters,
  signal?: AbortSignal,
): Promise<Page<EscalationSummary>> {
  return api.get<Page<EscalationSummary>>('/escalations', { ...filters }, signal);
}

/** One escalation; an escalation the user may not see is a 404 like one that does not exist. */
export function getEscalation(id: string, signal?: AbortSignal): Promise<Escalation> {
  return api.get<Escalation>(`/escalations/${encodeURIComponent(id)}`, undefined, signal);
}
