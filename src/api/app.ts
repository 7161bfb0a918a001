/**
 * The escalations API, mounted at `/api`: `/api/v1/…` (express 5, zod-validated, one authentication
 * middleware and one access rule), `/api/openapi.json` (OpenAPI 3.1 generated from the same zod
 * schemas) and `/api/docs` (an interactive reference that works offline). Errors are RFC 9457
 * problem details; bodies are limited to 1 MiB and nesting to the input policy's depth.
 */
import type express from 'express';
import { Router } from 'express';
import helmet from 'helmet';
import { jsonBodyParser } from '../http/json-body.js';
import { authenticate } from './auth/authenticate.js';
import { notFound, problemHandler } from './http/problem.js';
import { serverDate } from './http/server-date.js';
import { RouteRegistry } from './openapi/registry.js';
import { docsRouter } from './openapi/docs.js';
import type { ApiDependencies } from './deps.js';
import { registerSession } from './routes/session.js';
import { registerPartnerships } from './routes/partnerships.js';
import { registerHealth } from './routes/health.js';
import { API_ROUTES } from './routes/index.js';

export const API_INFO = {
  title: 'Escalations API',
  version: '1.0.0',
  description:
    'Raise and follow professional disagreements about children under a partnership’s escalation procedure. ' +
    'Sign in with POST /session (browser) or send a personal access token. An escalation you may not see answers 404.',
};

export function createApi(deps: ApiDependencies): Router {
  const api = new RouteRegistry(authenticate({ ...deps.stores, clock: deps.clock }));
  registerHealth(api, deps);
  registerSession(api, deps);
  registerPartnerships(api, deps);
  for (const register of API_ROUTES) register(api, deps);

  const router = Router();
  router.use(helmet());
  router.use(serverDate(deps.clock));
  router.use(jsonBodyParser() as express.RequestHandler);
  router.get('/openapi.json', (_req, res) => void res.json(api.openApi(API_INFO)));
  router.use('/docs', docsRouter());
  router.use('/v1', api.router);
  router.use((_req, _res, next) => next(notFound()));
  router.use(problemHandler(deps.logger));
  return router;
}
