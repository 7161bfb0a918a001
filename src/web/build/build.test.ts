/**
 * The web UI's build: the same inputs give the same bytes (built twice into two directories), the
 * stamp knows when it is stale, and what it ships has no GOV.UK branding (no GDS Transport font or
 * @font-face, no crown or crest) and no inline script or style.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir } from '../../../test/support/temp-dir.js';
import { buildWeb } from './build.js';
import { ensureWebBuilt } from './ensure.js';
import { hashInputs, isFresh, readStamp } from './stamp.js';

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

describe('Web UI build', function () {
  this.timeout(120_000);
  const dir = tempDir('web-build');
  after(() => dir.remove());

  it('Given the same sources, When built twice into two directories, Then every file is byte for byte the same', async () => {
    await buildWeb(join(dir.path, 'one'));
    await buildWeb(join(dir.path, 'two'));
    const one = tree(join(dir.path, 'one'));
    const two = tree(join(dir.path, 'two'));
    expect([...one.keys()].sort()).to.deep.equal([...two.keys()].sort());
    for (const [file, bytes] of one) expect(bytes.equals(two.get(file)!), file).to.equal(true);
    expect([...one.keys()]).to.include.members(['index.html', 'build.json']);
  });

  it('Given a build, When its stamp is checked, Then it is fresh, and a second ensure does not build again', async () => {
    const out = join(dir.path, 'one');
    expect(isFresh(out)).to.equal(true);
    expect(await ensureWebBuilt(out)).to.deep.equal({ outDir: out, built: false });
    const stamp = readStamp(out)!;
    expect(stamp.inputs).to.include.members(['src/web/app/main.tsx', 'src/web/app/styles/main.scss']);
    expect(stamp.inputs.some((i) => i.startsWith('node_modules/govuk-frontend/'))).to.equal(true);
    expect(stamp.inputs.some((i) => i.startsWith('node_modules/preact/'))).to.equal(true);
  });

  it('Given the lazy pages of routes.tsx, When built, Then the stamp names each page’s scripts: the escalation page’s chunk first, then its chunks, bpmn-js and form-js, and none the entry already loads or only another page needs', () => {
    const out = join(dir.path, 'one');
    const { preloads } = readStamp(out)!;
    expect(Object.keys(preloads).sort()).to.deep.equal(
      [
        'conferences',
        'diagramEditor',
        'escalation',
        'escalationWithdraw',
        'messages',
        'raise',
        'reports',
      ].sort(),
    );
    const js = (url: string) => readFileSync(join(out, url)).toString('utf8');
    const escalation = preloads.escalation!;
    for (const url of Object.values(preloads).flat()) expect(url).to.match(/^\/assets\/chunk-[A-Z0-9]+\.js$/);
    // The page's own chunk (its headings), bpmn-js (diagram-js's canvas) and form-js (its form classes).
    expect(js(escalation[0]!)).to.contain('What needs doing now');
    expect(escalation.some((u) => js(u).includes('djs-container'))).to.equal(true);
    expect(escalation.some((u) => js(u).includes('fjs-form'))).to.equal(true);
    // Not the entry's own imports (the entry script loads those), not the modeler's chunk.
    const entry = /src="(\/assets\/main-[A-Z0-9]+\.js)"/.exec(
      readFileSync(join(out, 'index.html'), 'utf8'),
    )![1]!;
    const entryImports = [...js(entry).matchAll(/(?:from|import)"\.\/(chunk-[A-Z0-9]+\.js)"/g)].map(
      (m) => `/assets/${m[1]}`,
    );
    expect(entryImports).to.have.length.greaterThan(0);
    expect(escalation.filter((u) => entryImports.includes(u))).to.deep.equal([]);
    expect(escalation).to.not.include(preloads.diagramEditor![0]);
    expect(preloads.raise).to.have.length.greaterThan(0);
  });

  it('Given recorded inputs, When one changes or disappears, Then the hash changes or the build counts as stale', () => {
    const root = dir.path;
    writeFileSync(join(root, 'a.txt'), 'one');
    const before = hashInputs(['a.txt'], root);
    writeFileSync(join(root, 'a.txt'), 'two');
    expect(hashInputs(['a.txt'], root)).to.not.equal(before);
    expect(hashInputs(['a.txt', 'missing.txt'], root)).to.equal(null);
    expect(isFresh(join(root, 'no-build-here'))).to.equal(false);
  });

  it('Given the build, When its CSS and HTML are read, Then there is no GOV.UK font, crown or crest, no font face but the modeler’s icon font, no url( but the build’s own assets (and two overridden library images), and no inline script or style', () => {
    const files = tree(join(dir.path, 'one'));
    const css = [...files]
      .filter(([f]) => f.endsWith('.css'))
      .map(([, b]) => b.toString('utf8'))
      .join('\n');
    expect(css).to.have.length.greaterThan(10_000);
    expect(css).to.not.match(/GDS Transport|crest|crown/i);
    // The process owners' modeler brings the one font face, bpmn-js's icon font `bpmn` (the palette's
    // and context pad's icons), served as assets of the build like every url(): none elsewhere. The
    // libraries' two data: images (CSP img-src 'self' refuses them) are overridden by modeler.css.
    // (Each stylesheet holds it: the entry's, and the modeler chunk's own.)
    expect([...new Set(css.match(/@font-face\{font-family:[^;]+/g))]).to.deep.equal([
      '@font-face{font-family:bpmn',
    ]);
    const urls = [...css.matchAll(/url\((['"]?)([^'")]*)/g)].map((m) => m[2]!);
    expect(urls.filter((u) => !u.startsWith('./') && !u.startsWith('data:'))).to.deep.equal([]);
    expect(new Set(urls.filter((u) => u.startsWith('data:'))).size).to.equal(2);
    expect(css).to.match(/\.bjs-breadcrumbs li:not\(:first-child\):before\{content:"\u203A"\}/);
    expect(css).to.match(
      /\.bio-properties-panel-input\[type=checkbox\]:checked\{background-image:url\("\.\/checkbox-checked-[A-Z0-9]+\.svg"\)\}/,
    );
    expect(css).to.contain('system-ui');
    const html = files.get('index.html')!.toString('utf8');
    expect(html).to.not.match(/<style|style=|<script(?![^>]*\ssrc=)/);
    expect(html).to.match(/<script type="module" src="\/assets\/main-[A-Z0-9]+\.js"><\/script>/);
    const js = [...files]
      .filter(([f]) => f.endsWith('.js'))
      .map(([, b]) => b.toString('utf8'))
      .join('\n');
    expect(js).to.not.match(/GDS Transport|govuk-header__logotype|govuk-footer__crown/);
  });
});
