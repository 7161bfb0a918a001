/**
 * Serves the web UI at `/`: the built files (built first when stale, see ../build/ensure.ts) from
 * memory, each asset with a long cache life (its name carries its hash), and the app shell
 * (`index.html`, never cached) for the app's paths, so that a reload or a link to
 * `/escalations/:id` opens the app there. Other paths get the same shell as a 404, which the app
 * shows as its not-found page. `/api` and `/engine-rest` are never answered here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Router } from 'express';
import type { Logger } from '../../log/logger.js';
import { DEFAULT_DIST } from '../build/paths.js';
import { ensureWebBuilt } from '../build/ensure.js';
import { readStamp } from '../build/stamp.js';
import { isAppPath, isModelerPath } from '../app/route-paths.js';
import { pageShells } from './page-shell.js';
import { MODELER_CSP_DIRECTIVES, securityHeaders } from './security-headers.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the API or the engine, whatever their method. */
const NOT_OURS = /^\/(api|engine-rest)(\/|$)/;

export interface WebUiOptions {
  logger: Logger;
  /** Where the build is (default `dist/web`). */
  distDir?: string;
}

export async function createWebUi({ logger, distDir = DEFAULT_DIST }: WebUiOptions): Promise<Router> {
  const started = performance.now();
  const { built } = await ensureWebBuilt(distDir);
  if (built) logger.info('web UI built', { ms: Math.round(performance.now() - started), dir: distDir });
  const assets = loadAssets(join(distDir, 'assets'));
  const shellFor = pageShells(readFileSync(join(distDir, 'index.html')), readStamp(distDir)?.preloads ?? {});

  const router = Router();
  const headers = securityHeaders();
  const modelerHeaders = securityHeaders(MODELER_CSP_DIRECTIVES);
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_OURS.test(req.path)) return next();
    (isModelerPath(req.path) ? modelerHeaders : headers)(req, res, () => {
      res.setHeader('X-Robots-Tag', 'noindex, nofollow');
      const asset = assets.get(req.path);
      if (asset) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        res.type(asset.type).send(asset.body);
      } else if (req.path.startsWith('/assets/')) {
        res.status(404).type('text/plain').send('Not found');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
        res
          .status(isAppPath(req.path) ? 200 : 404)
          .type('text/html; charset=utf-8')
          .send(shellFor(req.path));
      }
    });
  });
  return router;
}

function loadAssets(dir: string): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)] ?? 'application/octet-stream';
    assets.set(`/assets/${name}`, { body: readFileSync(join(dir, name)), type });
  }
  return assets;
}
