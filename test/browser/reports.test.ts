/**
 * The Reports page in real Chromium against the real product (issue 16, "a Reports page in the UI
 * showing the same charts"): Liverpool's fixed set of escalations (test/api/reports.fixtures.ts)
 * driven through the API on the fake clock, then the LSCB Business Manager opens Reports from the
 * navigation: the current quarter by default, a week chosen by its first and last day, every
 * table's figures exactly the API's JSON (no "<5" in the app), each chart the server's SVG loaded
 * as an image, the downloads' links, a wrong period said next to its field, and a member without
 * the reports permission neither offered the page nor shown any figure. Axe-clean at 1280 and
 * 320 px (docs/screenshots/reports.png).
 */
import { expect } from 'chai';
import { API_START } from '../api/harness.js';
import { ReportScenario, type Period } from '../api/reports.fixtures.js';
import { pagePerTest, WebHarness, type BrowserPage } from './web-harness.js';

interface Report {
  raised: number;
  status: { open: number; resolved: number; withdrawn: number };
  deadlines: {
    byStage: { label: string; met: number; breached: number }[];
    byAgency: { name: string; met: number; breached: number }[];
  };
  byRaisingAgency: { name: string; count: number }[];
  agenciesWithoutEscalations: { name: string }[];
}

describe('Web UI: Reports (real Chromium; Wiltshire §2.6, Liverpool Appendices 1 and 2)', function () {
  this.timeout(300_000);
  let web: WebHarness;
  let ui: BrowserPage;
  let s: ReportScenario;
  let week1: Period;

  const apiReport = async (from: string, to: string): Promise<Report> => {
    const res = await web.api.call<Report>(
      'GET',
      `/api/v1/reports/partnerships/liverpool?from=${from}&to=${to}`,
      s.as('bea'),
    );
    expect(res.status, res.text).to.equal(200);
    return res.body;
  };

  /** A table's body rows by its caption, each as [row header, …cells]. */
  const table = (caption: string) =>
    ui.page
      .locator('table', { has: ui.page.locator('caption', { hasText: caption }) })
      .first()
      .evaluate((t) =>
        [...t.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.children].map((c) => (c as HTMLElement).innerText.trim()),
        ),
      );

  /** The summary list's value for a key. */
  const summary = (key: string) =>
    ui.page
      .locator('.govuk-summary-list__row', { has: ui.page.locator('dt', { hasText: key }) })
      .first()
      .locator('dd')
      .innerText();

  before(async () => {
    web = await WebHarness.start();
    s = new ReportScenario(web.api, Date.parse(API_START));
    await s.people();
    await s.drive(true);
    ({ week1 } = s.periods());
  });

  pagePerTest(
    () => web,
    (page) => (ui = page),
  );

  after(async () => web?.stop());

  it('Given the LSCB Business Manager, When she opens Reports and shows week 1, Then the figures are the API’s exactly (small counts too), each chart is the server’s SVG, the files are offered; axe-clean', async () => {
    await ui.signedInAs('bea');
    await ui.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' }).click();
    expect(await ui.heading()).to.equal('Reports');
    // The current quarter by default: every escalation of both weeks.
    const quarter = await apiReport('2026-10-01', '2027-01-01');
    expect(quarter.raised).to.equal(8);
    expect(await summary('Raised in the period')).to.equal('8');

    await ui.page.getByRole('group', { name: 'First day' }).getByLabel('Day').fill('2');
    await ui.page.getByRole('group', { name: 'First day' }).getByLabel('Month').fill('11');
    await ui.page.getByRole('group', { name: 'Last day' }).getByLabel('Day').fill('8');
    await ui.page.getByRole('group', { name: 'Last day' }).getByLabel('Month').fill('11');
    await ui.page.getByRole('button', { name: 'Show report' }).click();
    await ui.page.waitForURL(`**/reports?partnership=liverpool&from=${week1.from}&to=${week1.to}`);
    await ui.ready();
    const r = await apiReport(week1.from, week1.to);
    expect(await ui.page.locator('#report-heading').innerText()).to.equal(
      'Liverpool Safeguarding Children Board (LSCB): escalations raised 2 November 2026 to 8 November 2026',
    );
    expect(await summary('Raised in the period')).to.equal(String(r.raised));
    expect(await summary('Resolved')).to.equal(String(r.status.resolved));
    expect(await summary('Withdrawn')).to.equal(String(r.status.withdrawn));
    expect(await table('Escalations raised by each agency')).to.deep.equal(
      r.byRaisingAgency.map((a) => [a.name, String(a.count)]),
    );
    expect(await table('Deadlines met and breached, by stage')).to.deep.equal(
      r.deadlines.byStage.map((x) => [x.label, String(x.met), String(x.breached)]),
    );
    expect(await table('Deadlines met and breached, by agency')).to.deep.equal(
      r.deadlines.byAgency.map((x) => [x.name, String(x.met), String(x.breached)]),
    );
    expect((await table('Agencies that raised none')).map((row) => row[0])).to.deep.equal(
      r.agenciesWithoutEscalations.map((a) => a.name),
    );
    expect(await ui.page.locator('main').innerText()).to.not.include('<5 ');

    const charts = ui.page.locator('img.app-chart');
    expect(await charts.count()).to.equal(6);
    await ui.page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('img.app-chart')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    expect(await charts.first().getAttribute('src')).to.equal(
      `/api/v1/reports/partnerships/liverpool/report.svg?from=${week1.from}&to=${week1.to}&chart=agencies`,
    );
    const pdf = ui.page.getByRole('link', { name: 'Report (PDF, to print)' });
    expect(await pdf.getAttribute('href')).to.equal(
      `/api/v1/reports/partnerships/liverpool/report.pdf?from=${week1.from}&to=${week1.to}`,
    );
    const csv = await ui.page.evaluate(
      async (href) => (await fetch(href!)).text(),
      await ui.page.getByRole('link', { name: 'Figures (CSV, for a spreadsheet)' }).getAttribute('href'),
    );
    expect(csv).to.match(/^section,key,label,measure,value/);
    expect(
      await ui.page.getByRole('link', { name: 'Appendix 1 summary log: School (CSV)' }).count(),
    ).to.equal(1);
    await ui.expectAccessible('reports');
  });

  it('Given a last day before the first, When she shows the report, Then the error is next to the last day and in the summary, and the address is unchanged', async () => {
    await ui.signedInAs('bea', `/reports?partnership=liverpool&from=${week1.from}&to=${week1.to}`);
    await ui.page.getByRole('group', { name: 'Last day' }).getByLabel('Day').fill('1');
    await ui.page.getByRole('button', { name: 'Show report' }).click();
    const message = 'The last day must be the same as or after the first day';
    await ui.page.locator('.govuk-error-summary').getByText(message).waitFor();
    expect(await ui.page.locator('#to-error').innerText()).to.include(message);
    expect(new URL(ui.page.url()).search).to.equal(
      `?partnership=liverpool&from=${week1.from}&to=${week1.to}`,
    );
  });

  it('Given the LSCB Team (a member without the reports permission), Then Reports is not in the navigation and the page shows no figure', async () => {
    await ui.signedInAs('tess');
    expect(
      await ui.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' }).count(),
    ).to.equal(0);
    await ui.visit('/reports');
    expect(await ui.heading()).to.equal('Reports');
    expect(await ui.page.locator('main').innerText()).to.include('You need the reports permission');
    expect(await ui.page.locator('img.app-chart, table').count()).to.equal(0);
  });
});
