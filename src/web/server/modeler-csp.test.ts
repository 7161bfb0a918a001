/**
 * The process owners' modeler page runs under a CSP of its own (MODELER_CSP_DIRECTIVES): the app's
 * strict policy with one exception, `style-src-attr` allowing by hash exactly the `style` attributes
 * its libraries write as markup (bpmn-js-properties-panel's containers, bpmn-js's align and
 * distribute icons, the colour picker's swatches). These tests read the JavaScript the build ships
 * and fail when a library adds an inline style the policy does not allow (or drops one it no longer
 * needs), and check that only the modeler's address is served with the exception.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ApiHarness } from '../../../test/api/harness.js';
import { ensureWebBuilt } from '../build/ensure.js';
import { DEFAULT_DIST } from '../build/paths.js';
import { CSP_DIRECTIVES, MODELER_CSP_DIRECTIVES, MODELER_STYLE_ATTRIBUTES } from './security-headers.js';

/** Every `style="…"` (or `'…'`) attribute written in markup in `js`: the values a browser hashes. */
function styleAttributes(js: string): string[] {
  // Markup only: ` style="…"` after a space, not `el.style = "…"` (the DOM, which CSP allows) and
  // not `style=${…}` (htm templates, which Preact applies through the DOM too).
  return [...js.matchAll(/\sstyle=\\?(["'])([^"'\\]*)\\?\1/g)].map((m) => m[2]!);
}

const sha256 = (value: string) => `'sha256-${createHash('sha256').update(value).digest('base64')}'`;

describe('Web UI: the modeler page’s Content Security Policy', function () {
  this.timeout(180_000);

  it('Given the build, When every style attribute in markup in its JavaScript is read, Then they are exactly MODELER_STYLE_ATTRIBUTES, all in lazily loaded chunks, none in the app’s entry', async () => {
    await ensureWebBuilt(DEFAULT_DIST);
    const assets = join(DEFAULT_DIST, 'assets');
    const shell = readFileSync(join(DEFAULT_DIST, 'index.html'), 'utf8');
    const entry = /src="\/assets\/([^"]+\.js)"/.exec(shell)![1]!;
    const found = new Map<string, string[]>();
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js')))
      found.set(file, styleAttributes(readFileSync(join(assets, file), 'utf8')));
    expect(found.get(entry), entry).to.deep.equal([]);
    const all = new Set([...found.values()].flat());
    expect([...all].sort()).to.deep.equal([...MODELER_STYLE_ATTRIBUTES].sort());
  });

  it('Given the two policies, Then the modeler’s is the app’s but for style-src-attr: unsafe-hashes and the sha256 of each allowed attribute, no unsafe-inline anywhere', () => {
    const { 'style-src-attr': attr, ...rest } = MODELER_CSP_DIRECTIVES;
    expect(CSP_DIRECTIVES).to.not.have.property('style-src-attr');
    expect(rest).to.deep.equal(CSP_DIRECTIVES);
    expect(attr).to.deep.equal(["'unsafe-hashes'", ...MODELER_STYLE_ATTRIBUTES.map(sha256)]);
    // A known value, hashed by hand, so the hashing itself is checked too.
    expect(attr).to.include("'sha256-" + createHash('sha256').update('height: 100%').digest('base64') + "'");
    expect(JSON.stringify(MODELER_CSP_DIRECTIVES)).to.not.contain('unsafe-inline');
    expect(MODELER_CSP_DIRECTIVES['style-src']).to.deep.equal(["'self'"]);
    expect(MODELER_CSP_DIRECTIVES['script-src']).to.deep.equal(["'self'"]);
  });

  describe('served by the product', () => {
    let h: ApiHarness;
    before(async () => {
      h = await ApiHarness.start({ workers: false });
    });
    after(async () => h?.stop());

    it('Given the modeler’s address, Then its document has the modeler’s policy; every other page the strict one', async () => {
      const csp = async (path: string) =>
        (await fetch(`${h.base}${path}`)).headers.get('content-security-policy') ?? '';
      const modeler = await csp('/diagrams/liverpool/LiverpoolEscalation/versions/1');
      expect(modeler).to.contain(
        "style-src-attr 'unsafe-hashes' " + MODELER_STYLE_ATTRIBUTES.map(sha256).join(' '),
      );
      expect(modeler).to.contain("style-src 'self'").and.to.contain("script-src 'self'");
      for (const path of ['/', '/diagrams', '/diagrams/liverpool', '/diagrams/liverpool/x/versions/1/more']) {
        const strict = await csp(path);
        expect(strict, path).to.contain("default-src 'self'");
        expect(strict, path).to.not.contain('unsafe-hashes');
      }
    });
  });
});
