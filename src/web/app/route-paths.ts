/**
 * The app's URL paths, in one place for the browser's router and the server: the server answers
 * these with the app shell (200) and any other path with the same shell as a 404, which the app
 * shows as its not-found page. Add a page's path here, and its component in routes.tsx.
 */
export const PATHS = {
  dashboard: '/',
  signIn: '/sign-in',
  signedOut: '/signed-out',
  escalation: '/escalations/:id',
  diagrams: '/diagrams',
  diagramEditor: '/diagrams/:partnership/:key/versions/:version',
  escalationWithdraw: '/escalations/:id/withdraw',
  raise: '/raise',
  messages: '/messages',
  conferences: '/conferences',
  reports: '/reports',
} as const;

export type PageName = keyof typeof PATHS;

/** Whether `path` (no query) matches one of the app's paths (`:name` matches one segment). */
export function isAppPath(path: string): boolean {
  return Object.values(PATHS).some((pattern) => matches(pattern, path));
}

/** The process owners' modeler: its document has a CSP of its own (src/web/server/security-headers.ts). */
export function isModelerPath(path: string): boolean {
  return matches(PATHS.diagramEditor, path);
}

/** The page at `path` (no query) and its `:params` (decoded), or null when no page is there. */
export function routeAt(path: string): { page: PageName; params: Record<string, string> } | null {
  const page = (Object.keys(PATHS) as PageName[]).find((name) => matches(PATHS[name], path));
  if (!page) return null;
  const segments = split(path);
  const params: Record<string, string> = {};
  split(PATHS[page]).forEach((part, i) => {
    if (part.startsWith(':')) params[part.slice(1)] = safeDecode(segments[i]!);
  });
  return { page, params };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matches(pattern: string, path: string): boolean {
  const [parts, segments] = [split(pattern), split(path)];
  return parts.length === segments.length && parts.every((p, i) => p.startsWith(':') || p === segments[i]);
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** A path with its `:params` filled in, e.g. `pathTo('escalation', { id })`. */
export function pathTo(page: PageName, params: Record<string, string> = {}): string {
  return PATHS[page].replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
