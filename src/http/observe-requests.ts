/**
 * Wraps the server's request listener: every request gets its id (answered as `X-Request-Id`) and
 * runs inside its request context, so every log line written while serving it names the id; when
 * it ends, one access line is logged (method, route template, status, milliseconds: never a raw
 * path, query or header) and the observer is told (the HTTP latency histogram of `/metrics`).
 */
import type http from 'node:http';
import type { Logger } from '../log/logger.js';
import { withRequestContext } from '../log/request-context.js';
import type { TrustProxy } from './client-address.js';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
import { watchRoute } from './route-template.js';

/** One ended request, as `/metrics` counts it. */
export interface EndedRequest {
  method: string;
  /** The route template, e.g. `/api/v1/escalations/:id`, or `(unmatched)`. */
  route: string;
  /** The status sent, or 499 when the client went away first (as nginx logs it). */
  status: number;
  seconds: number;
}

export interface RequestObservation {
  trust: TrustProxy;
  logger: Logger;
  /** Told of every request once it ends. */
  ended?: (request: EndedRequest) => void;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The listener with request ids, the access log and request timing around it. */
export function observeRequests(
  listener: http.RequestListener,
  { trust, logger, ended }: RequestObservation,
): http.RequestListener {
  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdOf(req, trust);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const route = watchRoute(req);
    res.once('close', () => {
      const request: EndedRequest = {
        method: METHODS.has(req.method ?? '') ? req.method! : 'OTHER',
        route: route(),
        status: res.writableFinished ? res.statusCode : 499,
        seconds: (performance.now() - started) / 1000,
      };
      ended?.(request);
      logger.info('http request', {
        requestId,
        method: request.method,
        route: request.route,
        status: request.status,
        ms: Math.round(request.seconds * 1000),
      });
    });
    withRequestContext({ requestId }, () => listener(req, res));
  };
}
