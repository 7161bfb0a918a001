/**
 * `GET /health`: liveness for a load balancer or a process manager, without authentication and with
 * nothing sensitive in it: whether the engine answers, the database reads, and the workers run.
 */
import { z } from 'zod';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';

const check = z.enum(['ok', 'failing', 'off']);

export function registerHealth(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/health',
    summary: 'Liveness: engine, database, workers',
    tag: 'Health',
    auth: 'none',
    responses: {
      200: {
        description: 'Everything answers',
        schema: z.object({ status: check, engine: check, database: check, workers: check }),
      },
      503: { description: 'Something does not answer' },
    },
    handler: async (_input, _req, res) => {
      const engine = await deps.engine.countProcessDefinitions({ latestVersion: true }).then(
        () => 'ok' as const,
        () => 'failing' as const,
      );
      let database: 'ok' | 'failing' = 'ok';
      try {
        deps.stores.db.prepare('SELECT 1').get();
      } catch {
        database = 'failing';
      }
      const workers = deps.workersRunning() ? ('ok' as const) : ('off' as const);
      const status = engine === 'ok' && database === 'ok' ? ('ok' as const) : ('failing' as const);
      res.status(status === 'ok' ? 200 : 503);
      return { status, engine, database, workers };
    },
  });
}
