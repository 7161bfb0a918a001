/**
 * Raising an escalation in real Chromium against the real product (issue 15, "Raise an
 * escalation"): the link in the navigation, the start contract's fields with visible labels, the
 * API's errors next to the fields they name and in the summary (then fixed), the immediate-risk
 * warning before anything is sent, the escalation's page after raising, a case reference already
 * holding another child's details, a user of two partnerships, the partnership's own staff, and a
 * raise by keyboard alone. Every page is axe-clean at 1280 and 320 px.
 *
 * Liverpool (LSCB Resolution & Escalation Procedure, Liverpool Safeguarding Children Board): Sam,
 * a school's Designated Safeguarding Lead, raises against Children's Services; Rae (Alder Hey,
 * health) is in Liverpool and Wiltshire; Bea is the LSCB Business Manager (no agency).
 */
import { expect } from 'chai';
import { pagePerTest, WebHarness, type BrowserPage } from './web-harness.js';

const CHILD = { name: 'Ada Example', address: '1 Example Street, Liverpool L1 1AA' };

describe('Web UI: raise an escalation (real Chromium)', function () {
  this.timeout(240_000);
  let web: WebHarness;
  let ui: BrowserPage;

  const escalations = () =>
    (web.api.product.stores.db.prepare('SELECT count(*) AS n FROM escalations').get() as { n: number }).n;

  before(async () => {
    web = await WebHarness.start();
    const liverpool = { partnership: 'liverpool', agency: 'school', organisation: 'st-marys' };
    await web.api.user('sam', {
      ...liverpool,
      organisationName: 'St Mary’s Primary',
      roles: ['raising-professional'],
    });
    await web.api.user('rae', {
      partnership: 'liverpool',
      agency: 'health',
      organisation: 'alder-hey',
      organisationName: 'Alder Hey',
      roles: ['raising-professional', 'line-manager'],
    });
    web.api.grant('rae', { partnership: 'wiltshire', agency: 'health', roles: ['raising-professional'] });
    await web.api.user('bea', { partnership: 'liverpool', roles: ['lscb-business-manager'] });
  });

  pagePerTest(
    () => web,
    (page) => (ui = page),
  );

  after(async () => {
    await web?.stop();
  });

  it('Given Sam on the dashboard, When he follows "Raise an escalation", Then the form asks the start contract with visible labels, his only role chosen, the child’s details in their own section saying who sees them, and is axe-clean', async () => {
    await ui.signedInAs('sam');
    await ui.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Raise an escalation' })
      .click();
    expect(await ui.heading()).to.equal('Raise an escalation');
    expect(new URL(ui.page.url()).pathname).to.equal('/raise');
    for (const label of [
      'Case reference',
      'Other agency',
      'Other organisation (optional)',
      'What you disagree about',
      'Outcome you want',
      'Timescale you want',
      'Child’s full name',
      'Child’s address',
    ])
      await ui.page.getByLabel(label, { exact: true }).waitFor();
    expect(await ui.page.getByLabel('Designated Safeguarding Lead', { exact: true }).isChecked()).to.equal(
      true,
    );
    expect(await ui.page.getByLabel('The other professional’s role').inputValue()).to.equal(
      'other-agency-professional',
    );
    // Liverpool asks the level of need; Wiltshire's serious concern and East Riding's parents are not asked.
    await ui.page.getByRole('group', { name: 'Level of need (optional)' }).waitFor();
    expect(await ui.page.locator('#seriousConcern, #subject-parents').count()).to.equal(0);
    const child = ui.page.getByRole('region', { name: 'The child’s details (optional)' });
    expect(await child.innerText())
      .to.match(/encrypted/)
      .and.to.match(/Only people the procedure gives them to/);
    await child.getByRole('group', { name: 'Date of birth' }).getByLabel('Day').waitFor();
    await ui.expectAccessible('raise');
  });

  it('Given an empty form and a wrong date of birth, When sent, Then the API’s errors are next to each field in plain words and in the focused summary linking to them; fixed, it raises and opens the escalation’s page', async () => {
    await ui.signedInAs('sam', '/raise');
    const before = escalations();
    await ui.page.getByLabel('Child’s full name').fill(CHILD.name);
    await fillDate(ui, '30', '2', '2015');
    await ui.page.getByLabel('Case reference').fill('Ada Example');
    await ui.page.getByRole('button', { name: 'Raise the escalation' }).click();
    const summary = ui.page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(
      await ui.page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    ).to.equal(true);
    expect(await ui.page.title()).to.equal('Error: Raise an escalation – Escalations');
    const expected: Record<string, string> = {
      caseReference:
        'Case reference must include at least one number: use the case’s reference, never the child’s name',
      disagreementContext: 'Select what the disagreement is about',
      childStatus: 'Select whether the child is on a child protection plan or looked after',
      otherAgency: 'Select the other agency',
      disagreement: 'Enter what you disagree about',
      outcomeSought: 'Enter the outcome you want',
      timescaleSought: 'Enter the timescale you want',
      'subject-dateOfBirth': 'Date of birth must be a real date, for example 27 3 2015',
      'subject-address': 'Enter the child’s address, or leave all the child’s details empty',
    };
    for (const [id, message] of Object.entries(expected)) {
      expect(await text(ui, `#${id}-error`), id).to.equal(`Error: ${message}`);
      const link = summary.getByRole('link', { name: message, exact: true });
      expect(await link.getAttribute('href'), id).to.equal(`#${id}`);
    }
    expect(await summary.getByRole('link').count()).to.equal(Object.keys(expected).length);
    expect(escalations(), 'nothing raised').to.equal(before);
    await ui.expectAccessible('raise-errors');

    // The summary's link takes focus to its field.
    await summary.getByRole('link', { name: expected.disagreement! }).click();
    expect(await ui.page.evaluate(() => document.activeElement?.id)).to.equal('disagreement');

    await ui.page.getByLabel('Case reference').fill('LCC/2026/0042');
    await ui.page.getByLabel('A referral or an enquiry').check();
    await ui.page.getByLabel('On a child protection plan').check();
    await ui.page.getByLabel('Section 17: a child in need').check();
    await ui.page.getByLabel('Other agency').selectOption({ label: "Children's Services" });
    await ui.page.getByLabel('Other organisation (optional)').fill('liverpool-csc');
    await ui.page
      .getByLabel('What you disagree about')
      .fill('Referral not accepted at the threshold for assessment');
    await ui.page.getByLabel('Outcome you want').fill('An assessment of the family');
    await ui.page.getByLabel('Timescale you want').fill('Within 5 working days');
    await fillDate(ui, '21', '4', '2016');
    await ui.page.getByLabel('Child’s address').fill(CHILD.address);
    await ui.page.getByRole('button', { name: 'Raise the escalation' }).click();
    await ui.page.waitForURL(/\/escalations\/[0-9a-f-]{36}$/);
    // The new address comes before the escalation's page: while its code and data load, the raise
    // page (and then the escalation page's "Loading…") is still shown. Its h1 is the case reference.
    await ui.page.getByRole('heading', { level: 1, name: 'LCC/2026/0042' }).waitFor();
    await ui.ready();
    const id = new URL(ui.page.url()).pathname.split('/').pop()!;
    const raised = web.api.product.stores.escalations.get(id)!;
    expect(raised).to.deep.include({
      caseReference: 'LCC/2026/0042',
      partnership: 'liverpool',
      raisedBy: 'sam',
      raisedByAgency: 'school',
      raisedByOrganisation: 'st-marys',
      otherAgency: 'childrens-services',
      otherOrganisation: 'liverpool-csc',
      disagreementContext: 'referral-enquiry',
    });
    expect(web.api.product.stores.subjects.get('liverpool', 'LCC/2026/0042')).to.deep.equal({
      ...CHILD,
      dateOfBirth: '2016-04-21',
    });
    expect(await ui.page.locator('main').innerText()).to.contain('LCC/2026/0042');
    // The child's details are in no address the browser went to, and not on the escalation's page.
    expect(ui.page.url()).to.not.contain('Ada');
    expect(await ui.page.locator('main').innerText()).to.not.contain(CHILD.name);
  });

  it('Given "Immediate risk" ticked, Then before anything is sent a warning says child protection procedures apply today; unticked, it is hidden again', async () => {
    await ui.signedInAs('sam', '/raise');
    const before = escalations();
    const warning = ui.page.locator('#immediate-risk-warning');
    const box = ui.page.getByLabel('Immediate risk: the child is at risk of significant harm now');
    expect(await warning.isVisible()).to.equal(false);
    expect(await box.getAttribute('aria-expanded')).to.equal('false');
    await box.check();
    expect(await warning.isVisible()).to.equal(true);
    expect(await box.getAttribute('aria-expanded')).to.equal('true');
    expect(await box.getAttribute('aria-controls')).to.equal('immediateRisk-conditional');
    expect(await text(ui, '#immediate-risk-warning .govuk-warning-text__text')).to.match(
      /^Warning Child protection procedures apply today\./,
    );
    expect(escalations(), 'nothing sent').to.equal(before);
    await ui.expectAccessible('raise-immediate-risk');
    await box.uncheck();
    expect(await warning.isVisible()).to.equal(false);
  });

  it('Given another child’s details stored under a case reference, When Sam raises with it and a different child, Then the error is next to the case reference and nothing is raised', async () => {
    await ui.signedInAs('sam', '/raise');
    const before = escalations();
    await fillValid(ui, 'LCC/2026/0042');
    await ui.page.getByLabel('Child’s full name').fill('Bo Other');
    await fillDate(ui, '1', '1', '2017');
    await ui.page.getByLabel('Child’s address').fill('2 Other Road');
    await ui.page.getByRole('button', { name: 'Raise the escalation' }).click();
    await ui.page.locator('#caseReference-error').waitFor();
    expect(await text(ui, '#caseReference-error')).to.contain(
      'Another child’s details are stored under this case reference',
    );
    expect(escalations()).to.equal(before);
  });

  it('Given Rae in Liverpool and Wiltshire with two roles, Then she first chooses the partnership; Wiltshire asks its serious concern and not Liverpool’s level of need, and her role is hers to choose', async () => {
    await ui.signedInAs('rae', '/raise');
    const partnership = ui.page.getByRole('group', { name: 'Partnership' });
    await partnership.waitFor();
    expect(await ui.page.getByLabel('Case reference').count()).to.equal(0);
    await partnership.getByLabel(/Wiltshire/).check();
    await ui.ready();
    await ui.page
      .getByLabel('Serious concern: log it with the Quality Assurance and Performance Chair now')
      .waitFor();
    expect(await ui.page.locator('#levelOfNeed').count()).to.equal(0);
    await partnership.getByLabel(/Liverpool/).check();
    await ui.ready();
    await ui.page.getByRole('group', { name: 'Level of need (optional)' }).waitFor();
    const role = ui.page.getByRole('group', { name: 'Your role' });
    expect(await role.getByRole('radio').count()).to.equal(2);
    expect(await role.getByRole('radio', { checked: true }).count()).to.equal(0);
    await ui.expectAccessible('raise-two-partnerships');
  });

  it('Given Bea, the LSCB Business Manager (no agency), Then she has no "Raise an escalation" link and the page says who raises instead', async () => {
    await ui.signedInAs('bea');
    expect(await ui.page.getByRole('link', { name: 'Raise an escalation' }).count()).to.equal(0);
    await ui.visit('/raise');
    expect(await ui.page.locator('main').innerText()).to.contain(
      'ask the professional who disagrees to raise it',
    );
    expect(await ui.page.locator('form').count()).to.equal(0);
  });

  it('Given only a keyboard, When Sam tabs from the navigation through the form, answers with keys, and presses Enter, Then it is raised and the escalation’s page opens', async () => {
    await ui.signedInAs('sam');
    await tabTo(ui, (el) => el.tagName === 'A' && el.text === 'Raise an escalation');
    await ui.page.keyboard.press('Enter');
    expect(await ui.heading()).to.equal('Raise an escalation');
    // An empty send first: the summary has focus, and its first link moves focus to the field.
    await tabTo(ui, (el) => el.tagName === 'BUTTON' && el.text === 'Raise the escalation');
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.govuk-error-summary').waitFor();
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.press('Enter');
    expect(await ui.page.evaluate(() => document.activeElement?.id)).to.equal('caseReference');

    await ui.page.keyboard.type('LCC/2026/0077');
    await tabTo(ui, (el) => el.id === 'disagreementContext');
    await ui.page.keyboard.press('Space');
    await tabTo(ui, (el) => el.id === 'childStatus');
    await ui.page.keyboard.press('ArrowDown');
    await ui.page.keyboard.press('ArrowDown');
    await tabTo(ui, (el) => el.id === 'otherAgency');
    await ui.page.keyboard.type('Children');
    await tabTo(ui, (el) => el.id === 'disagreement');
    await ui.page.keyboard.type('Section 47 enquiry closed without a strategy discussion');
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.type('A strategy discussion');
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.type('Today');
    await tabTo(ui, (el) => el.tagName === 'BUTTON' && el.text === 'Raise the escalation');
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForURL(/\/escalations\/[0-9a-f-]{36}$/);
    const id = new URL(ui.page.url()).pathname.split('/').pop()!;
    expect(web.api.product.stores.escalations.get(id)).to.deep.include({
      caseReference: 'LCC/2026/0077',
      disagreementContext: 'referral-enquiry',
      otherAgency: 'childrens-services',
    });
  });
});

