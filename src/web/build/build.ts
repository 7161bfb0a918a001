/**
 * Builds the web UI into a directory: the Preact app bundled by esbuild (ES modules, split so that
 * heavy pages such as the diagram and the modeler load only when opened), GOV.UK Frontend's Sass
 * compiled by `sass` (pure JS) with a system font stack and no GOV.UK font or crown, the favicon,
 * `index.html` (the app shell, no inline script or style) and `build.json` (the stamp). Asset names
 * carry a hash of their contents, so they can be cached for ever. Same inputs, same bytes: no
 * timestamps, no absolute paths, no source maps that would name the output directory.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as sass from 'sass';
import { APP_DIR, ROOT, STAMP_FILE } from './paths.js';
import { BUILD_FORMAT, hashInputs, type BuildStamp } from './stamp.js';
import { bpmnlintPlugin } from './bpmnlint-bundle.js';
import { entryPreloads, pagePreloads, type PagePreloads } from './preloads.js';

/** What the build reads besides what esbuild and sass report: its own code and the tools' versions. */
const FIXED_INPUTS = [
  'src/web/build/build.ts',
  'src/web/build/paths.ts',
  'src/web/build/stamp.ts',
  'src/web/build/preloads.ts',
  'src/web/app/index.html',
  'src/web/app/favicon.svg',
  'node_modules/esbuild/package.json',
  'node_modules/sass/package.json',
  // The modeler's lint rules: the plugin that bundles them, and the configs it resolves at build time.
  'src/web/build/bpmnlint-bundle.ts',
  'node_modules/bpmnlint/package.json',
  'node_modules/bpmnlint-plugin-camunda-compat/package.json',
];

const posix = (path: string) => path.split(sep).join('/');

/** Builds everything into `outDir` (emptied first) and returns the stamp it wrote. */
export async function buildWeb(outDir: string): Promise<BuildStamp> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const scripts = await bundleScripts(outDir);
  const styles = compileStyles(outDir);
  const favicon = copyHashed(outDir, join(APP_DIR, 'favicon.svg'), 'favicon', 'svg');
  writeFileSync(
    join(outDir, 'index.html'),
    shell({
      script: scripts.entry,
      modules: scripts.entryChunks,
      styles: [styles.file, ...scripts.css],
      favicon,
    }),
  );
  const inputs = [...new Set([...FIXED_INPUTS, ...scripts.inputs, ...styles.inputs])].sort();
  const hash = hashInputs(inputs);
  if (hash === null) throw new Error('A build input disappeared during the build; build again.');
  const stamp: BuildStamp = { format: BUILD_FORMAT, hash, inputs, preloads: scripts.preloads };
  writeFileSync(join(outDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}

interface Bundled {
  /** `/assets/main-<hash>.js` */
  entry: string;
  /** The chunks the entry imports, which the shell preloads. */
  entryChunks: string[];
  /** CSS that modules import (e.g. a library's stylesheet), bundled by esbuild. */
  css: string[];
  inputs: string[];
  preloads: PagePreloads;
}

async function bundleScripts(outDir: string): Promise<Bundled> {
  const entryPoint = 'src/web/app/main.tsx';
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: entryPoint },
    outdir: join(outDir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Browsers released since 2022 (module scripts, top-level await not needed).
    target: ['es2022', 'chrome109', 'firefox115', 'safari15.6'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    // Fonts and images that a library's CSS refers to (e.g. bpmn-js's icon font) become assets.
    loader: {
      '.woff': 'file',
      '.woff2': 'file',
      '.ttf': 'file',
      '.eot': 'file',
      '.svg': 'file',
      '.png': 'file',
    },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [bpmnlintPlugin()],
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const main = outputs.find(([, o]) => o.entryPoint === entryPoint);
  if (!main) throw new Error(`esbuild wrote no output for ${entryPoint}`);
  const url = (file: string) => `/${posix(relative(outDir, join(ROOT, file)))}`;
  return {
    entry: url(main[0]),
    entryChunks: entryPreloads(result.metafile, main[0], url),
    css: main[1].cssBundle ? [url(main[1].cssBundle)] : [],
    preloads: pagePreloads(result.metafile, readFileSync(join(APP_DIR, 'routes.tsx'), 'utf8'), main[0], url),
    // A CSS url's query or fragment (`bpmn.eot?44822120#iefix`) is part of its input's name here.
    inputs: Object.keys(result.metafile.inputs).map((input) => posix(input.replace(/[?#].*$/, ''))),
  };
}

function compileStyles(outDir: string): { file: string; inputs: string[] } {
  const result = sass.compile(join(APP_DIR, 'styles/main.scss'), {
    style: 'compressed',
    importers: [new sass.NodePackageImporter(ROOT)],
    // GOV.UK Frontend still uses a few deprecated Sass features; they are its to fix, not ours.
    quietDeps: true,
  });
  const css = Buffer.from(result.css, 'utf8');
  const file = writeHashed(outDir, css, 'main', 'css');
  const inputs = result.loadedUrls
    .filter((u) => u.protocol === 'file:')
    .map((u) => posix(relative(ROOT, fileURLToPath(u))));
  return { file, inputs };
}

function copyHashed(outDir: string, source: string, name: string, ext: string): string {
  return writeHashed(outDir, readFileSync(source), name, ext);
}

function writeHashed(outDir: string, bytes: Buffer, name: string, ext: string): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const file = `assets/${name}-${hash}.${ext}`;
  writeFileSync(join(outDir, file), bytes);
  return `/${file}`;
}

/** `index.html` from its template: the stylesheets, the module script (and its chunks') and the icon, nothing inline. */
function shell(assets: { script: string; modules: string[]; styles: string[]; favicon: string }): string {
  const template = readFileSync(join(APP_DIR, 'index.html'), 'utf8');
  const styles = assets.styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n    ');
  const modules = assets.modules.map((href) => `\n    <link rel="modulepreload" href="${href}">`).join('');
  return template
    .replace('<!-- styles -->', styles)
    .replace('<!-- script -->', `<script type="module" src="${assets.script}"></script>${modules}`)
    .replace('<!-- icon -->', `<link rel="icon" href="${assets.favicon}" type="image/svg+xml">`);
}
