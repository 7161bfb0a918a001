/**
 * For process owners, over real HTTP, what the in-browser modeler uses beside `POST /deployments`:
 * `GET /api/v1/partnerships/:id/diagrams/:key/versions/:version.bpmn` (a deployed version's XML to
 * edit) and `POST /api/v1/simulations` (the deadline preview: the edited diagram and the deployed
 * version simulated side by side, issue 16 "What-if deadlines"), with who may use them and every
 * bad input answered 400 naming its field.
 *
 * Liverpool's Stage 2 is "(To be concluded by Day 9)" (Liverpool Safeguarding Children Board, LSCB
 * Resolution & Escalation Procedure, version 180501, Stage 2); the edit makes it Day 10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadPartnerships, REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { loadFormCatalogue } from '../../processes/forms-catalogue.js';
import { NO_HOLIDAY_OVERRIDES } from '../../src/calendar/index.js';
import { compareTimelines, simulate, throwawayEngines } from '../../src/simulation/index.js';
import { ApiHarness, type As } from './harness.js';
import { createProcessOwnerCast } from './process-owners.fixtures.js';
import type { SimulationAnswer } from '../../src/api/routes/simulation-shapes.js';

const LIVERPOOL = readFileSync(join(REPOSITORY_ROOT, 'processes/liverpool/escalation.bpmn'), 'utf8');
const STAGE2 = '<camunda:property name="timescale" value="Day 9" />';
const DAY10 = LIVERPOOL.replace(STAGE2, '<camunda:property name="timescale" value="Day 10" />');
/** Thursday 17 December 2026, 15:00 in London: Stage 2's Day 9 is Christmas Day. */
const RAISED = '2026-12-17T15:00:00Z';

interface Problem {
  errors?: { path: string; message: string }[];
}

