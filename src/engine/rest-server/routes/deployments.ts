/**
 * Deployments: list, count, get, resources, delete, and POST /deployment/create (multipart), as
 * Camunda Modeler's Deploy dialog and Camunda's DeploymentRestService use them.
 */
import type { Router } from 'express';
import { z } from 'zod';
import type { DeployInput } from '../../port.js';
import { deploymentDto, deploymentResourceDto, deploymentWithDefinitionsDto } from '../dto/repository.js';
import { parseMultipart } from '../wire/multipart.js';
import { checkResourceName } from '../wire/names.js';
import { firstValues, pagingShape, qSortBy, qSortOrder, qString } from '../wire/query.js';
import { sendBytes, sendJson, sendNoContent } from '../wire/send.js';
import { listAndCount, guard, invalidRequest, param, selfLink, type RouteContext } from './context.js';

const deploymentQuery = z.object({
  id: qString.optional(),
  name: qString.optional(),
  nameLike: qString.optional(),
  source: qString.optional(),
  sortBy: qSortBy(['id', 'name', 'deploymentTime']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

const RESERVED = new Set([
  'deployment-name',
  'deployment-source',
  'deploy-changed-only',
  'enable-duplicate-filtering',
  'tenant-id',
  'deployment-activation-time',
]);

/** Camunda reads booleans here with Java's Boolean.parseBoolean: only "true" (any case) is true. */
const javaBoolean = (v: string | undefined): boolean => v?.toLowerCase() === 'true';

// Camunda checks existence itself here, so its 404s carry no engine cause (code null).
const notFound = (id: string) => () => invalidRequest(404, `Deployment with id '${id}' does not exist`);

export function registerDeployments(router: Router, ctx: RouteContext): void {
  const { engine, fmt } = ctx;

  listAndCount(router, '/deployment', deploymentQuery, {
    list: (q) => engine.listDeployments(q),
    count: (q) => engine.countDeployments(q),
    toDto: (d) => deploymentDto(d, fmt),
  });

  router.post('/deployment/create', async (req, res) => {
    const input = await readDeployment(req, ctx);
    const result = await engine.deploy(input);
    sendJson(res, 200, deploymentWithDefinitionsDto(result, fmt, selfLink(req, `/deployment/${result.id}`)));
  });

  router.get('/deployment/:id', async (req, res) => {
    const id = param(req, 'id');
    const d = await guard(() => engine.getDeployment(id), { notFound: notFound(id) });
    sendJson(res, 200, deploymentDto(d, fmt));
  });

  router.get('/deployment/:id/resources', async (req, res) => {
    const id = param(req, 'id');
    sendJson(res, 200, (await resourcesOf(ctx, id)).map(deploymentResourceDto));
  });

  router.get('/deployment/:id/resources/:resourceId/data', async (req, res) => {
    const id = param(req, 'id');
    const resourceId = param(req, 'resourceId');
    const data = await guard(() => engine.getDeploymentResourceData(id, resourceId), {
      notFound: () =>
        invalidRequest(404, `Deployment resource '${resourceId}' for deployment id '${id}' does not exist.`),
    });
    const name = (await resourcesOf(ctx, id)).find((r) => r.id === resourceId)?.name ?? 'data';
    sendBytes(res, MEDIA_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream', data, name);
  });

  router.delete('/deployment/:id', async (req, res) => {
    const id = param(req, 'id');
    const cascade = firstValues(req.query).cascade === 'true';
    await guard(() => engine.deleteDeployment(id, { cascade }), {
      notFound: () => invalidRequest(404, `Deployment with id '${id}' do not exist`),
    });
    sendNoContent(res);
  });
}

/** Camunda answers 404 for a deployment without resources, which is also how an unknown id looks. */
async function resourcesOf(ctx: RouteContext, id: string) {
  const gone = () => invalidRequest(404, `Deployment resources for deployment id '${id}' do not exist.`);
  const list = await guard(() => ctx.engine.listDeploymentResources(id), { notFound: gone });
  if (list.length === 0) throw gone();
  return list;
}

/** Media types by extension, as Camunda's resource data endpoint maps them. */
const MEDIA_TYPES: Record<string, string> = {
  bpmn: 'application/xml',
  xml: 'application/xml',
  dmn: 'application/xml',
  cmmn: 'application/xml',
  form: 'application/json',
  json: 'application/json',
  png: 'image/png',
  svg: 'image/svg+xml',
  txt: 'text/plain',
};

/** Reads the multipart form into a port DeployInput; every file part is a resource. */
async function readDeployment(
  req: Parameters<Parameters<Router['post']>[1]>[0],
  ctx: RouteContext,
): Promise<DeployInput> {
  if (!req.is('multipart/form-data')) {
    throw invalidRequest(415, 'POST /deployment/create expects multipart/form-data');
  }
  const body = await parseMultipart(req, ctx.multipartLimits);
  const seen = new Set<string>();
  const resources = body.files
    .filter((f) => !RESERVED.has(f.field))
    .map((f) => {
      if (!f.filename) {
        throw invalidRequest(
          400,
          `No file name found in the deployment resource described by form parameter '${f.field}'.`,
        );
      }
      checkResourceName(f.filename, `resource '${f.field}'`);
      if (seen.has(f.filename))
        throw invalidRequest(400, `The resource name '${f.filename}' appears twice in the upload`);
      seen.add(f.filename);
      return { name: f.filename, content: f.content };
    });
  if (resources.length === 0)
    throw invalidRequest(400, 'No deployment resources contained in the form upload.');
  const deployChangedOnly = javaBoolean(body.fields.get('deploy-changed-only'));
  return {
    name: body.fields.get('deployment-name') ?? '',
    source: body.fields.get('deployment-source') ?? null,
    tenantId: body.fields.get('tenant-id') || null,
    resources,
    // deploy-changed-only implies duplicate filtering, as in Camunda.
    enableDuplicateFiltering: deployChangedOnly || javaBoolean(body.fields.get('enable-duplicate-filtering')),
    deployChangedOnly,
  };
}
