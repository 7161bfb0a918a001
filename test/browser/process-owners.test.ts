/**
 * The process owners' pages in real Chromium against the real product (issue 15 "Process owners",
 * issue 16 "Deadline preview"): Diagrams lists each deployed version with its running escalations;
 * a version opens in the Camunda 7 modeler (camunda-bpmn-js, its properties panel, our element
 * templates) under the modeler page's own CSP; the lint rules of `npm run lint:bpmn` run in the page
 * and show on the canvas and in a list; Deploy is refused while there are problems; the deadline
 * preview marks the dates an edit moves; a deployment makes version 2 while the running escalation
 * stays on version 1. Someone who is not a process owner gets the not-found page.
 *
 * Liverpool's Stage 2 is "(To be concluded by Day 9)" (Liverpool Safeguarding Children Board, LSCB
 * Resolution & Escalation Procedure: Resolving Inter-Agency Professional Disagreement, version
 * 180501, Stage 2); the owner makes it Day 10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { lintXml } from '../../processes/lint/lint-bpmn.js';
import { MODELER_STYLE_ATTRIBUTES } from '../../src/web/server/security-headers.js';
import type { As } from '../api/harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';
import type { Locator } from 'playwright-core';
import { WebHarness, type BrowserPage } from './web-harness.js';

const MODELER = '/diagrams/liverpool/LiverpoolEscalation/versions/1';
const LIVERPOOL_XML = readFileSync(join(REPOSITORY_ROOT, 'processes/liverpool/escalation.bpmn'), 'utf8');
const STAGE2_TASK = 'Compute the Stage 2 deadline (Day 9)';

describe('Web UI: process owners’ diagrams, the modeler, lint, deploy and the deadline preview (real Chromium)', function () {
  this.timeout(300_000);
  let web: WebHarness;
  let ui: BrowserPage;
  let runningInstance: string;

  before(async () => {
    web = await WebHarness.start();
    await web.api.user('owen', {
      partnership: 'liverpool',
      agency: null,
      roles: ['lscb-team'],
      processOwner: true,
    });
    await web.api.user('sam', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      organisationName: "St Mary's Primary",
      roles: ['raising-professional'],
    });
    runningInstance = await raise(web.api.token('sam'));
    ui = await web.open();
  });

  after(async () => {
    await ui?.expectNoProblems();
    await web?.stop();
  });

  async function raise(as: As): Promise<string> {
    const res = await web.api.call<{ id: string }>('POST', '/api/v1/escalations', as, {
      ...SCHOOL_RAISE,
      caseReference: 'LCC/2026/0042',
      levelOfNeed: 'S17',
    });
    expect(res.status, res.text).to.equal(201);
    const { processInstanceId } = web.api.product.stores.escalations.get(res.body.id)!;
    await web.api.settle(processInstanceId);
    return processInstanceId;
  }

  /** The rows of a diagram's versions table: [version, running, latest]. */
  async function versionRows(): Promise<[string, string, boolean][]> {
    return ui.page
      .locator('table[data-diagram="LiverpoolEscalation"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-version')!,
          r.querySelector('td.govuk-table__cell--numeric')!.textContent!.trim(),
          r.textContent!.includes('Latest'),
        ]),
      );
  }

  const panel = () => ui.page.locator('.app-modeler__panel');
  const problemsStatus = () => ui.page.locator('#problems-status').innerText();
  /**
   * Leaves the field (the properties panel changes the diagram when a field loses focus), then waits
   * for the lint check of that change: until Deploy has no reason against it (changed, checked, no
   * problems), or until the problems' status says `status` and the list is no longer busy.
   */
  async function commit(field: Locator, until: 'deployable' | RegExp): Promise<string> {
    await field.press('Tab');
    if (until === 'deployable') await ui.page.locator('#deploy-reason').waitFor({ state: 'detached' });
    else
      await ui.page.waitForFunction((source) => {
        const status = document.getElementById('problems-status');
        return (
          status?.closest('section')?.getAttribute('aria-busy') === 'false' &&
          new RegExp(source).test(status.textContent ?? '')
        );
      }, until.source);
    await ui.ready();
    return problemsStatus();
  }

  it('Given an escalation running on Liverpool’s version 1, When its process owner opens Diagrams from the navigation, Then version 1 is listed as the latest with 1 running escalation, and the page is axe-clean at 1280 and 320 px', async () => {
    await ui.signedInAs('owen');
    await ui.page.getByRole('link', { name: 'Diagrams' }).click();
    expect(await ui.heading()).to.equal('Diagrams');
    expect(await versionRows()).to.deep.equal([['1', '1', true]]);
    await ui.expectAccessible('process-owners-diagrams');
  });

  it('When they open version 1, Then it loads as a page of its own under the modeler’s CSP (only its libraries’ style attributes allowed, by hash), the diagram and properties panel show, lint finds no problems, Deploy waits for a change, the page is axe-clean at both widths, and the colour picker’s hashed style attributes apply with no violation', async () => {
    const [response] = await Promise.all([
      ui.page.waitForResponse((r) => new URL(r.url()).pathname === MODELER),
      ui.page.getByRole('link', { name: 'Edit version 1 of LiverpoolEscalation' }).click(),
    ]);
    const csp = (await response.allHeaders())['content-security-policy']!;
    expect(csp).to.contain("style-src 'self'").and.to.contain("script-src 'self'");
    expect(csp).to.match(
      new RegExp(`style-src-attr 'unsafe-hashes'( 'sha256-[^']+'){${MODELER_STYLE_ATTRIBUTES.length}}$`),
    );
    expect(await ui.heading()).to.equal('Edit LiverpoolEscalation');
    expect(await problemsStatus()).to.match(/^No problems/);
    expect(
      await ui.page
        .locator('.app-modeler__canvas .djs-element[data-element-id="Stage2_RecordOutcome"]')
        .count(),
    ).to.equal(1);
    expect(await ui.page.locator('#deploy-reason').innerText()).to.contain('Nothing has changed yet');
    expect(await ui.page.getByRole('button', { name: 'Deploy' }).isDisabled()).to.equal(true);
    await ui.expectAccessible('process-owners-modeler');
    // The colour picker's swatches are markup with a style attribute that the policy allows by its
    // hash: applied (2px, not the default 1px), and no violation.
    await ui.page.locator('.djs-element[data-element-id="Stage2_ScheduleDeadline"]').click();
    await ui.page.locator('.djs-context-pad .entry[data-action="set-color"]').click();
    const swatches = ui.page.locator('.djs-popup .entry svg rect');
    await swatches.first().waitFor();
    expect(
      await swatches.evaluateAll((rects) => rects.map((r) => getComputedStyle(r).strokeWidth)),
    ).to.deep.equal(Array(6).fill('2px'));
    await ui.page.keyboard.press('Escape');
    await ui.expectNoProblems();
  });

  it('When they find the Stage 2 deadline task with the keyboard (Ctrl+F) and change its timescale property to Day 10, Then the deadline preview for Thu 17 Dec 2026 at 15:00 marks Stage 2 moved, 1 day later, and Stage 3’s Day 16 unmoved, axe-clean at both widths', async () => {
    await ui.page.locator('.app-modeler__canvas svg[role="application"]').focus();
    await ui.page.keyboard.press('Control+f');
    await ui.page.keyboard.type('Compute the Stage 2 deadline');
    await ui.page.keyboard.press('Enter');
    await panel().getByText(STAGE2_TASK).waitFor();
    await panel().getByText('Extension properties').click();
    const timescale = panel().locator('[data-entry-id="Stage2_ScheduleDeadline-extensionProperty-0"]');
    expect(
      await timescale.locator('.bio-properties-panel-collapsible-entry-header-title').innerText(),
    ).to.equal('timescale');
    await timescale.getByRole('button', { name: 'Toggle list item' }).press('Enter');
    const value = timescale.getByLabel('Value');
    expect(await value.inputValue()).to.equal('Day 9');
    await value.press('Control+a');
    await value.pressSequentially('Day 10');
    expect(await commit(value, 'deployable')).to.match(/^No problems/);
    expect(await ui.page.getByRole('button', { name: 'Deploy' }).isEnabled()).to.equal(true);

    const preview = ui.page.locator('.app-preview');
    await preview.getByLabel('Day').fill('17');
    await preview.getByLabel('Month').fill('12');
    await preview.getByLabel('Year').fill('2026');
    await preview.getByLabel('At (London time)').fill('15:00');
    await preview.getByRole('button', { name: 'Preview deadlines' }).click();
    await preview.locator('table').waitFor();
    await ui.ready();
    expect(await preview.locator('#preview-summary').innerText()).to.equal(
      'Raised Thu 17 Dec 2026, 3:00pm. 1 stage’s date moves.',
    );
    const cells = (stage: string) =>
      preview
        .locator(`tr[data-stage="${stage}"] td`)
        .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(await cells('Stage2_RecordOutcome')).to.deep.equal([
      'Due Sat 26 Dec 2026, 12:00am Day 9',
      'Due Sun 27 Dec 2026, 12:00am Day 10',
      'Moved 1 day later',
    ]);
    const stage3 = await cells('Stage3_RecordOutcome');
    expect(stage3[0]!.replace(/ Day \d+$/, '')).to.equal(stage3[1]!.replace(/ Day \d+$/, ''));
    expect(stage3[2]).to.equal('No change');
    await ui.expectAccessible('process-owners-deadline-preview');
    await ui.expectNoProblems();
  });

  it('When they change the same task’s topic to one no worker has, Then lint shows exactly what npm run lint:bpmn finds in that diagram (the unknown topic, and stage2Due no longer set for the three elements that read it) in the list and on the canvas (marker and "1 problem" each), its link selects the task, Deploy is disabled with the reason, and the page is axe-clean', async () => {
    await panel().getByText('Implementation').click();
    const topic = panel().getByLabel('Topic');
    expect(await topic.inputValue()).to.equal('escalation-schedule');
    await topic.press('Control+a');
    await topic.pressSequentially('escalation-shedule');
    expect(await commit(topic, /^4 problems under the lint rules/)).to.match(
      /^4 problems under the lint rules/,
    );
    const items = ui.page.locator('.app-problems__item');
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-element'), li.getAttribute('data-rule'), li.textContent]),
    );
    // The same edits made to the file, linted in Node as `npm run lint:bpmn` and POST /deployments do.
    const edited = LIVERPOOL_XML.replace(
      'name="timescale" value="Day 9"',
      'name="timescale" value="Day 10"',
    ).replace(
      'id="Stage2_ScheduleDeadline" name="Compute the Stage 2 deadline (Day 9)" camunda:type="external" camunda:topic="escalation-schedule"',
      'id="Stage2_ScheduleDeadline" name="Compute the Stage 2 deadline (Day 9)" camunda:type="external" camunda:topic="escalation-shedule"',
    );
    const expected = await lintXml(edited, 'escalation.bpmn');
    expect(expected.map((p) => p.rule)).to.deep.equal([
      'escalations/external-topics',
      'escalations/expression-variables',
      'escalations/expression-variables',
      'escalations/expression-variables',
    ]);
    const key = (id?: string | null, rule?: string | null) => `${id} ${rule}`;
    expect(shown.map(([id, rule]) => key(id, rule)).sort()).to.deep.equal(
      expected.map((p) => key(p.id, p.rule)).sort(),
    );
    for (const p of expected)
      expect(shown.find(([id, rule]) => key(id, rule) === key(p.id, p.rule))![2]).to.contain(p.message);
    const topicProblem = items.filter({ hasText: 'escalation-shedule' });
    expect(await topicProblem.innerText()).to.match(
      /^Error Compute the Stage 2 deadline \(Day 9\).*Unknown topic "escalation-shedule".*\(escalations\/external-topics\)$/s,
    );
    const shape = ui.page.locator('.djs-element[data-element-id="Stage2_ScheduleDeadline"]');
    expect(await shape.getAttribute('class')).to.contain('app-lint-problem');
    const marked = await ui.page
      .locator('.app-modeler__canvas .djs-element.app-lint-problem')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-element-id')));
    expect(marked.sort()).to.deep.equal(expected.map((p) => p.id).sort());
    expect(await ui.page.locator('.app-lint-badge').allInnerTexts()).to.deep.equal(
      Array(4).fill('1 problem'),
    );
    const deploy = ui.page.getByRole('button', { name: 'Deploy' });
    expect(await deploy.isDisabled()).to.equal(true);
    expect(await ui.page.locator('#deploy-reason').innerText()).to.equal(
      'You cannot deploy while the diagram has 4 problems. Fix each one listed under Problems.',
    );
    await topicProblem.getByRole('button').press('Enter');
    expect(await ui.page.evaluate(() => document.activeElement?.getAttribute('role'))).to.equal(
      'application',
    );
    expect(await shape.getAttribute('class')).to.contain('selected');
    await ui.expectAccessible('process-owners-modeler-lint');
  });

  it('When they fix the topic and deploy, Then version 2 is confirmed; Diagrams lists version 2 as the latest with none running and version 1 still with the running escalation, which the engine runs on version 1; version 2 holds Day 10', async () => {
    const topic = panel().getByLabel('Topic');
    await topic.press('Control+a');
    await topic.pressSequentially('escalation-schedule');
    expect(await commit(topic, 'deployable')).to.match(/^No problems/);
    await ui.page.getByRole('button', { name: 'Deploy' }).click();
    const banner = ui.page.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    expect(await banner.innerText()).to.contain('Version 2 of LiverpoolEscalation is deployed.');
    await banner.getByRole('link', { name: 'See the diagrams and their versions' }).click();
    expect(await ui.heading()).to.equal('Diagrams');
    expect(await versionRows()).to.deep.equal([
      ['2', '0', true],
      ['1', '1', false],
    ]);
    const { engine } = web.api.product;
    const [instance] = await engine.listProcessInstances({ processInstanceIds: [runningInstance] });
    const definitions = await engine.listProcessDefinitions({ key: 'LiverpoolEscalation' });
    const versionOf = (id: string) => definitions.find((d) => d.id === id)?.version;
    expect(versionOf(instance!.definitionId)).to.equal(1);
    const v2 = definitions.find((d) => d.version === 2)!;
    const xml = await engine.getProcessDefinitionXml(v2.id);
    expect(xml)
      .to.contain('name="timescale" value="Day 10"')
      .and.to.contain('camunda:topic="escalation-schedule"');
  });

  it('Given a Liverpool practitioner without process-owner, When they open Diagrams or the modeler’s address, Then the not-found page each time, and no Diagrams link', async () => {
    const other = await web.open();
    try {
      await other.signedInAs('sam');
      expect(await other.page.getByRole('link', { name: 'Diagrams' }).count()).to.equal(0);
      for (const path of ['/diagrams', MODELER]) {
        await other.visit(path);
        expect(await other.heading(), path).to.equal('Page not found');
      }
      await other.expectNoProblems();
    } finally {
      await other.page.context().close();
    }
  });
});
