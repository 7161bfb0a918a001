/** The partnerships a user belongs to (`/partnerships`). */
import { api } from './client.js';
import type { Partnership, PartnershipSummary } from './types.js';

export async function listPartnerships(): Promise<PartnershipSummary[]> {
  return (await api.get<{ items: PartnershipSummary[] }>('/partnerships')).items;
}

export function getPartnership(id: string, signal?: AbortSignal): Promise<Partnership> {
  return api.get<Partnership>(`/partnerships/${encodeURIComponent(id)}`, undefined, signal);
}
