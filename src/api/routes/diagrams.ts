/**
 * `GET /partnerships/:id/diagrams` for the partnership's process owners: each diagram key with
 * every deployed version, when and by which deployment it came, and how many escalations still run
 * on it (a changed diagram is a new version; running escalations stay on theirs, as in Camunda 7).
 * The counts come from `diagramVersions`, the lines from `describeOlderVersions`: what `npm start`
 * and `escalation deploy` report. Not a member: 404, as for the partnership itself; a member
 * without `process-owner`: 403.
 */
import { z } from 'zod';
import { describeOlderVersions, diagramVersions } from '../../../processes/deploy.js';
import type { Deployment } from '../../engine/port.js';
import { forbidden, notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { ownedPartnerships } from './process-owners.js';
import { instant } from './shapes.js';

const versionSchema = z.object({
  version: z.number().int(),
  definitionId: z.string(),
  deploymentId: z.string(),
  deploymentName: z.string().nullable(),
  deploymentSource: z
    .string()
    .nullable()
    .describe('escalations: npm start; escalations-api: POST /deployments'),
  deployedAt: instant,
  latest: z.boolean(),
  running: z.number().int().describe('Escalations running on this version'),
});

export const diagramsSchema = z.object({
  partnership: z.string(),
  diagrams: z.array(
    z.object({
      key: z.string(),
      file: z.string(),
      contexts: z.array(z.string()),
      versions: z.array(versionSchema).describe('Newest first; empty when the key was never deployed'),
    }),
  ),
  olderVersions: z
    .array(z.string())
    .describe('e.g. "LiverpoolEscalation version 1: 3 running escalations (latest is version 2)"'),
});

export function registerDiagrams(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/partnerships/:id/diagrams',
    summary: 'For process owners: each diagram’s deployed versions and the escalations running on each',
    tag: 'Process owners',
    params: z.object({ id: z.string().max(64) }),
    responses: {
      200: { description: 'The diagrams and their versions', schema: diagramsSchema },
      403: { description: 'You are a member but not a process owner of this partnership' },
      404: { description: 'Not one of your partnerships' },
    },
    handler: async ({ params }, req) => {
      const principal = req.principal!;
      const entry = deps.partnerships.get(params.id);
      if (!entry || !principal.memberships.some((m) => m.partnership === params.id)) throw notFound();
      if (!ownedPartnerships(principal).has(params.id))
        throw forbidden('Only the partnership’s process owners see its diagrams’ versions.');
      const keys = new Set(entry.settings.diagrams.map((d) => d.key));
      const versions = (await diagramVersions(deps.engine)).filter((v) => keys.has(v.key));
      const deployments = await deploymentsOf(deps, versions);
      return {
        partnership: params.id,
        diagrams: entry.settings.diagrams.map((d) => ({
          key: d.key,
          file: d.file,
          contexts: [...d.contexts],
          versions: versions
            .filter((v) => v.key === d.key)
            .map((v) => {
              const deployment = deployments.get(v.definitionId)!;
              return {
                version: v.version,
                definitionId: v.definitionId,
                deploymentId: deployment.id,
                deploymentName: deployment.name,
                deploymentSource: deployment.source,
                deployedAt: deployment.deploymentTime.toISOString(),
                latest: v.latest,
                running: v.running,
              };
            }),
        })),
        olderVersions: describeOlderVersions(versions),
      };
    },
  });
}

/** Each definition's deployment (one engine call per deployment, however many versions it holds). */
async function deploymentsOf(
  deps: ApiDependencies,
  versions: readonly { definitionId: string }[],
): Promise<Map<string, Deployment>> {
  const byDeployment = new Map<string, Promise<Deployment>>();
  const out = new Map<string, Deployment>();
  for (const v of versions) {
    const definition = await deps.engine.getProcessDefinition(v.definitionId);
    let deployment = byDeployment.get(definition.deploymentId);
    if (!deployment) {
      deployment = deps.engine.getDeployment(definition.deploymentId);
      byDeployment.set(definition.deploymentId, deployment);
    }
    out.set(v.definitionId, await deployment);
  }
  return out;
}
