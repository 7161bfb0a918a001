/**
 * For process owners: each partnership's diagrams and their deployed versions, a version's XML to
 * edit, deploying an edited diagram (multipart, as `POST /deployments` takes it) and the deadline
 * preview (`POST /simulations`). Every call is `/api/v1`; writes carry the session's CSRF token.
 */
import type { z } from 'zod';
import type { diagramsSchema } from '../../../api/routes/diagrams.js';
import type { SimulationAnswer, SimulationBody } from '../../../api/routes/simulation-shapes.js';
import { api } from './client.js';

/** `GET /partnerships/:id/diagrams`. */
export type PartnershipDiagrams = z.infer<typeof diagramsSchema>;
export type DiagramEntry = PartnershipDiagrams['diagrams'][number];
export type DiagramVersion = DiagramEntry['versions'][number];
export type { SimulationAnswer, SimulationBody };
export type PreviewRow = SimulationAnswer['rows'][number];
export type PreviewStage = NonNullable<PreviewRow['edited']>;

/** `POST /deployments`' answer. */
export interface Deployed {
  id: string;
  name: string | null;
  deployedAt: string;
  versions: { key: string; version: number; definitionId: string }[];
}

const encode = encodeURIComponent;

export function listDiagrams(partnership: string, signal?: AbortSignal): Promise<PartnershipDiagrams> {
  return api.get<PartnershipDiagrams>(`/partnerships/${encode(partnership)}/diagrams`, undefined, signal);
}

export function getDiagramXml(
  partnership: string,
  key: string,
  version: string,
  signal?: AbortSignal,
): Promise<string> {
  const path = `/partnerships/${encode(partnership)}/diagrams/${encode(key)}/versions/${encode(version)}.bpmn`;
  return api.request<string>('GET', path, { signal, text: true });
}

/** Deploys one edited diagram as `<file>` (its partnership.json file name) under `name`. */
export function deployDiagram(file: string, xml: string, name: string): Promise<Deployed> {
  const form = new FormData();
  form.append('deployment-name', name);
  form.append(file, new Blob([xml], { type: 'application/xml' }), file);
  return api.request<Deployed>('POST', '/deployments', { body: form });
}

export function previewDeadlines(body: SimulationBody): Promise<SimulationAnswer> {
  return api.post<SimulationAnswer>('/simulations', body);
}
