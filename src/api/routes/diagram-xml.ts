/**
 * `GET /partnerships/:id/diagrams/:key/versions/:version.bpmn` for the partnership's process
 * owners: the XML of one deployed version, as the engine holds it, for the in-browser modeler to
 * edit (a changed diagram goes back through `POST /deployments`). Who may read it is decided as for
 * `GET /partnerships/:id/diagrams`: not a member (or no such partnership, key or version) 404, a
 * member without `process-owner` 403.
 */
import { z } from 'zod';
import type { Principal } from '../../identity/principal.js';
import { forbidden, notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { ownedPartnerships } from './process-owners.js';

const params = z.object({
  id: z.string().max(64),
  key: z.string().max(255),
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/**
 * The partnership's entry when the principal owns its diagrams: 404 for a partnership that does not
 * exist or is not theirs, 403 for a member without `process-owner` (as `GET …/diagrams`).
 */
export function ownedPartnership(deps: ApiDependencies, principal: Principal, id: string) {
  const entry = deps.partnerships.get(id);
  if (!entry || !principal.memberships.some((m) => m.partnership === id)) throw notFound();
  if (!ownedPartnerships(principal).has(id))
    throw forbidden('Only the partnership’s process owners see its diagrams.');
  return entry;
}

export function registerDiagramXml(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/partnerships/:id/diagrams/:key/versions/:version.bpmn',
    summary: 'For process owners: one deployed version of a diagram, its BPMN 2.0 XML',
    tag: 'Process owners',
    params,
    responses: {
      200: { description: 'The deployed diagram', mediaType: 'application/xml' },
      403: { description: 'You are a member but not a process owner of this partnership' },
      404: { description: 'Not one of your partnerships, or no such diagram or version' },
    },
    handler: async ({ params: p }, req, res) => {
      const entry = ownedPartnership(deps, req.principal!, p.id);
      if (!entry.settings.diagrams.some((d) => d.key === p.key)) throw notFound();
      const [definition] = await deps.engine.listProcessDefinitions({ key: p.key, version: p.version });
      if (!definition) throw notFound('That version of the diagram was never deployed.');
      const xml = await deps.engine.getProcessDefinitionXml(definition.id);
      res
        .status(200)
        .set('Cache-Control', 'private, no-cache')
        .type('application/xml; charset=utf-8')
        .send(xml);
      return undefined;
    },
  });
}
