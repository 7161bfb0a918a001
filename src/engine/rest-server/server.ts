/**
 * The HTTP application: `/engine-rest` today, with room for more routers beside it (the
 * escalations API and the UI mount on the same app). `listen` starts it and returns a handle
 * whose `close` ends idle keep-alive connections so shutdown does not hang.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { createEngineRestRouter, type EngineRestOptions } from './engine-rest-router.js';

/** Options of {@link createServer}; today those of the `/engine-rest` router. */
export type ServerOptions = EngineRestOptions;

/** The express app with `/engine-rest` mounted; mount further routers with `app.use(path, router)`. */
export function createServer(options: ServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Paths are matched exactly as Camunda's JAX-RS does; `/Engine-Rest` is not the same resource.
  app.set('case sensitive routing', true);
  app.set('query parser', 'simple');
  app.use('/engine-rest', createEngineRestRouter(options));
  return app;
}

/** A listening server and how to stop it. */
export interface RunningServer {
  server: http.Server;
  port: number;
  /** Base URL of the REST API, e.g. `http://127.0.0.1:8080/engine-rest`. */
  engineRestUrl: string;
  /** Stops accepting connections and resolves once every connection is closed. */
  close(graceMs?: number): Promise<void>;
}

/** Listens on `port` (0 for a random free port) and `host`. */
export function listen(app: Express, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const server = http.createServer(app);
  // A long poll may wait up to 30 minutes; headers must still arrive promptly.
  server.headersTimeout = 60_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({
        server,
        port: actual,
        engineRestUrl: `http://${shown}:${actual}/engine-rest`,
        close: (g) => closeServer(server, g),
      });
    });
  });
}

function closeServer(server: http.Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    // A keep-alive connection turns idle once its in-flight answer (e.g. a long poll's []) is sent.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    force.unref();
    sweep.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
