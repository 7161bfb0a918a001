/**
 * The messages page in real Chromium against the real product (issue 15, "Messages: sent and
 * queued, only those the API lets me see"): the rows are exactly `GET /messages`'s for the user,
 * newest first and paged, each status a word in a tag, the ones sent to the user's own address
 * marked "You"; the status filter (a message held while the SMTP server is down is "Waiting to
 * send"); one escalation's messages; and a user of a third agency sees none of them.
 *
 * Liverpool: Sam (St Mary's, school) raises against Children's Services; Pat (Merseyside Police)
 * is party to none of it.
 */
import { expect } from 'chai';
import type { As } from '../api/harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';
import { pagePerTest, WebHarness, type BrowserPage } from './web-harness.js';

interface Listed {
  id: number;
  escalationId: string;
  caseReference: string | null;
  subject: string;
  text: string;
  status: string;
  toYou: boolean;
}

describe('Web UI: messages (real Chromium)', function () {
  this.timeout(240_000);
  let web: WebHarness;
  let ui: BrowserPage;
  let sam: As;
  const ids: string[] = [];

  async function raise(caseReference: string, settle = true): Promise<string> {
    const res = await web.api.call<{ id: string }>('POST', '/api/v1/escalations', sam, {
      ...SCHOOL_RAISE,
      caseReference,
    });
    expect(res.status, res.text).to.equal(201);
    if (settle) await web.api.settle(web.api.product.stores.escalations.get(res.body.id)!.processInstanceId);
    return res.body.id;
  }

  async function apiMessages(as: As, query = ''): Promise<{ items: Listed[]; total: number }> {
    const res = await web.api.call<{ items: Listed[]; total: number }>('GET', `/api/v1/messages${query}`, as);
    expect(res.status, res.text).to.equal(200);
    return res.body;
  }

  before(async () => {
    web = await WebHarness.start();
    await web.api.user('sam', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      organisationName: 'St Mary’s Primary',
      roles: ['raising-professional'],
    });
    await web.api.user('pat', {
      partnership: 'liverpool',
      agency: 'merseyside-police',
      organisation: 'merseyside-police',
      roles: ['raising-professional', 'other-agency-professional'],
    });
    sam = web.api.token('sam');
    // Enough escalations for more than one page of 25 messages.
    for (let n = 1; (await apiMessages(sam)).total <= 25; n++) ids.push(await raise(`LCC/2026/01${n}`));
    // The SMTP server is down for the last one: its notices wait in the outbox.
    await web.api.smtp.down();
    ids.push(await raise('LCC/2026/0199', false));
    const outbox = web.api.product.stores.outbox;
    for (let i = 0; i < 400 && outbox.forEscalation(ids.at(-1)!).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(outbox.forEscalation(ids.at(-1)!).map((m) => m.status)).to.include('queued');
  });

  pagePerTest(
    () => web,
    (page) => (ui = page),
  );

  after(async () => {
    await web?.api.smtp.up();
    await web?.stop();
  });

  it('Given Sam, When he opens Messages from the navigation, Then the rows are GET /messages’s first page, newest first, each status a word, his own marked "You", a message opens by keyboard, the next page a link; axe-clean', async () => {
    await ui.signedInAs('sam');
    await ui.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Messages' }).click();
    expect(await ui.heading()).to.equal('Messages');
    const api = await apiMessages(sam, '?pageSize=25');
    expect(await ui.page.locator('#messages-list').innerText()).to.equal(`${api.total} messages`);
    const rows = await tableRows(ui);
    expect(rows.map((r) => r.subject)).to.deep.equal(api.items.map((m) => m.subject));
    expect(rows.map((r) => r.escalation)).to.deep.equal(api.items.map((m) => m.caseReference));
    expect(rows.map((r) => r.status)).to.deep.equal(
      api.items.map((m) => ({ sent: 'Sent', queued: 'Waiting to send', failed: 'Not sent' })[m.status]),
    );
    expect(rows.map((r) => r.you)).to.deep.equal(api.items.map((m) => m.toYou));
    expect(rows.some((r) => r.you)).to.equal(true);
    // A message opens by keyboard to its text.
    const summary = ui.page.locator('main table tbody tr summary').first();
    await summary.focus();
    await ui.page.keyboard.press('Enter');
    const text = ui.page.locator('main table tbody tr .govuk-details__text').first();
    expect(await text.isVisible()).to.equal(true);
    expect(await text.textContent()).to.equal(api.items[0]!.text);
    await ui.page.keyboard.press('Enter');
    expect(await text.isVisible()).to.equal(false);
    await ui.expectAccessible('messages');

    await ui.page
      .getByRole('navigation', { name: 'Pages of messages' })
      .getByRole('link', { name: 'Next page' })
      .click();
    await ui.ready();
    const second = await apiMessages(sam, '?pageSize=25&page=2');
    expect((await tableRows(ui)).map((r) => r.subject)).to.deep.equal(second.items.map((m) => m.subject));
    expect(await ui.page.evaluate(() => document.activeElement?.id)).to.equal('messages-list');
  });

  it('Given the SMTP server was down, When Sam filters by "Waiting to send", Then only the held messages are listed; "Only its messages" shows one escalation’s', async () => {
    await ui.signedInAs('sam', '/messages');
    await ui.page.getByLabel('Status').selectOption({ label: 'Waiting to send' });
    await ui.page.getByRole('button', { name: 'Apply filter' }).focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForURL(/status=queued/);
    await ui.ready();
    const queued = await apiMessages(sam, '?status=queued');
    expect(queued.total).to.be.greaterThan(0);
    const rows = await tableRows(ui);
    expect(rows.length).to.equal(queued.total);
    expect(new Set(rows.map((r) => r.status))).to.deep.equal(new Set(['Waiting to send']));
    await ui.expectAccessible('messages-queued');

    await ui.visit('/messages');
    // The oldest escalation of the first page, so that the other escalations' messages are on it too.
    const shown = (await apiMessages(sam, '?pageSize=25')).items.at(-1)!;
    const [first, reference] = [shown.escalationId, shown.caseReference!];
    await ui.page
      .getByRole('link', { name: `Only its messages (${reference})` })
      .first()
      .click();
    await ui.page.waitForURL(new RegExp(`escalation=${first}`));
    await ui.ready();
    const its = await apiMessages(sam, `?escalation=${first}`);
    expect(its.total).to.be.greaterThan(0);
    expect(await ui.page.locator('#messages-list').innerText()).to.equal(
      `${its.total} messages about ${reference}`,
    );
    const itsRows = await tableRows(ui);
    expect(itsRows.map((r) => r.subject)).to.deep.equal(its.items.map((m) => m.subject));
    expect(itsRows.every((r) => r.escalation === reference)).to.equal(true);
    expect(
      await ui.page.getByRole('link', { name: reference, exact: true }).first().getAttribute('href'),
    ).to.equal(`/escalations/${first}`);
  });

  it('Given Pat, of a third agency, Then Messages lists and counts none of them, and no case reference of theirs is on the page, even asked for by one escalation', async () => {
    expect((await apiMessages(web.api.token('pat'))).total).to.equal(0);
    await ui.signedInAs('pat', '/messages');
    expect(await ui.page.locator('#messages-list').innerText()).to.equal('0 messages');
    expect(await ui.page.locator('main').innerText()).to.contain('There are no messages to show.');
    await ui.visit(`/messages?escalation=${ids[0]}`);
    const main = await ui.page.locator('main').innerText();
    expect(main).to.contain('0 messages');
    expect(main).to.not.match(/LCC\/2026/);
    await ui.expectAccessible('messages-none');
  });
});

/** The table's rows as the page shows them. */
async function tableRows(ui: BrowserPage) {
  return ui.page.locator('main table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return {
        subject: cells[0]!.querySelector('summary')!.textContent!.trim(),
        escalation: cells[1]!.querySelector('a')!.textContent!.trim(),
        you: !!cells[2]!.querySelector('.govuk-tag'),
        status: cells[3]!.querySelector('.govuk-tag')!.textContent!.trim(),
      };
    }),
  );
}
