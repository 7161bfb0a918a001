/**
 * The escalation page in real Chromium against the real product (engine, API, workers, SMTP, fake
 * clock): the diagram in bpmn-js with the current stage marked, each stage's deadline with the
 * calendar's explanation, the open stage's Camunda Form in form-js completed through the API (with
 * the mouse and with the keyboard alone), the API's field errors next to the fields and in the error
 * summary, the messages, the Summary Log (Appendix 1) PDF, withdrawing on a page of its own, the
 * child's details only after asking (audited), a third agency's not-found page, and a Northamptonshire
 * stage's deadline passing on the fake clock. axe-core at 1280 and 320 px on every page state shown,
 * no CSP violation (bpmn-js and form-js included), screenshots in docs/screenshots/.
 *
 * Liverpool (LSCB Resolution & Escalation Procedure, Liverpool Safeguarding Children Board, version
 * 180501): Hana, a health practitioner at Alder Hey, raises against Liverpool Children's Services
 * (Olu, its professional; Cara, its team manager) for a child on a child protection plan. Stage 1,
 * "Attempt resolution", is due at the end of Day 1; unresolved, it goes to the line managers
 * ("Escalate to Line Manager", Day 2) and the Escalation Summary Log (Appendix 1) is made. Bea is
 * the LSCB Business Manager; Tess (Merseyside Police) is a third agency. Northamptonshire (NSCP
 * Tea-break guide "Professional Disagreements", Stage 1: "within 48 hours (2 working days)"): Nia's
 * school raises against the police, and Stage 1's deadline passes.
 */
import { expect } from 'chai';
import { pagePerTest, WebHarness, type BrowserPage } from './web-harness.js';
import { CHILD } from '../api/acting.fixtures.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

const MINUTE = 60_000;

interface Raised {
  id: string;
  caseReference: string;
  processInstanceId: string;
}

const LIVERPOOL = { ...SCHOOL_RAISE, otherOrganisation: 'liverpool-csc', childStatus: 'CPP' };

