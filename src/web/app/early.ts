/**
 * What the app starts before its first render: who is signed in (every page waits for that) and,
 * for the page at the address it opened on, that page's code (a lazy page's chunk, which the
 * server's shell has had the browser fetch already, see src/web/server/page-shell.ts) and, for a
 * page that has one, its data. All of it then loads at once, instead of one after the other once
 * the app has rendered.
 */
import type { ComponentType } from 'preact';
import { prefetchEscalation } from './pages/escalation/prefetch.js';
import { routeAt, type PageName } from './route-paths.js';
import { ROUTES } from './routes.js';
import { prefetchSession } from './session/session.js';

/** Pages whose data is asked for early, by their route's parameters. */
const PREFETCH: Partial<Record<PageName, (params: Record<string, string>) => void>> = {
  escalation: prefetchEscalation,
};

export function startEarly(path: string): void {
  // First, so that the API answers it first: every page waits for the session.
  prefetchSession();
  const route = routeAt(path);
  if (!route) return;
  PREFETCH[route.page]?.(route.params);
  // preact-iso's lazy() component: the same import the router makes on first render, begun now.
  const component = ROUTES[route.page].component as ComponentType & { preload?: () => Promise<unknown> };
  component.preload?.().catch(() => undefined);
}
