/**
 * The web UI's foundation in real Chromium against the real product: sign in (success, errors in
 * the GOV.UK pattern, keyboard only), the dashboard with an overdue escalation, the not-found page
 * (an unknown address and an escalation the user may not see look the same), sign out, the CSRF
 * token recovered after a reload, and the CSP: its header, and no violation on any page. Every page
 * is axe-core clean at desktop width and at 320 px; screenshots go to docs/screenshots/.
 *
 * Safeguarding Unit: Una (North Trust, health) raises two escalations against Children's Services;
 * the clock passes the first one's Stage 1 deadline (5 working days, Resolving professional
 * disagreements 2.3), whose reminder leaves the stage open and overdue. Oli (Birch School) is a
 * third agency and sees neither.
 */
import { expect } from 'chai';
import { pagePerTest, WebHarness, type BrowserPage } from './web-harness.js';
import type { As } from '../api/harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

const MINUTE = 60_000;

interface Raised {
  id: string;
  caseReference: string;
}

describe('Web UI: sign in, dashboard, not found, sign out, CSP (real Chromium)', function () {
  this.timeout(240_000);
  let web: WebHarness;
  let ui: BrowserPage;
  const raised: Raised[] = [];

  async function raise(as: As, caseReference: string): Promise<Raised> {
    const res = await web.api.call<{ id: string }>('POST', '/api/v1/escalations', as, {
      ...SCHOOL_RAISE,
      caseReference,
    });
    expect(res.status, res.text).to.equal(201);
    const indexed = web.api.product.stores.escalations.get(res.body.id)!;
    await web.api.settle(indexed.processInstanceId);
    return { id: res.body.id, caseReference };
  }

  before(async () => {
    web = await WebHarness.start();
    const su = { partnership: 'safeguarding-unit', roles: ['raising-professional'] };
    await web.api.user('una', {
      ...su,
      agency: 'health',
      organisation: 'north-trust',
      organisationName: 'North Trust',
    });
    await web.api.user('oli', {
      ...su,
      agency: 'school',
      organisation: 'birch-school',
      organisationName: 'Birch School',
    });
    const una = web.api.token('una');
    raised.push(await raise(una, 'SU/2026/0101'));
    await web.api.clock.advance(2 * 24 * 60 * MINUTE);
    raised.push(await raise(una, 'SU/2026/0102'));
    const detail = await web.api.call<{ stages: { due: string }[] }>(
      'GET',
      `/api/v1/escalations/${raised[0]!.id}`,
      una,
    );
    // Past the first one's deadline: its reminder fires and the stage stays open, overdue.
    await web.api.clock.advanceTo(Date.parse(detail.body.stages[0]!.due) + MINUTE);
    for (const r of raised)
      await web.api.settle(web.api.product.stores.escalations.get(r.id)!.processInstanceId);
  });

  pagePerTest(
    () => web,
    (page) => (ui = page),
  );

  after(async () => {
    await web?.stop();
  });

  it('Given the sign-in page, When it opens, Then it has a title, skip link, main landmark, labelled fields and a Sign in button, no GOV.UK crown, logotype or font, and is axe-clean at both widths', async () => {
    await ui.visit('/');
    expect(new URL(ui.page.url()).pathname).to.equal('/sign-in');
    expect(await ui.heading()).to.equal('Sign in');
    expect(await ui.page.title()).to.equal('Sign in – Escalations');
    await expectShell(ui, 'Safeguarding children partnerships');
    await ui.page.getByLabel('Username').waitFor();
    await ui.page.getByLabel('Password').waitFor();
    await ui.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await ui.expectAccessible('sign-in');
  });

  it('Given a wrong password, When signing in, Then the error summary (focused) and the message next to Password say so, the title starts with "Error:", and nothing says which of the two was wrong', async () => {
    await ui.visit('/sign-in');
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    expect(await ui.page.locator('.govuk-error-summary').innerText()).to.contain('Enter your username');
    expect(await text(ui, '#username-error')).to.equal('Error: Enter your username');

    await ui.page.getByLabel('Username').fill('una');
    await ui.page.getByLabel('Password').fill('not the password at all');
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    const fieldError = ui.page.locator('#password-error');
    await fieldError.waitFor();
    const message = 'The username or password is not right, or the account is locked.';
    expect(await fieldError.innerText()).to.contain(message);
    const summary = ui.page.locator('.govuk-error-summary');
    expect(await summary.innerText()).to.contain(message);
    expect(await summary.evaluate((el) => el === document.activeElement)).to.equal(true);
    expect(await ui.page.locator('.govuk-error-summary a').getAttribute('href')).to.equal('#password');
    expect(await ui.page.title()).to.equal('Error: Sign in – Escalations');
    expect(await ui.page.getByLabel('Password').getAttribute('aria-describedby')).to.equal('password-error');
    await ui.expectAccessible('sign-in-error');
  });

  it('Given only a keyboard, When tabbing to the fields and the Sign in button and pressing Enter, Then the dashboard opens with focus on its heading', async () => {
    await ui.visit('/sign-in');
    await ui.page.keyboard.press('Tab');
    expect(await focused(ui)).to.equal('A:Skip to main content');
    await tabTo(ui, 'INPUT:username');
    await ui.page.keyboard.type('una');
    await tabTo(ui, 'INPUT:password');
    await ui.page.keyboard.type('correct horse battery staple');
    await tabTo(ui, 'BUTTON:Sign in');
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForURL((url) => url.pathname === '/');
    expect(await ui.heading()).to.equal('Dashboard');
    expect(await focused(ui)).to.equal('H1:Dashboard');
  });

  it('Given Una signed in, When the dashboard opens, Then it shows her open escalations, the overdue one tagged "Overdue" in words, what is due soon, her tasks and counts by stage, and filters as the API does', async () => {
    await ui.signIn('una');
    expect(await ui.heading()).to.equal('Dashboard');
    expect(await ui.page.title()).to.equal('Dashboard – Escalations');
    await expectShell(
      ui,
      "Local Safeguarding Children Partnership with a Children's Services Safeguarding Unit",
    );
    const figures = await ui.page.locator('.app-figure').allInnerTexts();
    expect(figures.map((f) => f.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '2 open',
      '1 overdue',
      '1 due in the next 2 days',
      '2 tasks for your role',
    ]);
    const overdue = ui.page.locator('h2#overdue-heading + div table');
    expect(await overdue.innerText()).to.contain(raised[0]!.caseReference);
    expect(await overdue.locator('.govuk-tag').innerText()).to.equal('Overdue');
    expect(await ui.page.locator('h2#due-soon-heading + div table').innerText()).to.contain(
      raised[1]!.caseReference,
    );
    // Both at the first stage: one row (from GET /escalations/counts), linking to the list of those two.
    const byStage = ui.page.getByRole('table', { name: 'Open escalations by stage' });
    expect(await byStage.locator('tbody tr').count()).to.equal(1);
    const count = byStage.locator('tbody a');
    expect((await count.innerText()).replace(/\s+/g, ' ')).to.match(/^2 open at \S/);
    const href = new URL((await count.getAttribute('href'))!, ui.page.url());
    expect([...href.searchParams.keys()].sort()).to.deep.equal(['partnership', 'stage', 'status']);
    expect(href.searchParams.get('partnership')).to.equal('safeguarding-unit');
    expect(href.searchParams.get('status')).to.equal('open');
    const list = ui.page.locator('#escalations ~ div table');
    expect(await list.locator('tbody tr').count()).to.equal(2);
    await ui.expectAccessible('dashboard');

    await ui.page.getByLabel('Only escalations with an overdue stage').check();
    await ui.page.getByRole('button', { name: 'Apply filters' }).click();
    await ui.page.waitForURL((url) => url.search === '?overdue=true');
    await ui.ready();
    expect(await ui.page.locator('#escalations').innerText()).to.equal('1 escalation match the filters');
    expect(await list.locator('tbody tr').count()).to.equal(1);
    expect(await focused(ui)).to.equal('H3:1 escalation match the filters');

    await ui.page.getByLabel('Day').first().fill('31');
    await ui.page.getByLabel('Month').first().fill('2');
    await ui.page.getByLabel('Year').first().fill('2026');
    await ui.page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await ui.page.locator('#raisedFrom-error').innerText()).to.contain(
      'Raised from must be a real date',
    );
    expect(await ui.page.title()).to.equal('Error: Dashboard – Escalations');
  });

  it('Given the dashboard, When a case reference is followed, Then its page opens in the app with focus on its heading', async () => {
    await ui.signedInAs('una');
    await ui.page.getByRole('link', { name: raised[1]!.caseReference }).first().click();
    await ui.page.waitForURL((url) => url.pathname === `/escalations/${raised[1]!.id}`);
    await ui.page.locator('h1', { hasText: raised[1]!.caseReference }).waitFor();
    expect(await ui.heading()).to.equal(raised[1]!.caseReference);
    expect(await ui.page.title()).to.equal(`Escalation ${raised[1]!.caseReference} – Escalations`);
    expect(await focused(ui)).to.equal(`H1:${raised[1]!.caseReference}`);
  });

  it('Given an unknown address, and an escalation of another agency, When opened, Then both show the same not-found page (404 for the address), which repeats nothing of what was asked', async () => {
    await ui.signedInAs('oli');
    const unknown = await ui.page.goto('/no/such/page');
    expect(unknown!.status()).to.equal(404);
    expect(await ui.heading()).to.equal('Page not found');
    expect(await ui.page.title()).to.equal('Page not found – Escalations');
    const text = await ui.page.locator('main').innerText();
    await ui.expectAccessible('not-found');

    const hidden = raised[0]!;
    await ui.visit(`/escalations/${hidden.id}`);
    expect(await ui.heading()).to.equal('Page not found');
    expect(await ui.page.locator('main').innerText()).to.equal(text);
    await ui.visit('/escalations/00000000-0000-0000-0000-000000000000');
    expect(await ui.page.locator('main').innerText()).to.equal(text);
    const html = await ui.page.content();
    for (const secret of [hidden.id, hidden.caseReference, 'such/page']) expect(html).to.not.contain(secret);
  });

  it('Given a signed-in user who reloads the page, When signing out, Then the CSRF token recovered by GET /session signs the session out, and the dashboard then asks to sign in', async () => {
    await ui.signIn('una');
    await ui.page.reload();
    await ui.ready();
    await ui.page.getByRole('button', { name: /Sign out/ }).click();
    await ui.page.waitForURL((url) => url.pathname === '/signed-out');
    expect(await ui.heading()).to.equal('You have signed out');
    await ui.expectAccessible('signed-out');
    expect((await ui.page.request.get('/api/v1/session')).status()).to.equal(401);
    await ui.visit('/');
    expect(new URL(ui.page.url()).pathname).to.equal('/sign-in');
  });

  it('Given a session that ends elsewhere, When the user moves on in the app, Then it returns to sign in, says the session has ended, and comes back to the page after signing in', async () => {
    await ui.signIn('una');
    const session = (await (await ui.page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const ended = await ui.page.request.delete('/api/v1/session', {
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(ended.status()).to.equal(204);
    await ui.page.getByRole('link', { name: raised[1]!.caseReference }).first().click();
    await ui.page.waitForURL((url) => url.pathname === '/sign-in');
    expect(await ui.heading()).to.equal('Sign in');
    expect(await ui.page.locator('.govuk-notification-banner').innerText()).to.contain(
      'Your session has ended.',
    );
    await ui.page.getByLabel('Username').fill('una');
    await ui.page.getByLabel('Password').fill('correct horse battery staple');
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.waitForURL((url) => url.pathname === `/escalations/${raised[1]!.id}`);
    expect(await ui.heading()).to.equal(raised[1]!.caseReference);
  });

  it('Given a page of the app, When it is served, Then the CSP allows only its own origin, no inline script or style and no framing, and pages carry no inline style or script', async () => {
    const res = await ui.page.request.get('/escalations/anything');
    const csp = res.headers()['content-security-policy']!;
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
    ])
      expect(csp).to.contain(directive);
    expect(csp).to.not.match(/unsafe-|data:|https:/);
    expect(res.headers()['x-frame-options']).to.equal('DENY');
    expect(res.headers()['x-content-type-options']).to.equal('nosniff');
    await ui.signedInAs('una');
    const inline = await ui.page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src).length,
      styles: document.querySelectorAll('style, [style]').length,
    }));
    expect(inline).to.deep.equal({ scripts: 0, styles: 0 });
    expect((await ui.page.request.get('/api/v1/health')).headers()['content-type']).to.contain('json');
  });
});

