/**
 * Browser tests of the web UI: the whole product in this process (test/api/harness.ts: the engine,
 * the API, the real workers, an SMTP sink, the fake clock) and Debian's Chromium driven by
 * playwright-core, under the product's real CSP. Each page is a {@link BrowserPage} with the
 * helpers tests need: `visit(path)`, `signIn(username)` (through the form), `signedInAs(username)`
 * (a session made in the store, for tests about other pages), `expectAccessible(name)` (axe-core at
 * desktop width and at 320 px, no violation of WCAG 2.2 AA, no sideways scrolling at 320 px, and a
 * screenshot of each in docs/screenshots/), and what went wrong in the page (CSP violations, errors).
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ApiHarness, PASSWORD } from '../api/harness.js';
import { chromiumExecutable } from '../support/chromium.js';
import { SESSION_COOKIE } from '../../src/api/auth/authenticate.js';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';

export const SCREENSHOTS = join(REPOSITORY_ROOT, 'docs', 'screenshots');
export const DESKTOP = { width: 1280, height: 900 };
export const NARROW = { width: 320, height: 900 };
/** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export class WebHarness {
  private constructor(
    readonly api: ApiHarness,
    readonly browser: Browser,
  ) {}

  static async start(options: { workers?: boolean } = {}): Promise<WebHarness> {
    const api = await ApiHarness.start(options);
    try {
      const browser = await chromium.launch({
        executablePath: chromiumExecutable(),
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
      return new WebHarness(api, browser);
    } catch (error) {
      await api.stop();
      throw error;
    }
  }

  /** A fresh browser context (no cookies) with one page, at desktop width, on the product's clock. */
  async open(): Promise<BrowserPage> {
    const context = await this.browser.newContext({
      viewport: DESKTOP,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      reducedMotion: 'reduce',
      baseURL: this.api.base,
    });
    const page = await context.newPage();
    const ui = new BrowserPage(page, this);
    await ui.syncClock();
    return ui;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.api.stop();
  }
}

/**
 * Gives each test of the suite a fresh page: opened before it (handed to `use`), then checked (no
 * CSP violation, no uncaught error) and closed after it. `web` is read when each test starts, as
 * the suite's `before` sets it.
 */
export function pagePerTest(web: () => WebHarness, use: (ui: BrowserPage) => void): void {
  let ui: BrowserPage | undefined;
  beforeEach(async () => {
    ui = await web().open();
    use(ui);
  });
  afterEach(async () => {
    await ui?.expectNoProblems();
    await ui?.page.context().close();
  });
}

/** A CSP violation as the page reported it. */
interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

export class BrowserPage {
  /** Uncaught errors in the page. */
  readonly errors: string[] = [];
  /** Console messages about the Content Security Policy. */
  readonly cspMessages: string[] = [];

  constructor(
    readonly page: Page,
    private readonly web: WebHarness,
  ) {
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) this.cspMessages.push(message.text());
    });
    // Added through the DevTools protocol, so the CSP does not apply to this listener itself.
    void page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __csp: unknown[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
      );
    });
  }

  /** The browser's clock set to the product's fake clock (for "due soon" and dates). */
  async syncClock(): Promise<void> {
    await this.page.clock.setFixedTime(new Date(this.web.api.clock.now()));
  }

  /** Opens a path of the product and waits until the page has loaded its data. */
  async visit(path: string): Promise<void> {
    await this.page.goto(path);
    await this.ready();
  }

  /** Waits until the main region and every busy part of the page have finished loading. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        document.getElementById('main-content')?.getAttribute('aria-busy') === 'false' &&
        !document.querySelector('[aria-busy="true"]'),
    );
  }

  /** The h1's text, once the page has loaded. */
  async heading(): Promise<string> {
    await this.ready();
    return (await this.page.locator('h1').innerText()).trim();
  }

  /** Signs in through the sign-in page, with the harness's password unless given, and waits for the dashboard. */
  async signIn(username: string, password = PASSWORD): Promise<void> {
    await this.visit('/sign-in');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.waitForURL((url) => url.pathname !== '/sign-in');
    await this.ready();
  }

  /**
   * Starts a session for the user straight in the session store and gives the browser its cookie,
   * then opens `path`: for tests about something other than signing in. (The API allows 30 sign-ins
   * per address and 15 per username in 15 minutes of the product's clock; a file of many tests that
   * all sign in through the form would reach that.)
   */
  async signedInAs(username: string, path = '/'): Promise<void> {
    const { stores } = this.web.api.product;
    const user = stores.users.byUsername(username);
    if (!user) throw new Error(`no user ${username}`);
    const session = stores.sessions.create(user.id, new Date(this.web.api.clock.now()));
    await this.page
      .context()
      .addCookies([{ name: SESSION_COOKIE, value: session.id, url: this.web.api.base }]);
    await this.visit(path);
  }

  /** CSP violations the page reported (listener) and Chromium logged (console). */
  async cspViolations(): Promise<(Violation | string)[]> {
    const reported = await this.page.evaluate(() => (window as unknown as { __csp?: unknown[] }).__csp ?? []);
    return [...(reported as Violation[]), ...this.cspMessages];
  }

  /** No CSP violation and no uncaught error so far. */
  async expectNoProblems(): Promise<void> {
    expect(await this.cspViolations(), 'CSP violations').to.deep.equal([]);
    expect(this.errors, 'uncaught errors in the page').to.deep.equal([]);
  }

  /**
   * axe-core finds no WCAG 2.2 A/AA violation at desktop width and at 320 px, the page does not
   * scroll sideways at 320 px, and docs/screenshots/<name>.png and <name>-320.png show it.
   */
  async expectAccessible(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    try {
      for (const [viewport, file] of [
        [DESKTOP, `${name}.png`],
        [NARROW, `${name}-320.png`],
      ] as const) {
        await this.page.setViewportSize(viewport);
        await this.ready();
        expect(await this.axe(), `axe at ${viewport.width} px on ${name}`).to.deep.equal([]);
        expect(await this.duplicateIds(), `duplicate ids on ${name}`).to.deep.equal([]);
        if (viewport === NARROW) {
          const wide = await this.page.evaluate((limit) => {
            if (document.documentElement.scrollWidth <= limit) return [];
            // The outermost elements that stick out, to say what to fix.
            const sticksOut = (el: Element) => el.getBoundingClientRect().right > limit + 1;
            const clipped = (el: Element): boolean =>
              !!el.parentElement &&
              (getComputedStyle(el.parentElement).overflowX !== 'visible' || clipped(el.parentElement));
            return [...document.querySelectorAll('body *')]
              .filter((el) => sticksOut(el) && !clipped(el))
              .filter((el) => !(el.parentElement && sticksOut(el.parentElement)))
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
          }, NARROW.width);
          expect(wide, `${name} scrolls sideways at 320 px`).to.deep.equal([]);
        }
        await this.page.screenshot({
          path: join(SCREENSHOTS, file),
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
        });
      }
    } finally {
      await this.page.setViewportSize(DESKTOP);
    }
  }

  /**
   * Ids used twice: a label or error link then points at the wrong element (axe no longer checks
   * this under WCAG 2.2, where 4.1.1 is obsolete, but a label that labels nothing still fails people).
   */
  async duplicateIds(): Promise<string[]> {
    return this.page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    });
  }

  /** axe-core's violations of {@link WCAG_TAGS}, one line each (rule, impact, elements). */
  async axe(): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's CSP (rightly) forbids injecting a script.
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(AXE_SOURCE);
    const violations = await this.page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    }, WCAG_TAGS);
    return violations;
  }
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}