async function fillDate(ui: BrowserPage, day: string, month: string, year: string): Promise<void> {
  const dob = ui.page.getByRole('group', { name: 'Date of birth' });
  await dob.getByLabel('Day').fill(day);
  await dob.getByLabel('Month').fill(month);
  await dob.getByLabel('Year').fill(year);
}

/** Every required answer, for a raise that is right but for what the test changes. */
async function fillValid(ui: BrowserPage, caseReference: string): Promise<void> {
  await ui.page.getByLabel('Case reference').fill(caseReference);
  await ui.page.getByLabel('Something else about the child’s case').check();
  await ui.page.getByLabel('Neither').check();
  await ui.page.getByLabel('Other agency').selectOption({ label: "Children's Services" });
  await ui.page.getByLabel('What you disagree about').fill('Threshold decision disputed');
  await ui.page.getByLabel('Outcome you want').fill('A review of the decision');
  await ui.page.getByLabel('Timescale you want').fill('Within 5 working days');
}

/** An element's text content with white space collapsed (visually hidden text included). */
async function text(ui: BrowserPage, selector: string): Promise<string> {
  return ((await ui.page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

interface Focused {
  tagName: string;
  id: string;
  text: string;
}

/** Presses Tab until the focused element is the one wanted; fails after 80 presses. */
async function tabTo(ui: BrowserPage, wanted: (el: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const el = await ui.page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tagName: a?.tagName ?? '', id: a?.id ?? '', text: (a?.textContent ?? '').trim() };
    });
    if (wanted(el)) return;
    await ui.page.keyboard.press('Tab');
  }
  expect.fail('the element cannot be reached with Tab');
}