describe('Web UI: too many sign-in attempts (real Chromium)', function () {
  this.timeout(120_000);
  let web: WebHarness;
  let ui: BrowserPage;

  before(async () => {
    web = await WebHarness.start({ workers: false });
    await web.api.user('ray', {
      partnership: 'liverpool',
      agency: 'health',
      roles: ['raising-professional'],
    });
    ui = await web.open();
  });
  after(async () => {
    await ui?.page.context().close();
    await web?.stop();
  });

  it('Given fifteen wrong passwords for one username, When signing in again, Then the page says in plain words to wait 15 minutes', async () => {
    for (let i = 0; i < 15; i++)
      await web.api.call('POST', '/api/v1/session', null, {
        username: 'ray',
        password: `wrong password ${i}`,
      });
    await ui.visit('/sign-in');
    await ui.page.getByLabel('Username').fill('ray');
    await ui.page.getByLabel('Password').fill('correct horse battery staple');
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    const summary = ui.page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).to.contain(
      'There have been too many attempts to sign in. Wait 15 minutes, then try again.',
    );
    expect(await ui.axe()).to.deep.equal([]);
    await ui.expectNoProblems();
  });
});

/** An element's text content with white space collapsed (visually hidden text included). */
async function text(ui: BrowserPage, selector: string): Promise<string> {
  return ((await ui.page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The focused element as `TAG:name` (its text, or an input's name). */
async function focused(ui: BrowserPage): Promise<string> {
  return ui.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const name = el instanceof HTMLInputElement ? el.name : (el.textContent ?? '').trim();
    return `${el.tagName}:${name}`;
  });
}

/** Presses Tab until `target` (as {@link focused} names it) has focus; fails after 20 presses. */
async function tabTo(ui: BrowserPage, target: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await focused(ui)) === target) return;
    await ui.page.keyboard.press('Tab');
  }
  expect.fail(`${target} cannot be reached with Tab`);
}

