/**
 * `POST /deployments` for process owners: deploys changed diagrams through the engine port (the
 * embedded engine, or the remote one with ENGINE_URL), so the browser never needs `/engine-rest` or
 * its credentials. The upload is multipart like `/engine-rest/deployment/create` (see
 * deployment-upload.ts). In order, each refusal before anything is deployed:
 * 1. not a process owner in any partnership: 403, before the body is read;
 * 2. the upload's limits (413) and each diagram's checks (400), a process key of no known
 *    partnership (400);
 * 3. a key of a partnership the user is not a process owner of: 403;
 * 4. any problem under `npm run lint:bpmn`'s rules (the same `.bpmnlintrc`): 422 listing each;
 * 5. the engine's own parse errors: 400 listing them.
 * Deployments made here have the source `escalations-api`, so `npm start`'s deploy-changed-only
 * (source `escalations`) does not mistake them for its own and put the checkout's file back on top.
 * Audited as `deployment.create` with its outcome. CSRF: the authentication middleware.
 */
import { z } from 'zod';
import type { Request } from 'express';
import type { Problem } from '../../../processes/lint/lint-bpmn.js';
import { EngineError } from '../../engine/errors/engine-error.js';
import { ParseError } from '../../engine/errors/parse-error.js';
import type { DeploymentWithDefinitions } from '../../engine/port.js';
import { ApiProblem, badRequest, forbidden, type FieldError } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { audit } from '../escalations/visible.js';
import { readUpload, type Upload } from './deployment-upload.js';
import { ownedPartnerships, partnershipOfKey } from './process-owners.js';
import { instant } from './shapes.js';

/** The source of every deployment made through the API. */
export const API_DEPLOYMENT_SOURCE = 'escalations-api';
const ACTION = 'deployment.create';

const uploadSchema = z
  .object({
    'deployment-name': z.string().optional().describe('Default: "<partnership> diagrams"'),
    'enable-duplicate-filtering': z.enum(['true', 'false']).optional(),
    'deploy-changed-only': z.enum(['true', 'false']).optional(),
  })
  .catchall(
    z
      .string()
      .meta({ format: 'binary' })
      .describe('A diagram: one file part per diagram, its file name ending .bpmn'),
  );

const deploymentSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  source: z.string().nullable(),
  deployedAt: instant,
  versions: z
    .array(z.object({ key: z.string(), version: z.number().int(), definitionId: z.string() }))
    .describe('The versions this deployment created; empty when nothing had changed'),
});

export function registerDeployments(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'post',
    path: '/deployments',
    summary: 'For process owners: deploy changed diagrams (multipart, like /engine-rest/deployment/create)',
    tag: 'Process owners',
    rawBody: {
      mediaType: 'multipart/form-data',
      schema: uploadSchema,
      description: 'Diagrams as file parts; at most 5 MiB each, 20 MiB in all, 100 parts',
    },
    responses: {
      200: {
        description: 'Nothing had changed (duplicate filtering): the latest deployment of that name',
        schema: deploymentSchema,
      },
      201: { description: 'Deployed: the deployment and the versions it created', schema: deploymentSchema },
      400: { description: 'A part is not a deployable diagram, or a process key is of no known partnership' },
      403: { description: 'Not a process owner of the diagram’s partnership, or no CSRF token' },
      413: { description: 'A part, a field or the upload is over its limit' },
      422: { description: 'The diagrams break the lint rules (npm run lint:bpmn); each problem is listed' },
    },
    handler: async (_input, req, res) => {
      const owned = ownedPartnerships(req.principal!);
      if (owned.size === 0) refuse(deps, req, 'forbidden', 'Only process owners deploy diagrams.');
      const upload = await readUpload(req);
      const partnerships = partnershipsOf(deps, req, upload, owned);
      await lint(deps, req, upload);
      const deployed = await deploy(deps, upload, partnerships);
      const created = Object.keys(deployed.deployedProcessDefinitions).length > 0;
      audit(deps, req, ACTION, null, created ? 'ok' : 'unchanged', `deployment:${deployed.id}`);
      res.status(created ? 201 : 200).json(answerOf(deployed));
      return undefined;
    },
  });
}

