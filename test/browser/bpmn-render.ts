/**
 * Renders BPMN diagrams with bpmn-js in real Chromium (Debian's `chromium`, driven by
 * playwright-core) and returns each diagram's import warnings and its SVG.
 * bpmn-js and the Camunda moddle descriptor are served from node_modules on a loopback port, so
 * nothing is fetched from outside.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { chromiumExecutable } from '../support/chromium.js';

const ROOT = resolve(import.meta.dirname, '../..');

const ASSETS: Record<string, [string, string]> = {
  '/bpmn-viewer.js': ['node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js', 'text/javascript'],
  '/diagram-js.css': ['node_modules/bpmn-js/dist/assets/diagram-js.css', 'text/css'],
  '/bpmn-js.css': ['node_modules/bpmn-js/dist/assets/bpmn-js.css', 'text/css'],
  '/camunda.json': ['node_modules/camunda-bpmn-moddle/resources/camunda.json', 'application/json'],
};

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/diagram-js.css"><link rel="stylesheet" href="/bpmn-js.css">
<style>html,body,#canvas{margin:0;width:100%;height:100%}</style></head>
<body><div id="canvas"></div><script src="/bpmn-viewer.js"></script><script>
fetch('/camunda.json').then(r => r.json()).then(camunda => {
  window.viewer = new BpmnJS({ container: '#canvas', moddleExtensions: { camunda } });
  window.ready = true;
});
</script></body></html>`;

/** bpmn-js names arrow markers randomly per page; number them in order so the SVG is reproducible. */
function stableMarkerIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/marker-[a-z0-9]{10,}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
    return ids.get(id)!;
  });
}

export interface RenderResult {
  file: string;
  warnings: string[];
  svg: string;
}

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const asset = ASSETS[req.url ?? ''];
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    } else if (asset) {
      res.writeHead(200, { 'content-type': asset[1] }).end(readFileSync(join(ROOT, asset[0])));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Imports every file into bpmn-js in one Chromium page, one after the other. */
export async function renderDiagrams(files: string[]): Promise<RenderResult[]> {
  const executablePath = chromiumExecutable();
  const server = await serve();
  const userDataDir = mkdtempSync(join(tmpdir(), 'escalations-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1800, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const results: RenderResult[] = [];
    for (const file of files) results.push(await renderOne(page, file));
    return results;
  } finally {
    await context.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launchPersistentContext>>['newPage']>>;

async function renderOne(page: Page, file: string): Promise<RenderResult> {
  const xml = readFileSync(file, 'utf8');
  const { warnings, svg } = await page.evaluate(async (text: string) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const viewer = (window as any).viewer;
    const imported = await viewer.importXML(text);
    viewer.get('canvas').zoom('fit-viewport');
    const { svg } = await viewer.saveSVG();
    return { warnings: imported.warnings.map((w: Error) => String(w.message)), svg: svg as string };
  }, xml);
  return { file, warnings, svg: stableMarkerIds(svg) };
}
