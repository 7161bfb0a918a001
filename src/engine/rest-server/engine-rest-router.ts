/**
 * The express router for `/engine-rest`: the subset of Camunda 7's REST API that the official
 * external task client, Camunda Modeler and our own tools use, over any {@link EnginePort}.
 * Also reachable under `/engine/default/…`, Camunda's named-engine form of the same paths.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { EnginePort } from '../port.js';
import { silentLogger, type Logger } from '../../log/logger.js';
import { basicAuth, type BasicAuthCredentials } from './auth/basic-auth.js';
import { loopbackOnly } from './auth/loopback-only.js';
import { TRUST_NO_PROXY, type TrustProxy } from '../../http/client-address.js';
import { dateFmt } from './dto/date-fmt.js';
import { jsonBodyParser } from '../../http/json-body.js';
import { hasBody } from './wire/body.js';
import { toWireError } from './wire/error-mapper.js';
import { DEFAULT_MULTIPART_LIMITS, type MultipartLimits } from './wire/multipart.js';
import { sendJson } from './wire/send.js';
import { RestError } from './wire/rest-error.js';
import { definitionKeyCache, type RouteContext } from './routes/context.js';
import { registerEngineInfo } from './routes/engine-info.js';
import { registerDeployments } from './routes/deployments.js';
import { registerProcessDefinitions } from './routes/process-definitions.js';
import { registerProcessInstances } from './routes/process-instances.js';
import { registerExecutions } from './routes/executions.js';
import { registerExternalTasks, runTaskCommand, TASK_COMMANDS } from './routes/external-tasks.js';
import { createHotPath, type HotPath, type PlainMiddleware } from './hot-path.js';
import { registerTasks } from './routes/tasks.js';
import { registerMessages } from './routes/messages.js';
import { registerIncidents } from './routes/incidents.js';
import { registerJobs } from './routes/jobs.js';
import { registerHistory } from './routes/history.js';

/** What the `/engine-rest` router needs: the engine and the wire settings. */
export interface EngineRestOptions {
  engine: EnginePort;
  /** Basic auth; null or absent means open. */
  auth?: BasicAuthCredentials | null;
  /** Answer only clients on this machine (loopback), others 401. Default false. */
  loopbackOnly?: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (`compileTrustProxy`). Default none. */
  trustProxy?: TrustProxy;
  logger?: Logger;
  /** Zone for dates on the wire (Camunda uses the JVM's zone). Default Europe/London. */
  timezone?: string;
  /** Largest JSON body in bytes. Default the input policy's MAX_JSON_BODY_BYTES (1 MiB). */
  jsonLimit?: number;
  multipartLimits?: Partial<MultipartLimits>;
  /** What `GET /version` reports: the Camunda 7 version whose API we mirror. */
  version?: string;
}

/** The Camunda 7 release whose REST API and diagrams (`modeler:executionPlatformVersion`) we target. */
export const CAMUNDA_API_VERSION = '7.23.0';

/** The `/engine-rest` router, and the hot path that serves the per-task commands before express. */
export interface EngineRest {
  router: Router;
  hotPath: HotPath;
}

/**
 * The `/engine-rest` router (auth, body parsing, every route, 404 and the error mapper) and a hot
 * path built from the very same auth, body parser, commands and error mapper.
 */
export function createEngineRest(options: EngineRestOptions): EngineRest {
  const ctx = routeContext(options);
  const auth = options.auth ? basicAuth(options.auth) : null;
  const local = options.loopbackOnly ? loopbackOnly(options.trustProxy ?? TRUST_NO_PROXY) : null;
  const json = jsonBodyParser({ limit: options.jsonLimit });
  const api = express.Router();
  for (const register of ROUTES) register(api, ctx);

  const router = express.Router();
  if (local) router.use(local);
  if (auth) router.use(auth);
  router.use(requireJsonBody);
  router.use(json as RequestHandler);
  router.use('/engine/default', api);
  router.use(api);
  router.use((_req, res) =>
    sendJson(res, 404, { type: 'NotFoundException', message: 'HTTP 404 Not Found', code: null }),
  );
  router.use(((err, req, res, _next) => {
    respondWithError(ctx.logger, err, req, res, req.route?.path ? String(req.route.path) : 'unmatched');
  }) as ErrorRequestHandler);
  const hotPath = createHotPath({
    local,
    auth: auth as PlainMiddleware | null,
    json,
    commands: TASK_COMMANDS,
    run: (command, id, body, res) => runTaskCommand(ctx, command, id, body, res),
    fail: (err, req, res, routePath) => respondWithError(ctx.logger, err, req, res, routePath),
  });
  return { router, hotPath };
}

/** Every route module, in registration order. */
const ROUTES = [
  registerEngineInfo,
  registerDeployments,
  registerProcessDefinitions,
  registerProcessInstances,
  registerExecutions,
  registerExternalTasks,
  registerTasks,
  registerMessages,
  registerIncidents,
  registerJobs,
  registerHistory,
];

function routeContext(options: EngineRestOptions): RouteContext {
  const zone = options.timezone ?? 'Europe/London';
  return {
    engine: options.engine,
    zone,
    fmt: dateFmt(zone),
    logger: options.logger ?? silentLogger,
    multipartLimits: { ...DEFAULT_MULTIPART_LIMITS, ...options.multipartLimits },
    version: options.version ?? CAMUNDA_API_VERSION,
    definitionKeyOf: definitionKeyCache(options.engine),
  };
}

/**
 * A body that is neither JSON nor multipart is refused before parsing (Camunda: 415), so a
 * text/plain body can never be half-read into a command.
 */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!hasBody(req) || req.is(['application/json', 'application/*+json', 'multipart/form-data'])) {
    next();
    return;
  }
  next(new RestError(415, 'NotSupportedException', 'HTTP 415 Unsupported Media Type'));
};

/** Answers a failed request with Camunda's error body; a bug is logged (name and stack only). */
function respondWithError(
  logger: Logger,
  err: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  routePath: string,
): void {
  const wire = toWireError(err);
  if (wire.internal) {
    // Name and stack only: a message could quote request data, which may be personal.
    logger.error('engine-rest internal error', {
      method: req.method ?? 'unknown',
      path: routePath,
      error: err instanceof Error ? err.name : typeof err,
      stack: err instanceof Error ? (err.stack ?? '').split('\n').slice(1, 8).join(' | ') : null,
    });
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body =
    wire.body.details === undefined
      ? { type: wire.body.type, message: wire.body.message, code: wire.body.code }
      : wire.body;
  sendJson(res, wire.status, body);
}
