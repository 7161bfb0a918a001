/** Escalations (`/escalations`): the list with its filters, counts by open stage, and one escalation. */
import { api } from './client.js';
import type { Escalation, EscalationFilters, EscalationSummary, Page, StageCounts } from './types.js';

export function listEscalations(
  filters: EscalationFilters,
  signal?: AbortSignal,
): Promise<Page<EscalationSummary>> {
  return api.get<Page<EscalationSummary>>('/escalations', { ...filters }, signal);
}

/** How many escalations the user can see have each stage open (the list's filters but stage and paging). */
export function countOpenStages(
  filters: Omit<EscalationFilters, 'stage' | 'page' | 'pageSize'>,
  signal?: AbortSignal,
): Promise<StageCounts> {
  return api.get<StageCounts>('/escalations/counts', { ...filters }, signal);
}

/** One escalation; an escalation the user may not see is a 404 like one that does not exist. */
export function getEscalation(id: string, signal?: AbortSignal): Promise<Escalation> {
  return api.get<Escalation>(`/escalations/${encodeURIComponent(id)}`, undefined, signal);
}
