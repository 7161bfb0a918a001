/**
 * The route a request matched, as its template (`/api/v1/escalations/:id`), never its raw path: a
 * label of `/metrics` or a field of a log line must not carry ids, and must stay a small set
 * whatever clients send. Express sets `req.route` when a route matches; a setter on the request
 * reads the mount path (`req.baseUrl`) at that moment, before express restores it.
 */
import type { IncomingMessage } from 'node:http';

/** Requests no route answered: the worker's per-task commands served before express, assets, pages. */
const TASK_COMMAND =
  /^\/engine-rest\/external-task\/[^/?]+\/(complete|failure|bpmnError|extendLock|lock|unlock)(?:\?|$)/;

/** Starts watching `req` for the route express matches; returns a function that names it. */
export function watchRoute(req: IncomingMessage): () => string {
  // As received: express rewrites req.url while it routes through mounted routers.
  const url = req.url ?? '';
  let template: string | null = null;
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      const base = (req as { baseUrl?: unknown }).baseUrl;
      // The mount paths are fixed strings, but their spelling comes from the client: one case only.
      if (value && typeof value.path === 'string')
        template = `${typeof base === 'string' ? base.toLowerCase() : ''}${value.path}`;
    },
  });
  return () => template ?? unroutedLabel(url);
}

function unroutedLabel(url: string): string {
  const command = TASK_COMMAND.exec(url);
  if (command) return `/engine-rest/external-task/:id/${command[1]}`;
  if (/^\/assets\//.test(url)) return '/assets/:file';
  if (/^\/(api|engine-rest|metrics)(\/|\?|$)/i.test(url)) return '(unmatched)';
  return '(web ui page)';
}
