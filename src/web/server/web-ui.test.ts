/**
 * The product serves the web UI at `/` beside `/api` and `/engine-rest`: the app shell for the app's
 * paths (a reload of `/escalations/:id` opens the app there), the same shell as a 404 for any other
 * path, hashed assets cached for ever, the strict CSP on all of it, and the API and the engine as
 * they were.
 */
import { expect } from 'chai';
import { ApiHarness } from '../../../test/api/harness.js';
import { DEFAULT_DIST } from '../build/paths.js';
import { readStamp } from '../build/stamp.js';
import { CSP_DIRECTIVES } from './security-headers.js';

/** A shell without the modulepreload links of lazy pages' scripts (never the entry's: see build.test.ts). */
function withoutPagePreloads(html: string): string {
  const pages = new Set(Object.values(readStamp(DEFAULT_DIST)!.preloads).flat());
  return html
    .split('\n')
    .filter((line) => !pages.has(/^ *<link rel="modulepreload" href="([^"]+)">$/.exec(line)?.[1] ?? ''))
    .join('\n');
}

describe('Web UI served by the product', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  before(async () => {
    h = await ApiHarness.start({ workers: false });
  });
  after(async () => {
    await h?.stop();
  });
  const get = (path: string, init?: RequestInit) => fetch(`${h.base}${path}`, init);

  it('Given the app’s paths, When requested, Then each answers the app shell (200, not cached) under the CSP; other paths the same shell as a 404', async () => {
    const shell = await (await get('/')).text();
    expect(shell).to.match(/^<!doctype html>/);
    for (const path of [
      '/',
      '/sign-in',
      '/signed-out',
      '/escalations/0b1e6c4a-1d2b-4c3d-8e9f-0a1b2c3d4e5f',
    ]) {
      const res = await get(path);
      expect(res.status, path).to.equal(200);
      // A lazy page's shell also names its scripts (next test): the rest of it is the same.
      expect(withoutPagePreloads(await res.text()), path).to.equal(shell);
      expect(res.headers.get('cache-control')).to.equal('no-cache');
      expect(res.headers.get('content-security-policy')).to.contain("default-src 'self'");
    }
    for (const path of ['/nothing', '/escalations', '/escalations/a/b', '/sign-in/x']) {
      const res = await get(path);
      expect(res.status, path).to.equal(404);
      expect(await res.text(), path).to.equal(shell);
    }
    expect((await get('/', { method: 'HEAD' })).status).to.equal(200);
    expect((await get('/', { method: 'POST' })).status).to.equal(404);
  });

  it('Given the shell, When its assets are fetched, Then each has its type and a year’s immutable cache life; an unknown asset is a plain 404', async () => {
    const shell = await (await get('/')).text();
    const assets = [...shell.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    // Two stylesheets: GOV.UK Frontend's and ours (sass), and the libraries' CSS (esbuild's bundle);
    // the entry script and the chunks it imports (preloaded).
    expect(assets.filter((a) => !a.endsWith('.js')).map((a) => a.split('.').pop())).to.deep.equal([
      'svg',
      'css',
      'css',
    ]);
    expect(assets.filter((a) => /^\/assets\/main-[A-Z0-9]+\.js$/.test(a))).to.have.length(1);
    expect(assets.filter((a) => /^\/assets\/chunk-[A-Z0-9]+\.js$/.test(a))).to.have.length.greaterThan(0);
    for (const asset of assets) {
      const res = await get(asset);
      expect(res.status, asset).to.equal(200);
      expect(res.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).to.match(/^(text\/javascript|text\/css|image\/svg\+xml)/);
    }
    const missing = await get('/assets/main-NOTHERE.js');
    expect(missing.status).to.equal(404);
    expect(missing.headers.get('content-type')).to.contain('text/plain');
  });

  it('Given a lazy page’s path, When its shell is requested, Then it preloads exactly that page’s scripts from the build stamp (the escalation page: its chunk, bpmn-js, form-js) after the entry’s chunks, each served with a year’s cache life; other paths preload only the entry’s chunks', async () => {
    const { preloads } = readStamp(DEFAULT_DIST)!;
    const preloadsOf = async (path: string) =>
      [...(await (await get(path)).text()).matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(
        (m) => m[1],
      );
    // Every shell preloads the chunks the entry script imports; a lazy page's adds its own.
    const entry = await preloadsOf('/');
    expect(entry.length).to.be.greaterThan(0);
    const escalation = await preloadsOf('/escalations/0b1e6c4a-1d2b-4c3d-8e9f-0a1b2c3d4e5f');
    expect(escalation).to.deep.equal([...entry, ...preloads.escalation!]);
    expect(preloads.escalation!.length).to.be.greaterThan(2);
    expect(await preloadsOf('/escalations/0b1e6c4a-1d2b-4c3d-8e9f-0a1b2c3d4e5f/withdraw')).to.deep.equal([
      ...entry,
      ...preloads.escalationWithdraw!,
    ]);
    for (const path of ['/sign-in', '/diagrams', '/nothing', '/escalations/a/b'])
      expect(await preloadsOf(path), path).to.deep.equal(entry);
    for (const href of escalation) {
      const res = await get(href!);
      expect(res.status, href).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
    }
  });

  it('Given the CSP, When read, Then it allows only this origin, no inline code, no framing, no plugins and no base URL', async () => {
    const csp = (await get('/sign-in')).headers.get('content-security-policy')!;
    expect(csp.split(';')).to.deep.equal(
      Object.entries(CSP_DIRECTIVES)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k} ${v!.join(' ')}`),
    );
    expect(csp).to.not.match(/unsafe|data:|https?:|\*/);
    const headers = (await get('/')).headers;
    expect(headers.get('x-frame-options')).to.equal('DENY');
    expect(headers.get('referrer-policy')).to.equal('no-referrer');
    expect(headers.get('x-robots-tag')).to.equal('noindex, nofollow');
  });

  it('Given /api and /engine-rest, When requested, Then they answer as before, never the app shell', async () => {
    const health = await get('/api/v1/health');
    expect(health.headers.get('content-type')).to.contain('application/json');
    const unknownApi = await get('/api/v1/nothing');
    expect(unknownApi.status).to.equal(404);
    expect(unknownApi.headers.get('content-type')).to.contain('application/problem+json');
    expect((await get('/api')).headers.get('content-type')).to.not.contain('text/html');
    const engine = await get('/engine-rest/engine');
    expect(engine.status).to.equal(200);
    expect(await engine.json()).to.be.an('array');
    expect((await get('/engine-rest/nothing')).headers.get('content-type') ?? '').to.not.contain('text/html');
  });
});
