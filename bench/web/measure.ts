/**
 * Time to interactive of a page of the product in Debian's Chromium (playwright-core), measured in
 * the page itself: an init script (added through the DevTools protocol, so the page's CSP does not
 * apply to it) watches the DOM from the document's start and notes `performance.now()` (ms since
 * the navigation started) at the first mutation after which the page's "ready" test holds. Cold: a
 * new browser context each run (empty HTTP cache, no compiled code), signed in by its cookie. Warm:
 * one context and tab, visited once first, then each run a new navigation in that tab (assets from
 * its cache, `index.html` revalidated, as a reload or a second visit does).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumExecutable } from '../../test/support/chromium.js';
import { SESSION_COOKIE } from '../../src/api/auth/authenticate.js';

/** What "interactive" means for a page, tested in the page after each DOM mutation. */
export type ReadyTest = 'escalation' | 'dashboard';

/** One visit: ms from navigation start to interactive, and what the page showed then. */
export interface Visit {
  /** Everything drawn: for the escalation page, the diagram too (ms from navigation start). */
  ms: number;
  /**
   * Usable: every control of the page works (for the escalation page, the stage form can be filled
   * and sent), while the diagram may still be drawing; the same as `ms` for the dashboard.
   */
  usableMs: number;
  /** When the last `/api/v1` answer the page had asked for by then had arrived (ms from navigation start). */
  apiMs: number;
  /** When the last script or stylesheet had arrived (ms from navigation start). */
  assetsMs: number;
  /** The JavaScript the page had loaded by then, kB (decoded). */
  scriptKb: number;
  /** Each `/api/v1` request the page had made by then: its path and query, and how long it took (ms). */
  requests: { path: string; ms: number }[];
  shown: string;
}

export interface Target {
  base: string;
  /** The session cookie's value for the user who visits. */
  session: string;
  path: string;
  ready: ReadyTest;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** `runs` visits, each in a new context (cold). */
export async function cold(browser: Browser, target: Target, runs: number): Promise<Visit[]> {
  const visits: Visit[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await contextFor(browser, target);
    try {
      visits.push(await visit(await context.newPage(), target));
    } finally {
      await context.close();
    }
  }
  return visits;
}

/** One visit to warm a context's tab, then `runs` visits in the same tab (warm). */
export async function warm(browser: Browser, target: Target, runs: number): Promise<Visit[]> {
  const context = await contextFor(browser, target);
  try {
    const page = await context.newPage();
    await visit(page, target);
    const visits: Visit[] = [];
    for (let i = 0; i < runs; i++) visits.push(await visit(page, target));
    return visits;
  } finally {
    await context.close();
  }
}

async function contextFor(browser: Browser, target: Target): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    baseURL: target.base,
  });
  await context.addCookies([{ name: SESSION_COOKIE, value: target.session, url: target.base }]);
  await context.addInitScript({ content: watch(target.ready) });
  return context;
}

/** Opens the target in the tab (a new document) and waits until it is interactive. */
async function visit(page: Page, target: Target): Promise<Visit> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  page.on('pageerror', onError);
  try {
    await page.goto(target.path, { waitUntil: 'commit' });
    // A function, not a string: the page's CSP forbids eval.
    const handle = await page.waitForFunction(
      () => (window as unknown as { __interactive?: Visit }).__interactive,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const visit = (await handle.jsonValue()) as Visit;
    if (errors.length) throw new Error(`errors in ${target.path}: ${errors.join('; ')}`);
    return visit;
  } finally {
    page.off('pageerror', onError);
  }
}

/**
 * Runs in the page before its own scripts (plain JavaScript in a string: tsx would wrap a function's
 * inner named functions in a helper the page does not have). The escalation page is interactive
 * when the main region is not busy, nothing in it is (`aria-busy`), bpmn-js has drawn the diagram
 * with the open stage's shape marked `current`, and the stage's form (form-js) is rendered with its
 * button enabled. The dashboard: the main region and the list not busy, the figures and the list's
 * count shown.
 */
function watch(ready: ReadyTest): string {
  return `(() => {
  const ready = ${JSON.stringify(ready)};
  const q = (selector) => document.querySelector(selector);
  const settled = () =>
    q('#main-content[aria-busy="false"]') !== null && q('#main-content [aria-busy="true"]') === null;
  const tests = {
    escalation: () => {
      const current = q('.app-diagram__canvas svg .djs-element.current');
      const ok =
        settled() &&
        current &&
        q('form.app-task-form[aria-busy="false"] .app-form-js .fjs-form input') &&
        q('form.app-task-form button[type="submit"]:not([disabled])');
      return ok ? 'h1 ' + q('h1').textContent + ', current ' + current.getAttribute('data-element-id') : null;
    },
    dashboard: () => {
      const count = q('section[aria-labelledby="escalations-heading"][aria-busy="false"] h3');
      const ok = settled() && q('.app-figures') && count;
      return ok ? q('.app-figure__count').textContent + ' open; list: ' + count.textContent : null;
    },
  };
  // Usable: the main region is ready apart from the diagram, which may still be drawing.
  const usable = {
    escalation: () =>
      q('#main-content[aria-busy="false"]') !== null &&
      [...document.querySelectorAll('#main-content [aria-busy="true"]')].every((e) => e.closest('.app-diagram')) &&
      q('form.app-task-form[aria-busy="false"] .app-form-js .fjs-form input') &&
      q('form.app-task-form button[type="submit"]:not([disabled])'),
    dashboard: () => tests.dashboard() !== null,
  };
  let usableMs = null;
  const observer = new MutationObserver(() => {
    if (usableMs === null && usable[ready]()) usableMs = performance.now();
    const shown = tests[ready]();
    if (shown === null) return;
    const ends = (part) => performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(part))
      .map((e) => e.responseEnd);
    window.__interactive = {
      ms: performance.now(),
      usableMs: usableMs ?? performance.now(),
      apiMs: Math.max(0, ...ends('/api/v1/')),
      assetsMs: Math.max(0, ...ends('/assets/')),
      scriptKb: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .reduce((kb, e) => kb + e.decodedBodySize / 1000, 0),
      requests: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/'))
        .map((e) => ({ path: e.name.slice(e.name.indexOf('/api/v1/') + 7), ms: e.responseEnd - e.startTime })),
      shown,
    };
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;
}
