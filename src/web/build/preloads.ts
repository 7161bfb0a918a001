/**
 * Which scripts each lazy page needs, from esbuild's metafile, so that the server can name them in
 * the shell it answers for that page's path (`<link rel="modulepreload">`, see
 * ../server/page-shell.ts): the browser then fetches and compiles the page's chunk and its
 * libraries while the entry script, the session and the page's data load, instead of one after
 * the other. The lazy pages are read from `app/routes.tsx` (`name: { component: lazy(() =>
 * import('…')) }`), resolved to modules by esbuild's own record of that file's dynamic imports.
 */
import type { Metafile } from 'esbuild';

/** Page name (`PATHS`' key) → the `/assets/…` URLs of its scripts, the page's own chunk first. */
export type PagePreloads = Record<string, string[]>;

const ROUTES_FILE = 'src/web/app/routes.tsx';
const LAZY_ROUTE = /(\w+):\s*\{\s*component:\s*lazy\(\s*\(\)\s*=>\s*import\(\s*'([^']+)'\s*\)\s*\)/g;

/**
 * Each lazy page's scripts: its chunk, every chunk that imports statically, and the libraries it
 * imports dynamically (the escalation page fetches bpmn-js and form-js as soon as it runs) with
 * theirs; not the chunks the entry script already imports. Its CSS needs no preload: esbuild puts
 * the CSS of lazily imported modules in the entry's stylesheet, which the shell links.
 */
export function pagePreloads(
  metafile: Metafile,
  routesSource: string,
  entryOutput: string,
  url: (output: string) => string,
): PagePreloads {
  const lazyImports = metafile.inputs[ROUTES_FILE]?.imports.filter((i) => i.kind === 'dynamic-import') ?? [];
  const pages = [...routesSource.matchAll(LAZY_ROUTE)];
  // A lazy route written some other way would silently lose its preload: refuse the build instead.
  if (pages.length !== (routesSource.match(/\blazy\(/g)?.length ?? 0) || pages.length !== lazyImports.length)
    throw new Error(
      `${ROUTES_FILE}: every lazy page must read "name: { component: lazy(() => import('…')) }"`,
    );
  const byEntry = new Map(
    Object.entries(metafile.outputs).flatMap(([file, o]) => (o.entryPoint ? [[o.entryPoint, file]] : [])),
  );
  const loadedByEntry = closure(metafile, entryOutput, false);
  const preloads: PagePreloads = {};
  for (const [, name, specifier] of pages) {
    const module = lazyImports.find((i) => i.original === specifier)?.path;
    const chunk = module && byEntry.get(module);
    if (!name || !chunk) throw new Error(`${ROUTES_FILE}: no chunk for the lazy page ${name} (${specifier})`);
    preloads[name] = closure(metafile, chunk, true)
      .filter((file) => !loadedByEntry.includes(file))
      .map(url);
  }
  return preloads;
}

/**
 * The chunks the entry script imports (for every page): the shell names them too, so the browser
 * fetches them alongside the entry rather than once it has arrived and been read.
 */
export function entryPreloads(
  metafile: Metafile,
  entryOutput: string,
  url: (output: string) => string,
): string[] {
  return closure(metafile, entryOutput, false).slice(1).map(url);
}

/** `output` and the JavaScript it imports statically (and, if `dynamic`, dynamically), in the order found. */
function closure(metafile: Metafile, output: string, dynamic: boolean): string[] {
  const found = [output];
  for (let i = 0; i < found.length; i++)
    for (const { path, kind } of metafile.outputs[found[i]!]?.imports ?? [])
      if ((kind === 'import-statement' || (dynamic && kind === 'dynamic-import')) && !found.includes(path))
        if (path.endsWith('.js')) found.push(path);
  return found;
}
