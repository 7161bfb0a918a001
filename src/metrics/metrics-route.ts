/**
 * `GET /metrics`: the Prometheus text exposition of {@link ProductMetrics}, for the clients
 * {@link metricsAccess} lets in; never cached.
 */
import type { RequestHandler } from 'express';
import type { TrustProxy } from '../http/client-address.js';
import { metricsAccess } from './metrics-access.js';
import type { ProductMetrics } from './product-metrics.js';

export function metricsHandler(
  metrics: ProductMetrics,
  token: string | null,
  trust: TrustProxy,
): RequestHandler {
  const allowed = metricsAccess(token, trust);
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    const verdict = allowed(req);
    if (!verdict.ok) {
      if (verdict.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(verdict.status).type('text/plain; charset=utf-8').send(verdict.message);
      return;
    }
    metrics.scrape().then((text) => void res.type(metrics.contentType).send(text), next);
  };
}
