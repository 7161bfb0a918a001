/**
 * The conference chair's view in real Chromium against the real product (issue 15): "An East
 * Riding conference chair adjourns a conference: the 72-hour countdown and the `.ics`". East Riding
 * Safeguarding Children Partnership (ERSCP), Resolving Inter-Agency Disagreements (reviewed Feb
 * 2018), §5 Disagreements in specific circumstances, "Differences of opinion regarding Child
 * Protection Conferences": "If the issue is not resolved, the conference should be adjourned for a
 * maximum of 72 hours and the chair should discuss the matter with the named senior managers from
 * each agency", and "If there is still no resolution, the ERSCP should be asked to arbitrate."
 *
 * Hana (health) raises a difference of view about a conference's decision; Chloe, a conference
 * chair, records in the conference step's form (through the API) that it was not resolved, which
 * adjourns it. Her view counts the 72 hours down against the service's clock (the fake one), once
 * a minute, as plain text; its one live region speaks only when the adjournment enters its last
 * hour and when it runs out. The invite she downloads is the emailed event (same UID), a half-hour
 * ending at the expiry; when the time runs out the escalation is at the ERSCP's arbitration step,
 * linked from her view.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { As } from '../api/harness.js';
import { readInvite } from '../workers/expect.js';
import { pagePerTest, WebHarness, type BrowserPage } from './web-harness.js';

const HOUR = 3_600_000;
const REF = 'ER/2026/0501';

interface Detail {
  stages: { elementId: string; due: string | null }[];
  openTasks: { id: string; elementId: string }[];
}

describe('Web UI: the conference chair’s view (real Chromium)', function () {
  this.timeout(240_000);
  let web: WebHarness;
  let ui: BrowserPage;
  let id: string;
  let due: string;

  const detail = async (as: As) => {
    const res = await web.api.call<Detail>('GET', `/api/v1/escalations/${id}`, as);
    expect(res.status, res.text).to.equal(200);
    return res.body;
  };
  const settle = () => web.api.settle(web.api.product.stores.escalations.get(id)!.processInstanceId);

  before(async () => {
    web = await WebHarness.start();
    await web.api.user('hana', {
      partnership: 'east-riding',
      agency: 'health',
      organisation: 'humber-trust',
      organisationName: 'Humber Trust',
      roles: ['raising-professional'],
    });
    await web.api.user('chloe', { partnership: 'east-riding', roles: ['conference-chair'] });
    await web.api.user('pete', {
      partnership: 'east-riding',
      agency: 'police',
      roles: ['raising-professional'],
    });
    const raised = await web.api.call<{ id: string }>('POST', '/api/v1/escalations', web.api.token('hana'), {
      caseReference: REF,
      raisedByRole: 'raising-professional',
      otherAgency: 'childrens-services',
      otherAgencyRole: 'other-agency-professional',
      disagreementContext: 'conference-decision',
      disagreement: 'The conference decided no plan was needed',
      outcomeSought: 'A child protection plan',
      timescaleSought: 'Before the child goes home',
      immediateRisk: false,
      childStatus: 'none',
    });
    expect(raised.status, raised.text).to.equal(201);
    id = raised.body.id;
    await settle();
    // The chair records that the conference did not agree: it is adjourned.
    const chloe = web.api.token('chloe');
    const task = (await detail(chloe)).openTasks.find((t) => t.elementId === 'Conference_RecordOutcome')!;
    const done = await web.api.call('POST', `/api/v1/escalations/${id}/tasks/${task.id}/complete`, chloe, {
      outcome: 'unresolved',
      unresolvedReason: 'Health and Children’s Social Care disagree on the plan',
      attemptsToAgree: 'Discussed in conference with both agencies',
    });
    expect(done.status, done.text).to.equal(200);
    await settle();
    due = (await detail(chloe)).stages.find((s) => s.elementId === 'Adjournment_RecordOutcome')!.due!;
    expect(Date.parse(due) - web.api.clock.now()).to.equal(72 * HOUR);
  });

  pagePerTest(
    () => web,
    (page) => (ui = page),
  );

  after(async () => {
    await web?.stop();
  });

  const countdown = (ui: BrowserPage) => ui.page.locator('#adjourned-heading ~ * .app-countdown').first();
  const status = (ui: BrowserPage) =>
    ui.page.getByRole('region', { name: 'Adjourned conferences' }).getByRole('status');
  /** Every text the live region has held since this was called, in order. */
  const recordStatus = (ui: BrowserPage) =>
    status(ui).evaluate((el) => {
      const w = window as unknown as { said: string[] };
      w.said = [];
      new MutationObserver(() => {
        const text = el.textContent ?? '';
        if (w.said.at(-1) !== text) w.said.push(text);
      }).observe(el, { subtree: true, characterData: true, childList: true });
    });
  const said = (ui: BrowserPage) => ui.page.evaluate(() => (window as unknown as { said: string[] }).said);

  it('Given an adjourned conference (ERSCP §5: at most 72 hours), When Chloe opens Conferences, Then it expires in 3 days with its date, the countdown is in no live region, the live region is silent, and the page is axe-clean', async () => {
    await ui.signedInAs('chloe');
    await ui.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Conferences' })
      .click();
    expect(await ui.heading()).to.equal('Conferences');
    const row = ui.page.getByRole('row', { name: new RegExp(REF.replace(/\//g, '\\/')) });
    expect(await row.getByRole('rowheader').innerText()).to.equal(REF);
    expect(await countdown(ui).innerText()).to.equal('Expires in 3 days (Thu 5 Nov 2026, 10:00am)');
    expect(await countdown(ui).locator('time').getAttribute('datetime')).to.equal(due);
    expect(
      await countdown(ui).evaluate(
        (el) => !!el.closest('[aria-live], [role="status"], [role="alert"], [role="timer"]'),
      ),
    ).to.equal(false);
    expect(await status(ui).innerText()).to.equal('');
    await ui.expectAccessible('conferences');
  });

  it('Given 21 hours later on the service’s clock and a browser clock days out, Then it says 2 days 3 hours; the words change once a minute, not every second, and the live region says nothing', async () => {
    await web.api.clock.advance(21 * HOUR);
    await ui.syncClock();
    const server = web.api.clock.now();
    // The browser's own clock is wrong: the countdown goes by the service's (its Date header).
    await ui.page.clock.setFixedTime(new Date(server + 5 * 24 * HOUR));
    await ui.signedInAs('chloe', '/conferences');
    expect(await countdown(ui).innerText()).to.equal('Expires in 2 days 3 hours (Thu 5 Nov 2026, 10:00am)');

    await countdown(ui).evaluate((el) => {
      const w = window as unknown as { changes: number };
      w.changes = 0;
      new MutationObserver(() => w.changes++).observe(el, {
        subtree: true,
        characterData: true,
        childList: true,
      });
    });
    await recordStatus(ui);
    const changes = () => ui.page.evaluate(() => (window as unknown as { changes: number }).changes);
    // Time stands still for 3 seconds: nothing changes, nothing is re-rendered.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await changes()).to.equal(0);
    // A minute and a second pass: the words change once.
    await ui.page.clock.setFixedTime(new Date(server + 5 * 24 * HOUR + 61_000));
    await ui.page.waitForFunction(() => (window as unknown as { changes: number }).changes > 0);
    expect(await countdown(ui).innerText()).to.equal('Expires in 2 days 2 hours (Thu 5 Nov 2026, 10:00am)');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await changes()).to.equal(1);
    expect(await said(ui), 'the live region').to.deep.equal([]);
  });

  it('Given the adjournment’s invite, When Chloe downloads the .ics, Then it is the emailed event: the same UID and sequence, a half-hour request ending at the expiry in London time', async () => {
    await ui.signedInAs('chloe', '/conferences');
    const link = ui.page.getByRole('link', { name: `Download the invite (.ics) for ${REF}’s adjournment` });
    expect(await link.getAttribute('href')).to.equal(`/api/v1/escalations/${id}/invites/adjournmentDue.ics`);
    const [download] = await Promise.all([ui.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.match(/\.ics$/);
    const text = readFileSync((await download.path())!, 'utf8');
    // Unfolded (RFC 5545 §3.1): the lines as a calendar reads them.
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).to.include.members([
      'BEGIN:VCALENDAR',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/London:20261105T093000',
      'DTEND;TZID=Europe/London:20261105T100000',
      'END:VEVENT',
    ]);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(uids).to.have.length(1);
    expect(uids[0]).to.match(new RegExp(`^UID:${id}-adjournmentDue@`));
    expect(lines.filter((l) => l.startsWith('SUMMARY:')).join()).to.contain(REF);
    const served = readInvite(text);
    const emailed = web.api.smtp.received
      .filter((m) => m.ics !== null && readInvite(m.ics).uid.startsWith(`${id}-adjournmentDue@`))
      .map((m) => readInvite(m.ics!));
    expect(emailed.length, 'emailed invites of the adjournment').to.be.greaterThan(0);
    expect(served).to.deep.include({
      uid: emailed.at(-1)!.uid,
      sequence: emailed.at(-1)!.sequence,
      method: 'REQUEST',
    });
    expect(served.end.toISOString()).to.equal(due);
  });

  it('Given Pete of the police, a party to none of it, Then he has no Conferences link and the page lists nothing', async () => {
    await ui.signedInAs('pete');
    expect(await ui.page.getByRole('link', { name: 'Conferences' }).count()).to.equal(0);
    await ui.visit('/conferences');
    const main = await ui.page.locator('main').innerText();
    expect(main).to.contain('Your roles record no conference or chair’s steps');
    expect(main).to.not.contain(REF);
  });

  it('Given Chloe’s view open as the 72 hours run out (ERSCP §5), Then the live region says so twice only (last hour, run out), and "Refresh the list" (by keyboard) shows it at the ERSCP’s arbitration step, linked to the escalation’s page', async () => {
    // The service's clock and the browser's move together: the page is left open.
    const moveTo = async (at: number) => {
      await web.api.clock.advanceTo(at);
      await settle();
      await ui.syncClock();
    };
    // Signed in an hour and a half before the expiry (a session lasts 8 hours).
    await moveTo(Date.parse(due) - 90 * 60_000);
    await ui.signedInAs('chloe', '/conferences');
    expect(await countdown(ui).innerText()).to.equal(
      'Expires in 1 hour 30 minutes (Thu 5 Nov 2026, 10:00am)',
    );
    expect(await status(ui).innerText()).to.equal('');
    await recordStatus(ui);

    await moveTo(Date.parse(due) - 59 * 60_000);
    await ui.page.waitForFunction(() => (window as unknown as { said: string[] }).said.length > 0);
    expect(await status(ui).innerText()).to.equal(`Less than an hour is left of the adjournment of ${REF}.`);
    expect(await countdown(ui).innerText()).to.equal('Expires in 59 minutes (Thu 5 Nov 2026, 10:00am)');

    await moveTo(Date.parse(due) + 60_000);
    await ui.page.waitForFunction(() => (window as unknown as { said: string[] }).said.length > 1);
    expect(await said(ui)).to.deep.equal([
      `Less than an hour is left of the adjournment of ${REF}.`,
      `The adjournment of ${REF} has run out: refresh the list to see where it is now.`,
    ]);
    expect(await countdown(ui).innerText()).to.equal('Expired 1 minute ago (Thu 5 Nov 2026, 10:00am)');
    await ui.expectAccessible('conferences-expired');

    const refresh = ui.page.getByRole('button', { name: 'Refresh the list' });
    await refresh.focus();
    await ui.page.keyboard.press('Enter');
    // Gone once the list loads again (and not back: the new list has nothing run out).
    await refresh.waitFor({ state: 'detached' });
    await ui.ready();
    const adjourned = ui.page.getByRole('region', { name: 'Adjourned conferences' });
    expect(await adjourned.innerText()).to.contain('No conference is adjourned now.');
    expect(await status(ui).innerText()).to.equal('');
    const arbitration = ui.page.getByRole('region', { name: 'Arbitration' });
    const row = arbitration.getByRole('row', { name: new RegExp(REF.replace(/\//g, '\\/')) });
    expect(await row.innerText()).to.contain('Record the ERSCP arbitration decision');
    await ui.expectAccessible('conferences-arbitration');
    await row.getByRole('link', { name: `Go to the step for ${REF}` }).focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForURL((url) => url.pathname === `/escalations/${id}` && url.hash === '#now-heading');
    await ui.ready();
    expect(await ui.page.locator('main').innerText()).to.contain(REF);
  });
});