function refuse(deps: ApiDependencies, req: Request, outcome: string, detail: string): never {
  audit(deps, req, ACTION, null, outcome, null);
  throw forbidden(detail);
}

/** The partnerships the upload's keys belong to; 400 for an unknown key, 403 for one not owned. */
function partnershipsOf(deps: ApiDependencies, req: Request, upload: Upload, owned: Set<string>): string[] {
  const ofKey = partnershipOfKey(deps);
  const unknown: FieldError[] = [];
  const found = new Set<string>();
  for (const d of upload.diagrams) {
    for (const key of d.keys) {
      const partnership = ofKey.get(key);
      if (partnership) found.add(partnership);
      else unknown.push({ path: d.name, message: `process "${key}" is not a diagram of any partnership` });
    }
  }
  if (unknown.length) {
    audit(deps, req, ACTION, null, 'refused', 'unknown process key');
    throw badRequest(unknown, 'Each process must be one a partnership.json lists.');
  }
  const notOwned = [...found].filter((p) => !owned.has(p));
  if (notOwned.length)
    refuse(deps, req, 'forbidden', `You are not a process owner of ${notOwned.join(', ')}.`);
  return [...found].sort();
}

async function lint(deps: ApiDependencies, req: Request, upload: Upload): Promise<void> {
  // Loaded on first use: bpmnlint and its rules cost start-up time that only a deployment needs.
  const { lintXml } = await import('../../../processes/lint/lint-bpmn.js');
  const problems: Problem[] = [];
  for (const d of upload.diagrams) problems.push(...(await lintXml(d.xml, d.name)));
  if (problems.length === 0) return;
  audit(deps, req, ACTION, null, 'refused', `lint:${problems.length}`);
  throw new ApiProblem(
    422,
    'Unprocessable content',
    `The diagrams break ${problems.length} lint rule${problems.length === 1 ? '' : 's'} (npm run lint:bpmn); nothing was deployed.`,
    problems.map((p) => ({
      path: p.id ? `${p.file}#${p.id}` : p.file,
      message: `${p.rule}: ${p.message}`,
    })),
  );
}

async function deploy(
  deps: ApiDependencies,
  upload: Upload,
  partnerships: readonly string[],
): Promise<DeploymentWithDefinitions> {
  try {
    return await deps.engine.deploy({
      name: upload.name ?? `${partnerships.join(', ')} diagrams`,
      source: API_DEPLOYMENT_SOURCE,
      resources: upload.diagrams.map((d) => ({ name: d.name, content: d.content })),
      enableDuplicateFiltering: upload.enableDuplicateFiltering || upload.deployChangedOnly,
      deployChangedOnly: upload.deployChangedOnly,
    });
  } catch (error) {
    if (error instanceof ParseError) {
      const errors = Object.entries(error.details).flatMap(([file, report]) =>
        report.errors.map((e) => ({
          path: e.mainElementId ? `${file}#${e.mainElementId}` : file,
          message: e.message,
        })),
      );
      throw badRequest(
        errors.length ? errors : [{ path: '(upload)', message: error.message }],
        error.message,
      );
    }
    if (error instanceof EngineError && error.httpStatus >= 400 && error.httpStatus < 500)
      throw badRequest([{ path: '(upload)', message: error.message }], 'The engine refused the deployment.');
    throw error;
  }
}

function answerOf(d: DeploymentWithDefinitions): z.infer<typeof deploymentSchema> {
  return {
    id: d.id,
    name: d.name,
    source: d.source,
    deployedAt: d.deploymentTime.toISOString(),
    versions: Object.values(d.deployedProcessDefinitions)
      .map((p) => ({ key: p.key, version: p.version, definitionId: p.id }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