describe('API process owners: a deployed version’s XML and the deadline preview (POST /simulations)', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  let owen: As;
  let sam: As;
  let wanda: As;

  before(async () => {
    h = await ApiHarness.start({ workers: false });
    ({ owen, sam, wanda } = await createProcessOwnerCast(h));
    expect(DAY10).not.to.equal(LIVERPOOL);
  });
  after(async () => h?.stop());

  const xmlPath = (version: number | string, key = 'LiverpoolEscalation', id = 'liverpool') =>
    `/api/v1/partnerships/${id}/diagrams/${key}/versions/${version}.bpmn`;
  const preview = (as: As, body: unknown) =>
    h.call<SimulationAnswer & Problem>('POST', '/api/v1/simulations', as, body);

  describe('GET …/diagrams/:key/versions/:version.bpmn', () => {
    it('Given the deployed Liverpool diagram, When its process owner asks for version 1, Then the XML the engine holds, as deployed from the checkout', async () => {
      const res = await h.call('GET', xmlPath(1), owen);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/xml; charset=utf-8');
      expect(res.text).to.equal(LIVERPOOL);
    });

    it('Given a member without process-owner, Then 403; a process owner of another partnership, Then 404, as for the diagrams list', async () => {
      expect((await h.call('GET', xmlPath(1), sam)).status).to.equal(403);
      expect((await h.call('GET', xmlPath(1), wanda)).status).to.equal(404);
      expect((await h.call('GET', xmlPath(1), null)).status).to.equal(401);
    });

    it('Given a version never deployed, a key of another partnership or of none, Then 404; a version that is not a number, Then 400 naming it', async () => {
      expect((await h.call('GET', xmlPath(2), owen)).status).to.equal(404);
      expect((await h.call('GET', xmlPath(1, 'WiltshireEscalation'), owen)).status).to.equal(404);
      expect((await h.call('GET', xmlPath(1, 'NoSuchKey'), owen)).status).to.equal(404);
      const bad = await h.call<Problem>('GET', xmlPath('latest'), owen);
      expect(bad.status).to.equal(400);
      expect(bad.body.errors?.map((e) => e.path)).to.deep.equal(['params.version']);
    });
  });

  describe('POST /simulations', () => {
    it('Given Stage 2 changed from Day 9 to Day 10, When the process owner previews from Thu 17 Dec 2026, Then Stage 2’s due date moves a day, Stage 3 starts a day later but keeps its Day 16, and nothing else moves', async () => {
      const res = await preview(owen, { diagram: DAY10, raisedAt: RAISED });
      expect(res.status, res.text).to.equal(200);
      expect(res.body).to.deep.include({
        processKey: 'LiverpoolEscalation',
        partnership: 'liverpool',
        raisedAt: '2026-12-17T15:00:00.000Z',
        movedDates: 1,
      });
      expect(res.body.deployed.version).to.equal(1);
      const stage2 = res.body.rows.find((r) => r.edited?.elementId === 'Stage2_RecordOutcome')!;
      expect(stage2).to.deep.include({ moved: true, startMoved: false });
      expect([stage2.deployed!.due, stage2.deployed!.timescale]).to.deep.equal([
        '2026-12-26T00:00:00.000Z',
        'Day 9',
      ]);
      expect([stage2.edited!.due, stage2.edited!.timescale]).to.deep.equal([
        '2026-12-27T00:00:00.000Z',
        'Day 10',
      ]);
      const stage3 = res.body.rows.find((r) => r.edited?.elementId === 'Stage3_RecordOutcome')!;
      expect(stage3).to.deep.include({ moved: false, startMoved: true });
      expect(stage3.edited!.due).to.equal(stage3.deployed!.due);
      expect(res.body.rows.filter((r) => r.moved).map((r) => r.edited?.elementId)).to.deep.equal([
        'Stage2_RecordOutcome',
      ]);
    });

    it('Given the same diagrams, Then the answer is exactly the simulation module’s comparison (the code escalation simulate --compare runs)', async () => {
      const res = await preview(owen, {
        diagram: DAY10,
        raisedAt: RAISED,
        outcomes: ['unresolved', 'resolved'],
      });
      expect(res.status, res.text).to.equal(200);
      const { settings } = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
      const request = {
        partnership: { settings, calendar: { division: settings.division, holidays: NO_HOLIDAY_OVERRIDES } },
        forms: [...(await loadFormCatalogue()).forms.values()].map((f) => ({
          name: `${f.id}.form`,
          content: JSON.stringify(f.schema),
        })),
        raisedAt: new Date(RAISED),
        outcomes: ['unresolved', 'resolved'],
      };
      const base = await simulate({ ...request, diagram: LIVERPOOL }, throwawayEngines());
      const edited = await simulate({ ...request, diagram: DAY10 }, throwawayEngines());
      const expected = compareTimelines(base, edited).rows;
      expect(
        res.body.rows.map((r) => [r.deployed?.elementId, r.deployed?.due, r.edited?.due, r.moved]),
      ).to.deep.equal(expected.map((r) => [r.base?.elementId, r.base?.due, r.compare?.due, r.moved]));
      // Resolved by the line managers: the route ends there, under both diagrams.
      expect(res.body.rows.map((r) => r.edited?.elementId)).to.deep.equal([
        'Stage1_RecordOutcome',
        'Stage1LineManager_RecordOutcome',
      ]);
      expect(res.body.movedDates).to.equal(0);
    });

    it('Given bad input, Then 400 naming the field: a raise time without its offset, text that is no diagram, a DOCTYPE, an outcome no form offers, a timescale the calendar refuses, a process of no partnership, a version never deployed', async () => {
      const cases: [unknown, string, RegExp][] = [
        [{ diagram: DAY10, raisedAt: '2026-12-17T15:00:00' }, 'body.raisedAt', /offset/],
        [{ diagram: 'not a diagram', raisedAt: RAISED }, 'body.diagram', /not a BPMN 2.0 diagram/],
        [{ diagram: `<!DOCTYPE x [<!ENTITY a "b">]>${DAY10}`, raisedAt: RAISED }, 'body.diagram', /DOCTYPE/],
        [{ diagram: DAY10, raisedAt: RAISED, outcomes: ['maybe'] }, 'body.outcomes', /maybe/],
        [
          {
            diagram: LIVERPOOL.replace(STAGE2, '<camunda:property name="timescale" value="Day nine" />'),
            raisedAt: RAISED,
          },
          'body.diagram',
          /Stage2_ScheduleDeadline/,
        ],
        [
          {
            diagram: readFileSync(join(REPOSITORY_ROOT, 'processes/lint/fixtures/good.bpmn'), 'utf8'),
            raisedAt: RAISED,
          },
          'body.diagram',
          /"Good" is not a diagram of any partnership/,
        ],
        [{ diagram: DAY10, raisedAt: RAISED, deployedVersion: 7 }, 'body.deployedVersion', /never deployed/],
        [{ diagram: DAY10, raisedAt: RAISED, extra: 1 }, 'body.extra', /not a field/],
      ];
      for (const [body, path, message] of cases) {
        const res = await preview(owen, body);
        expect(res.status, `${path}: ${res.text}`).to.equal(400);
        const error = res.body.errors?.find((e) => e.path === path);
        expect(error, `${path} in ${res.text}`).to.not.equal(undefined);
        expect(error!.message).to.match(message);
      }
    });

    it('Given a member without process-owner, a process owner of another partnership, and a session without its CSRF token, Then 403 each', async () => {
      expect((await preview(sam, { diagram: DAY10, raisedAt: RAISED })).status).to.equal(403);
      const other = await preview(wanda, { diagram: DAY10, raisedAt: RAISED });
      expect(other.status).to.equal(403);
      expect(other.text).to.include('liverpool');
      const session = await h.signIn('owen');
      const forged = await h.call(
        'POST',
        '/api/v1/simulations',
        session,
        { diagram: DAY10, raisedAt: RAISED },
        {
          'x-csrf-token': 'not-the-token',
        },
      );
      expect(forged.status).to.equal(403);
      expect(
        (await h.call('POST', '/api/v1/simulations', session, { diagram: DAY10, raisedAt: RAISED })).status,
      ).to.equal(200);
    });
  });
});
