/**
 * The app shell for a path: `index.html` as built, plus, for a lazy page (the escalation page and
 * its bpmn-js and form-js, the modeler, …), a `<link rel="modulepreload">` for each of that page's
 * scripts (from the build stamp, ../build/preloads.ts). The browser fetches and compiles them while
 * the entry script, the session and the page's data load; without them it would learn of the
 * page's chunk only once the entry had run and the session had answered, and of bpmn-js and
 * form-js only once that chunk had run. Only the matched page's scripts are named. The links are
 * same-origin module scripts, which `script-src 'self'` allows; nothing inline is added.
 */
import { routeAt } from '../app/route-paths.js';
import type { PagePreloads } from '../build/preloads.js';

/** The shell's bytes for a request path: one copy per lazy page, made once. */
export function pageShells(shell: Buffer, preloads: PagePreloads): (path: string) => Buffer {
  const html = shell.toString('utf8');
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  const byPage = new Map(
    Object.entries(preloads).map(([page, scripts]) => {
      // Indented like the shell's own links, before `</head>` (itself indented by two spaces).
      const links = scripts.map((href) => `  <link rel="modulepreload" href="${href}">\n  `).join('');
      return [page, Buffer.from(html.replace('</head>', `${links}</head>`), 'utf8')];
    }),
  );
  return (path) => {
    const page = routeAt(path)?.page;
    return (page && byPage.get(page)) || shell;
  };
}