describe('Web UI: the escalation page (real Chromium)', function () {
  this.timeout(300_000);
  let web: WebHarness;
  let ui: BrowserPage;
  let counter = 0;

  async function raise(username: string, body: Record<string, unknown>): Promise<Raised> {
    counter += 1;
    const caseReference = `EP/2026/${String(counter).padStart(4, '0')}`;
    const res = await web.api.call<{ id: string }>('POST', '/api/v1/escalations', web.api.token(username), {
      ...body,
      caseReference,
      subject: { ...CHILD },
    });
    expect(res.status, res.text).to.equal(201);
    const { processInstanceId } = web.api.product.stores.escalations.get(res.body.id)!;
    await web.api.settle(processInstanceId);
    return { id: res.body.id, caseReference, processInstanceId };
  }

  const raiseLiverpool = () => raise('hana', LIVERPOOL);

  /** Raises through the raise page (Raise an escalation in the navigation) and waits for the workers. */
  async function raiseThroughThePage(ui: BrowserPage, caseReference: string): Promise<Raised> {
    await ui.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Raise an escalation' })
      .click();
    await ui.page.waitForURL((url) => url.pathname === '/raise');
    await ui.ready();
    await ui.page.getByLabel('Case reference').fill(caseReference);
    await ui.page.getByLabel('Something else about the child’s case').check();
    await ui.page.getByLabel('On a child protection plan').check();
    await ui.page.getByLabel('Other agency').selectOption({ label: "Children's Services" });
    await ui.page.getByLabel('Other organisation (optional)').fill('liverpool-csc');
    await ui.page.getByLabel('What you disagree about').fill(LIVERPOOL.disagreement);
    await ui.page.getByLabel('Outcome you want').fill(LIVERPOOL.outcomeSought);
    await ui.page.getByLabel('Timescale you want').fill(LIVERPOOL.timescaleSought);
    await ui.page.getByLabel('Child’s full name').fill(CHILD.name);
    const dob = ui.page.getByRole('group', { name: 'Date of birth' });
    await dob.getByLabel('Day').fill('21');
    await dob.getByLabel('Month').fill('4');
    await dob.getByLabel('Year').fill('2016');
    await ui.page.getByLabel('Child’s address').fill(CHILD.address);
    await ui.page.getByRole('button', { name: 'Raise the escalation' }).click();
    await ui.page.waitForURL(/\/escalations\/[0-9a-f-]{36}$/);
    const id = new URL(ui.page.url()).pathname.split('/').pop()!;
    const indexed = web.api.product.stores.escalations.get(id)!;
    expect(indexed).to.deep.include({ caseReference, raisedBy: 'hana', otherOrganisation: 'liverpool-csc' });
    await web.api.settle(indexed.processInstanceId);
    return { id, caseReference, processInstanceId: indexed.processInstanceId };
  }

  before(async () => {
    web = await WebHarness.start();
    const lpool = (agency: string | null, organisation: string | null, organisationName: string | null) => ({
      partnership: 'liverpool',
      agency,
      organisation,
      organisationName,
    });
    await web.api.user('hana', {
      ...lpool('health', 'alder-hey', 'Alder Hey'),
      roles: ['raising-professional'],
    });
    await web.api.user('olu', {
      ...lpool('childrens-services', 'liverpool-csc', 'Liverpool Children’s Services'),
      roles: ['other-agency-professional'],
    });
    await web.api.user('cara', {
      ...lpool('childrens-services', 'liverpool-csc', 'Liverpool Children’s Services'),
      roles: ['line-manager'],
    });
    await web.api.user('bea', { ...lpool(null, null, null), roles: ['lscb-business-manager'] });
    await web.api.user('tess', {
      ...lpool('merseyside-police', 'merseyside-police', 'Merseyside Police'),
      roles: ['raising-professional', 'line-manager'],
    });
    const nhants = { partnership: 'northamptonshire', roles: ['raising-professional'] };
    await web.api.user('nia', {
      ...nhants,
      agency: 'school',
      organisation: 'ridgeway',
      organisationName: 'Ridgeway',
    });
    const wilts = { partnership: 'wiltshire', organisationName: null };
    await web.api.user('wren', { ...wilts, agency: 'school', organisation: 'ash-school', roles: ['raising-professional'] }); // prettier-ignore
    await web.api.user('wynn', { ...wilts, agency: 'health', organisation: 'gwh', roles: ['line-manager'] });
  });

  pagePerTest(
    () => web,
    (page) => (ui = page),
  );

  after(async () => {
    await web?.stop();
  });

  it('Given a Liverpool health practitioner raises an escalation for a child on a child protection plan, When she records "unresolved" in Stage 1’s form, Then Stage 1 was marked with its deadline and explanation, the line managers’ stage is highlighted next, their notice is in the messages, and the Appendix 1 PDF downloads (LSCB procedure, Stage 1 and Appendix 1)', async () => {
    await ui.signIn('hana');
    const r = await raiseThroughThePage(ui, 'EP/2026/0100');
    await ui.visit(`/escalations/${r.id}`);
    expect(await ui.heading()).to.equal(r.caseReference);
    expect(await currentShapes(ui)).to.deep.equal(['Stage1_RecordOutcome']);
    expect(await overlayTexts(ui)).to.deep.equal(['Current stage']);
    const stage1 = ui.page.locator('.app-stage', { hasText: 'Record the attempted resolution' });
    expect(await stage1.locator('.govuk-tag').allInnerTexts()).to.deep.equal(['Current stage']);
    // Raised on the harness's Monday 2 November 2026: Day 1 is that day (LSCB procedure, Stage 1).
    expect(await stage1.locator('.govuk-summary-list').innerText()).to.match(
      /Deadline\s+Day 1: due end of Mon 2 Nov 2026\n/,
    );
    expect(await ui.page.locator('.app-open-task p').first().innerText()).to.equal(
      'Day 1: due end of Mon 2 Nov 2026',
    );
    const explanation = stage1.locator('.govuk-details');
    expect(await explanation.getAttribute('open')).to.not.equal(null);
    expect(await explanation.innerText()).to.contain('Rule "Day 1"');
    expect(await explanation.innerText()).to.match(/Due: .* 2026/);
    expect(
      await ui.page.locator('.app-form-js').getByText('Stage 1: record the attempted resolution').count(),
    ).to.equal(1);
    await ui.expectAccessible('escalation');

    await ui.page.getByLabel('Unresolved: escalate to a line manager').check();
    await ui.page.getByLabel('Why it is not resolved').fill('Threshold decision still disputed');
    await ui.page.getByRole('button', { name: 'Record the outcome' }).click();
    await ui.page.locator('.govuk-notification-banner', { hasText: 'Outcome recorded' }).waitFor();
    await ui.page.locator('#now-heading ~ .app-open-task h3', { hasText: 'line managers' }).waitFor();
    await ui.ready();
    expect(await currentShapes(ui)).to.deep.equal(['Stage1LineManager_RecordOutcome']);
    expect(await completedShapes(ui)).to.include.members(['Escalation_Raised', 'Stage1_RecordOutcome']);
    const now = ui.page.locator('.app-open-task');
    expect(await now.innerText()).to.match(
      /recorded by Line manager \(.*Team Manager at Children's Services/,
    );
    expect(await now.locator('form').count()).to.equal(0);
    expect(await ui.page.locator('.app-stage--current h3').innerText()).to.contain(
      "Record the line managers' outcome",
    );
    expect(await ui.page.locator('.app-stage--current .govuk-summary-list').innerText()).to.match(
      /Deadline\s+Day 2: due end of Tue 3 Nov 2026\n/,
    );
    const messages = ui.page.locator('table.app-messages tbody tr', { hasText: 'Line manager:' });
    expect(await messages.count()).to.be.greaterThan(0);
    await ui.expectAccessible('escalation-after-stage-1');

    // Later: the workers have made the Summary Log.
    await web.api.settle(r.processInstanceId);
    await ui.visit(`/escalations/${r.id}`);
    const link = ui.page.getByRole('link', { name: 'Appendix 1: Agency Escalation Summary Log (PDF)' });
    const [download] = await Promise.all([ui.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal('liverpool-appendix-1-summary-log.pdf');
    const bytes = await readDownload(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
  });

  it('Given a direct visit to an escalation’s address, When the page is ready, Then its shell had preloaded the page’s scripts (bpmn-js and form-js among them) and the page had asked for the escalation, its diagram and Stage 1’s form once each (asked for early, not twice)', async () => {
    const r = await raiseLiverpool();
    await ui.signIn('hana');
    const asked: string[] = [];
    const requested = new Set<string>();
    ui.page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      requested.add(pathname);
      if (pathname.startsWith(`/api/v1/escalations/${r.id}`)) asked.push(`${request.method()} ${pathname}`);
    });
    await ui.visit(`/escalations/${r.id}`);
    await ui.page.locator('.app-diagram__canvas svg .djs-element.current').waitFor();
    await ui.page.locator('form.app-task-form[aria-busy="false"] .fjs-form input').first().waitFor();
    const preloaded = await ui.page
      .locator('head link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(preloaded.length).to.be.greaterThan(2);
    expect([...requested]).to.include.members(preloaded);
    const { taskId } = await web.api
      .call<{ openTasks: { id: string }[] }>('GET', `/api/v1/escalations/${r.id}`, web.api.token('hana'))
      .then((res) => ({ taskId: res.body.openTasks[0]!.id }));
    expect([...asked].sort()).to.deep.equal(
      [
        `GET /api/v1/escalations/${r.id}`,
        `GET /api/v1/escalations/${r.id}/diagram`,
        `GET /api/v1/escalations/${r.id}/tasks/${taskId}/form`,
      ].sort(),
    );
  });

  it('Given Stage 1’s form, When it is sent with no outcome and then "Resolved" with no agreed outcome, Then each error from the API is next to its field and in the focused error summary, whose link moves to the field, and the title starts with "Error:"', async () => {
    const r = await raiseLiverpool();
    await ui.signedInAs('hana', `/escalations/${r.id}`);
    await ui.page.getByRole('button', { name: 'Record the outcome' }).click();
    const summary = ui.page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).to.equal(true);
    expect(await summary.innerText()).to.match(/Outcome/);
    const outcomeError = ui.page.locator('.fjs-form-field-radio .fjs-form-field-error');
    expect(await outcomeError.innerText()).to.equal(await summary.locator('li').first().innerText());
    expect(await ui.page.title()).to.equal(`Error: Escalation ${r.caseReference} – Escalations`);
    await summary.locator('a').first().click();
    expect(await ui.page.evaluate(() => (document.activeElement as HTMLInputElement).type)).to.equal('radio');
    await ui.expectAccessible('escalation-form-errors');

    await ui.page.getByLabel('Resolved', { exact: true }).check();
    await ui.page.getByRole('button', { name: 'Record the outcome' }).click();
    await summary.locator('li', { hasText: 'Agreed outcome' }).waitFor();
    const fieldError = ui.page
      .locator('.fjs-form-field-textarea', { hasText: 'Agreed outcome' })
      .locator('.fjs-form-field-error');
    expect(await fieldError.innerText()).to.contain('Agreed outcome');
    expect(await ui.page.getByLabel('Agreed outcome').getAttribute('aria-invalid')).to.equal('true');
    const task = await web.api.product.engine.listUserTasks({ processInstanceId: r.processInstanceId });
    expect(task.map((t) => t.taskDefinitionKey)).to.deep.equal(['Stage1_RecordOutcome']);
  });

  it('Given only a keyboard, When tabbing to Stage 1’s outcome, choosing "Unresolved" with the arrow keys, typing the reason and pressing Enter on "Record the outcome", Then the outcome is recorded', async () => {
    const r = await raiseLiverpool();
    await ui.signedInAs('hana', `/escalations/${r.id}`);
    await ui.page.locator('body').focus();
    await tabTo(ui, (el) => el.type === 'radio' && el.label === 'Resolved');
    await ui.page.keyboard.press('ArrowDown');
    expect(await ui.page.getByLabel('Unresolved: escalate to a line manager').isChecked()).to.equal(true);
    await tabTo(ui, (el) => el.label === 'Why it is not resolved');
    await ui.page.keyboard.type('Threshold decision still disputed');
    await tabTo(ui, (el) => el.tag === 'BUTTON' && el.label === 'Record the outcome');
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('.govuk-notification-banner', { hasText: 'Outcome recorded' }).waitFor();
    await web.api.settle(r.processInstanceId);
    const tasks = await web.api.product.engine.listUserTasks({ processInstanceId: r.processInstanceId });
    expect(tasks.map((t) => t.taskDefinitionKey)).to.deep.equal(['Stage1LineManager_RecordOutcome']);
  });

  it('Given the raiser, When she withdraws the escalation on its own page, Then an empty reason is refused next to the field, the reason is sent, the page says it is withdrawn and the record holds the entry; the other party’s direct visit is refused in plain words', async () => {
    const r = await raiseLiverpool();
    await ui.signedInAs('hana', `/escalations/${r.id}`);
    await ui.page.getByRole('link', { name: 'Withdraw this escalation' }).click();
    await ui.page.waitForURL((url) => url.pathname === `/escalations/${r.id}/withdraw`);
    // The address changes before the page has loaded: wait for its own heading, then for it to be ready.
    await ui.page
      .getByRole('heading', { level: 1, name: 'Why are you withdrawing this escalation?' })
      .waitFor();
    await ui.ready();
    expect(await ui.heading()).to.equal('Why are you withdrawing this escalation?');
    expect(await ui.page.title()).to.equal('Withdraw the escalation – Escalations');
    await ui.expectAccessible('escalation-withdraw');
    await ui.page.getByRole('button', { name: 'Withdraw escalation' }).click();
    expect(await ui.page.locator('#reason-error').innerText()).to.contain(
      'Enter why you are withdrawing the escalation',
    );
    expect(await ui.page.locator('.govuk-error-summary').innerText()).to.contain('Enter why');
    expect(web.api.product.stores.escalations.get(r.id)!.status).to.equal('open');

    await ui.page.getByLabel('Reason').fill('Agreed between the agencies after a strategy discussion');
    await ui.page.getByRole('button', { name: 'Withdraw escalation' }).click();
    await ui.page.waitForURL((url) => url.pathname === `/escalations/${r.id}`);
    await ui.page.locator('.govuk-notification-banner', { hasText: 'Escalation withdrawn' }).waitFor();
    await web.api.settle(r.processInstanceId);
    await ui.visit(`/escalations/${r.id}`);
    expect(await ui.page.locator('.govuk-summary-list__row', { hasText: 'Status' }).innerText()).to.contain(
      'Withdrawn',
    );
    expect(await ui.page.locator('#record-heading ~ div table').innerText()).to.contain('Withdrawn');
    expect(await ui.page.getByRole('link', { name: 'Withdraw this escalation' }).count()).to.equal(0);
    const withdrawn = web.api.product.stores.record.forEscalation(r.id).filter((e) => e.kind === 'withdrawn');
    expect(withdrawn.map((e) => e.payload?.withdrawalReason)).to.deep.equal([
      'Agreed between the agencies after a strategy discussion',
    ]);

    const other = await raiseLiverpool();
    const olu = await web.open();
    try {
      await olu.signedInAs('olu', `/escalations/${other.id}`);
      expect(await olu.page.getByRole('link', { name: 'Withdraw this escalation' }).count()).to.equal(0);
      await olu.visit(`/escalations/${other.id}/withdraw`);
      await olu.page.getByLabel('Reason').fill('We would rather not');
      await olu.page.getByRole('button', { name: 'Withdraw escalation' }).click();
      await olu.page.locator('.govuk-error-summary').waitFor();
      expect(await olu.page.locator('.govuk-error-summary').innerText()).to.contain(
        'Only the professional who raised it, or their organisation, can withdraw it.',
      );
      await olu.expectNoProblems();
    } finally {
      await olu.page.context().close();
    }
    expect(web.api.product.stores.escalations.get(other.id)!.status).to.equal('open');
  });

  it('Given the other agency’s professional, When the page opens, Then the child’s details are nowhere in it until "Show child’s details" is pressed, which reads them once (audited), shows them and hides them again; the Business Manager is told plainly she may not (audited as denied)', async () => {
    const r = await raiseLiverpool();
    const reads = () =>
      web.api.product.stores.audit
        .forEscalation(r.id)
        .filter((e) => e.action === 'subject.read')
        .map((e) => `${e.actor.replace(/^\w+:(\w+:)?/, '')} ${e.outcome}`);
    await ui.signedInAs('olu', `/escalations/${r.id}`);
    const html = async () => ui.page.content();
    for (const secret of [CHILD.name, CHILD.address]) expect(await html()).to.not.contain(secret);
    expect(reads()).to.deep.equal([]);
    await ui.page.getByRole('button', { name: 'Show child’s details' }).click();
    const section = ui.page.locator('section[aria-labelledby="child-heading"]');
    await section.getByText(CHILD.name).waitFor();
    expect(await section.innerText()).to.contain(CHILD.address);
    expect(await section.innerText()).to.contain('21 April 2016');
    expect(reads()).to.deep.equal(['olu ok']);
    await ui.expectAccessible('escalation-child-details');
    await ui.page.getByRole('button', { name: 'Hide child’s details' }).click();
    expect(await html()).to.not.contain(CHILD.name);
    const stored = await ui.page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).to.not.contain(CHILD.name);

    const bea = await web.open();
    try {
      await bea.signedInAs('bea', `/escalations/${r.id}`);
      await bea.page.getByRole('button', { name: 'Show child’s details' }).click();
      const refusal = bea.page.locator('section[aria-labelledby="child-heading"] [role="alert"]');
      await refusal.waitFor();
      expect(await refusal.innerText()).to.equal(
        'You cannot see the child’s details. Only those acting on this escalation’s stages, or sent its documents, may see them. Your request has been recorded.',
      );
      expect(await bea.page.content()).to.not.contain(CHILD.name);
      await bea.expectNoProblems();
    } finally {
      await bea.page.context().close();
    }
    expect(reads()).to.deep.equal(['olu ok', 'bea denied']);
  });

  it('Given an open escalation, When "Report immediate risk" is pressed, Then the page has already said child protection procedures apply today, and the report is routed with the escalation carrying on', async () => {
    const r = await raiseLiverpool();
    await ui.signedInAs('olu', `/escalations/${r.id}`);
    const section = ui.page.locator('section[aria-labelledby="immediate-risk-heading"]');
    expect(await section.innerText()).to.contain('child protection procedures apply today');
    await section.getByRole('button', { name: 'Report immediate risk' }).click();
    await ui.page.locator('.govuk-notification-banner', { hasText: 'Immediate risk reported' }).waitFor();
    await web.api.settle(r.processInstanceId);
    expect(web.api.product.stores.record.forEscalation(r.id).map((e) => e.kind)).to.include(
      'immediate-risk-routed',
    );
    expect(web.api.product.stores.escalations.get(r.id)!.status).to.equal('open');
  });

  it('Given a Wiltshire escalation, When its raiser presses "Log a serious concern", Then the page says it is logged and the record holds it; pressed again while the QA&P Chair decides, the API’s reason is said in plain words; one who only received a notice is told plainly who may log one (WSCB protocol §2.7, §3.1(a))', async () => {
    const r = await raise('wren', { ...SCHOOL_RAISE, otherOrganisation: 'wilts-csc' });
    await ui.signedInAs('wren', `/escalations/${r.id}`);
    const section = ui.page.locator('section[aria-labelledby="serious-concern-heading"]');
    await section.getByRole('button', { name: 'Log a serious concern' }).click();
    await ui.page.locator('.govuk-notification-banner', { hasText: 'Serious concern logged' }).waitFor();
    await web.api.settle(r.processInstanceId);
    const logged = () =>
      web.api.product.stores.record.forEscalation(r.id).filter((e) => e.kind === 'serious-concern-logged');
    expect(logged()).to.have.length(1);

    await section.getByRole('button', { name: 'Log a serious concern' }).click();
    expect(await section.getByRole('alert').innerText()).to.contain('already logged');
    expect(logged()).to.have.length(1);

    // A notice reached health's managers: they see the escalation but do not act on it (403).
    web.api.product.stores.escalations.addAudience(r.id, [
      { role: 'line-manager', agency: 'health', organisation: '', documents: false },
    ]);
    const wynn = await web.open();
    try {
      await wynn.signedInAs('wynn', `/escalations/${r.id}`);
      await wynn.page.getByRole('button', { name: 'Log a serious concern' }).click();
      expect(await wynn.page.getByRole('alert').innerText()).to.equal(
        'You cannot log a serious concern on this escalation: only its parties and the partnership’s own people can.',
      );
      await wynn.expectNoProblems();
    } finally {
      await wynn.page.context().close();
    }
    expect(logged()).to.have.length(1);
  });

  it('Given a user of a third agency, When their dashboard opens, Then it lists none of these escalations (the other party’s does); When they open the escalation’s address (and its withdraw page), Then they get the not-found page, word for word as for an id that does not exist, with nothing of the escalation in the page', async () => {
    const r = await raiseLiverpool();
    // Its other party's dashboard lists it; the third agency's lists none of these escalations.
    await ui.signedInAs('olu', '/');
    expect(await ui.page.locator('main').innerText()).to.contain(r.caseReference);
    await ui.signedInAs('tess', '/');
    expect(await ui.page.locator('main').innerText()).to.not.match(/EP\/2026\//);
    await ui.visit('/escalations/00000000-0000-0000-0000-000000000000');
    expect(await ui.heading()).to.equal('Page not found');
    const nothing = await ui.page.locator('main').innerText();
    for (const path of [`/escalations/${r.id}`, `/escalations/${r.id}/withdraw`]) {
      await ui.visit(path);
      expect(await ui.heading()).to.equal('Page not found');
      expect(await ui.page.title()).to.equal('Page not found – Escalations');
      expect(await ui.page.locator('main').innerText()).to.equal(nothing);
      const html = await ui.page.content();
      for (const secret of [r.caseReference, CHILD.name, 'Stage1_RecordOutcome', 'LiverpoolEscalation'])
        expect(html).to.not.contain(secret);
    }
    await ui.expectAccessible('escalation-not-found');
  });

  it('Given a Northamptonshire escalation, When the fake clock passes Stage 1’s deadline (2 working days), Then the page tags Stage 1 "Overdue" in words and on the diagram, the line managers’ breach notice is in the messages and the breach in the record, and Stage 2 is current, its 5 working days explained with the weekend skipped (NSCP Tea-break guide, Stage 1 and Stage 2)', async () => {
    const r = await raise('nia', {
      raisedByRole: 'raising-professional',
      otherAgencyRole: 'other-agency-professional',
      otherAgency: 'police',
      otherOrganisation: 'northants-police',
      disagreement: 'Strategy discussion not convened',
      outcomeSought: 'A strategy discussion',
      timescaleSought: 'Within 2 working days',
      immediateRisk: false,
      childStatus: 'none',
    });
    const before = await web.api.call<{ stages: { due: string }[] }>(
      'GET',
      `/api/v1/escalations/${r.id}`,
      web.api.token('nia'),
    );
    await web.api.clock.advanceTo(Date.parse(before.body.stages[0]!.due) + MINUTE);
    await web.api.settle(r.processInstanceId);
    await ui.syncClock();
    await ui.signedInAs('nia', `/escalations/${r.id}`);
    const stage1 = ui.page.locator('.app-stage', { hasText: 'Record the agreed plan of action' });
    expect(await stage1.getAttribute('class')).to.contain('app-stage--overdue');
    expect(await stage1.locator('.govuk-tag').allInnerTexts()).to.deep.equal(['Overdue']);
    expect(await stage1.innerText()).to.contain('Deadline passed with no outcome recorded');
    expect(await stage1.locator('.govuk-summary-list').innerText()).to.match(
      /Deadline\s+2 working days: due Wed 4 Nov 2026, 10:00am\n/,
    );
    // Stage 2: 5 working days from Wed 4 Nov, over the weekend, which the explanation lists.
    const stage2 = ui.page.locator('.app-stage--current');
    expect(await stage2.locator('.govuk-summary-list').innerText()).to.match(
      /Deadline\s+5 working days: due Wed 11 Nov 2026, 10:01am\n/,
    );
    const skipped = await stage2.locator('.govuk-details').innerText();
    expect(skipped).to.contain('Skipped Sat 7 Nov 2026: weekend');
    expect(skipped).to.contain('Skipped Sun 8 Nov 2026: weekend');
    expect(await shapesMarked(ui, 'overdue')).to.deep.equal(['Stage1_RecordOutcome']);
    expect(await currentShapes(ui)).to.deep.equal(['Stage2_RecordOutcome']);
    expect(await overlayTexts(ui)).to.have.members(['Current stage', 'Overdue']);
    // Both line managers are asked for a speedy response (stage-breached, to the line-manager role).
    const breach = ui.page.locator('table.app-messages tbody tr', {
      hasText: 'has passed – a speedy response is needed',
    });
    expect(await breach.count()).to.equal(2);
    for (const row of await breach.all()) expect(await row.innerText()).to.contain('Line manager:');
    expect(await ui.page.locator('#record-heading ~ div table').innerText()).to.contain(
      'Stage breached, stage 1',
    );
    await ui.expectAccessible('escalation-overdue');
  });
});

/** Ids of the diagram's shapes carrying a marker class. */
async function shapesMarked(ui: BrowserPage, marker: string): Promise<string[]> {
  return ui.page.$$eval(`.app-diagram__canvas .djs-element.${marker}`, (els) =>
    els.map((el) => el.getAttribute('data-element-id') ?? ''),
  );
}

const currentShapes = (ui: BrowserPage) => shapesMarked(ui, 'current');
const completedShapes = (ui: BrowserPage) => shapesMarked(ui, 'completed');

async function overlayTexts(ui: BrowserPage): Promise<string[]> {
  return ui.page.locator('.app-diagram__label').allInnerTexts();
}

async function readDownload(path: string | null): Promise<Buffer> {
  const { readFileSync } = await import('node:fs');
  return readFileSync(path!);
}

interface Focused {
  tag: string;
  type: string;
  label: string;
}

/** Presses Tab until `match` holds for the focused element; fails after 60 presses. */
async function tabTo(ui: BrowserPage, match: (el: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await ui.page.keyboard.press('Tab');
    const el = await ui.page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      if (!a) return { tag: '', type: '', label: '' };
      const label = a.labels?.[0]?.textContent ?? a.textContent ?? '';
      return {
        tag: a.tagName,
        type: a.type ?? '',
        label: label.replace(/\s+/g, ' ').replace(/\*$/, '').trim(),
      };
    });
    if (match(el)) return;
  }
  expect.fail('the control cannot be reached with Tab');
}
