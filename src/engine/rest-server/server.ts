/**
 * The HTTP application: `/engine-rest` today, with room for more routers beside it (the
 * escalations API and the UI mount on the same app). `listen` starts it and returns a handle
 * whose `close` ends idle keep-alive connections so shutdown does not hang.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { createEngineRest, type EngineRestOptions } from './engine-rest-router.js';
import type { HotPath } from './hot-path.js';

/** Options of {@link createServer}; today those of the `/engine-rest` router. */
export type ServerOptions = EngineRestOptions;

/** The hot path of each app made by {@link createServer}, which {@link listen} puts before express. */
const hotPaths = new WeakMap<Express, HotPath>();

/**
 * The express app with `/engine-rest` mounted; mount further routers with `app.use(path, router)`.
 * When served by {@link listen}, the worker's per-task commands under `/engine-rest/external-task/`
 * are answered before express (see `hot-path.ts`): app-level middleware added later does not see
 * those requests, so mount routers on their own paths.
 */
export function createServer(options: ServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Paths are matched exactly as Camunda's JAX-RS does; `/Engine-Rest` is not the same resource.
  app.set('case sensitive routing', true);
  app.set('query parser', 'simple');
  // req.ip, req.protocol and req.secure believe the same proxies as the loopback check.
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  const { router, hotPath } = createEngineRest(options);
  app.use('/engine-rest', router);
  hotPaths.set(app, hotPath);
  return app;
}

/** A listening server and how to stop it. */
export interface RunningServer {
  server: http.Server;
  port: number;
  /**
   * Base URL of the REST API for a client on this machine, e.g. `http://127.0.0.1:8080/engine-rest`
   * (the loopback address when it listens on every interface).
   */
  engineRestUrl: string;
  /** Where it really listens, e.g. `http://0.0.0.0:8080/engine-rest` or `http://[::1]:8080/engine-rest`. */
  listenUrl: string;
  /** Whether it listens on every interface (`0.0.0.0` or `::`). */
  allInterfaces: boolean;
  /** Stops accepting connections and resolves once every connection is closed. */
  close(graceMs?: number): Promise<void>;
}

const urlHost = (address: string): string => (address.includes(':') ? `[${address}]` : address);

/** The request listener {@link listen} serves: the app's hot path first, then express. */
export function requestListener(app: Express): http.RequestListener {
  const hot = hotPaths.get(app);
  return hot ? (req, res) => void (hot(req, res) || app(req, res)) : app;
}

/**
 * Listens on `port` (0 for a random free port) and `host`. `wrap` puts something around every
 * request, hot path included (the product's request ids, access log and timing).
 */
export function listen(
  app: Express,
  port: number,
  host = '0.0.0.0',
  wrap: (listener: http.RequestListener) => http.RequestListener = (listener) => listener,
): Promise<RunningServer> {
  const server = http.createServer(wrap(requestListener(app)));
  // A long poll may wait up to 30 minutes; headers must still arrive promptly.
  server.headersTimeout = 60_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { address, port: actual, family } = server.address() as AddressInfo;
      const allInterfaces = address === '0.0.0.0' || address === '::';
      const local = allInterfaces ? (family === 'IPv6' ? '::1' : '127.0.0.1') : address;
      resolve({
        server,
        port: actual,
        engineRestUrl: `http://${urlHost(local)}:${actual}/engine-rest`,
        listenUrl: `http://${urlHost(address)}:${actual}/engine-rest`,
        allInterfaces,
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