/** The shell: skip link, the partnership's name in the header, a main landmark, and no GOV.UK branding. */
async function expectShell(ui: BrowserPage, headerName: string): Promise<void> {
  const shell = await ui.page.evaluate(() => ({
    skip: document.querySelector('a.govuk-skip-link')?.getAttribute('href'),
    header: document.querySelector('header .govuk-generic-header__homepage-link')?.textContent?.trim(),
    main: document.querySelectorAll('main#main-content').length,
    branding: document.querySelectorAll(
      '.govuk-header, .govuk-header__logotype, [class*="crown"], [class*="crest"], .govuk-footer__licence-logo',
    ).length,
    font: getComputedStyle(document.body).fontFamily,
    text: document.body.innerText,
  }));
  expect(shell.skip).to.equal('#main-content');
  expect(shell.header).to.equal(headerName);
  expect(shell.main).to.equal(1);
  expect(shell.branding).to.equal(0);
  expect(shell.font).to.not.contain('GDS Transport');
  expect(shell.text).to.not.match(/GOV\.UK|Crown copyright|Open Government Licence/);
}

describe('Web UI: the dashboard pages through a long list (real Chromium)', function () {
  this.timeout(180_000);
  let web: WebHarness;
  let ui: BrowserPage;

  before(async () => {
    // No workers: the raises are indexed by the API; paging needs no stage to be open.
    web = await WebHarness.start({ workers: false });
    await web.api.user('pip', {
      partnership: 'safeguarding-unit',
      agency: 'police',
      organisation: 'north-police',
      roles: ['raising-professional'],
    });
    const as = web.api.token('pip');
    for (let i = 1; i <= 27; i++) {
      const caseReference = `SU/2026/${String(i).padStart(4, '0')}`;
      const res = await web.api.call('POST', '/api/v1/escalations', as, { ...SCHOOL_RAISE, caseReference });
      expect(res.status, res.text).to.equal(201);
      await web.api.clock.advance(MINUTE);
    }
    ui = await web.open();
  });
  after(async () => {
    await ui?.page.context().close();
    await web?.stop();
  });

  it('Given 27 escalations, When the list’s next page is opened, Then it shows the last 2 of 27, newest raised first, with focus on the count', async () => {
    await ui.signedInAs('pip');
    const list = ui.page.locator('#escalations ~ div table');
    expect(await text(ui, '#escalations')).to.equal('27 escalations');
    expect(await list.locator('tbody tr').count()).to.equal(25);
    const pages = ui.page.getByRole('navigation', { name: 'Pages of escalations' }).getByRole('link');
    expect(
      await pages.evaluateAll((links) =>
        links.map((a) => a.getAttribute('aria-label') ?? a.textContent?.trim()),
      ),
    ).to.deep.equal(['Page 1', 'Page 2', 'Next page']);
    await ui.page.getByRole('link', { name: 'Next page' }).click();
    await ui.page.waitForURL((url) => url.search === '?page=2');
    await ui.ready();
    expect(await list.locator('tbody th').allInnerTexts()).to.deep.equal(['SU/2026/0002', 'SU/2026/0001']);
    expect(await focused(ui)).to.equal('H3:27 escalations');
    expect(await ui.page.locator('[aria-current="page"]').last().innerText()).to.equal('2');
    expect(await ui.axe()).to.deep.equal([]);
    await ui.expectNoProblems();
  });
});
