/**
 * The partnership report through /api/v1 (issue 16): a fixed set of Liverpool escalations raised
 * and driven through the API with the fake clock over two weeks (reports.fixtures.ts), then every
 * figure of the JSON asserted for week 1, the CSV parsed back, the PDF's text extracted, small-number
 * suppression checked in both, an agency with no escalations listed against its previous weeks,
 * the charts, who may read it (the `reports` permission: 403 for other members, 404 for everyone
 * else), the audit log, and Liverpool's Appendix 1 Agency Escalation Summary Log.
 *
 * The figures follow the procedures' monitoring paragraphs: Wiltshire Safeguarding Children Board
 * (WSCB), Resolving significant case disagreements §2.6 (the pattern of conflicts, themes, and the
 * lack of escalations) and §2.7 (conference chairs); ERSCP, Resolving Inter-Agency Disagreements §4
 * and §6 (Stage 4 and lessons); Liverpool Safeguarding Children Board (LSCB), LSCB Resolution &
 * Escalation Procedure (version 180501), Appendices 1 and 2 and its Day 1 to Day 23 timescales.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { ApiHarness, API_START } from './harness.js';
import { APPENDIX_1, CHILD, download, ReportScenario, type Period } from './reports.fixtures.js';

const HOUR = 3_600_000;
const query = (p: Period) => `from=${p.from}&to=${p.to}`;
const BASE = '/api/v1/reports/partnerships/liverpool';
const names = {
  school: 'School',
  health: 'Health',
  'childrens-services': "Children's Services",
  'merseyside-police': 'Merseyside Police',
} as const;
const pair = (raising: keyof typeof names, other: keyof typeof names, count: number) => ({
  raisingAgency: raising,
  raisingAgencyName: names[raising],
  otherAgency: other,
  otherAgencyName: names[other],
  count,
});
const times = (count: number, medianHours: number | null, p90Hours: number | null) => ({
  count,
  medianHours,
  p90Hours,
});

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).pages
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('Partnership report through /api/v1 (issue 16: Wiltshire §2.6–2.7, East Riding §4 and §6, Liverpool Appendices 1 and 2)', function () {
  this.timeout(300_000);
  let h: ApiHarness;
  let s: ReportScenario;
  let week1: Period;
  let week2: Period;

  before(async () => {
    h = await ApiHarness.start();
    s = new ReportScenario(h, Date.parse(API_START));
    await s.people();
    await s.drive(true);
    ({ week1, week2 } = s.periods());
  });
  after(async () => h?.stop());

  it('Given six escalations raised in week 1, When the LSCB Business Manager asks for that week, Then every figure is exact: agencies and pairs, themes, stages reached and resolved at, times (median and p90 by nearest rank), deadlines met and breached by stage and agency, immediate risk, conferences, withdrawals, lessons and their routing, and the agency that raised none (Wiltshire §2.6–2.7, Liverpool Appendix 2, East Riding §6)', async () => {
    const res = await h.call('GET', `${BASE}?${query(week1)}`, s.as('bea'));
    expect(res.status, res.text).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    // F's line managers' Day 2 passed at the start of Saturday: F was at Stage 1 from Thursday 10:00.
    const fHours = Math.round(((s.fLineManagersEnded - (s.start + 72 * HOUR)) / HOUR) * 100) / 100;
    expect(fHours).to.equal(38);
    expect(res.body).to.deep.equal({
      partnership: { id: 'liverpool', name: 'Liverpool Safeguarding Children Board (LSCB)' },
      period: { from: '2026-11-02T00:00:00.000Z', to: '2026-11-09T00:00:00.000Z' },
      asAt: '2026-11-09T00:00:00.000Z',
      raised: 6,
      status: { open: 1, resolved: 4, closedUnresolved: 0, withdrawn: 1 },
      byRaisingAgency: [
        { agency: 'school', name: 'School', count: 3 },
        { agency: 'health', name: 'Health', count: 2 },
        { agency: 'childrens-services', name: "Children's Services", count: 0 },
        { agency: 'merseyside-police', name: 'Merseyside Police', count: 1 },
      ],
      byAgencyPair: [
        pair('health', 'childrens-services', 2),
        pair('school', 'childrens-services', 2),
        pair('merseyside-police', 'childrens-services', 1),
        pair('school', 'health', 1),
      ],
      byContext: [
        { context: 'general', label: 'Other professional disagreements', count: 2 },
        { context: 'referral-enquiry', label: 'A referral or an enquiry', count: 1 },
        { context: 'conference-request', label: 'A request for a child protection conference', count: 1 },
        { context: 'conference-decision', label: 'A child protection conference’s decision', count: 1 },
        { context: 'cp-plan', label: 'A child protection plan', count: 1 },
      ],
      // Liverpool's raise is written to the child's case record at Stage 1, so all six reached it;
      // D was withdrawn before its Stage 1 ended. Stage 1 times: A 2 h, B and E 4 h (workers, then
      // line managers), C 24 h (breached, then resolved by the line managers), F 38 h (breached).
      stages: [
        { stage: '1', label: 'Stage 1', reached: 6, furthest: 4, timeAtStage: times(5, 4, 38) },
        { stage: '2', label: 'Stage 2', reached: 2, furthest: 1, timeAtStage: times(2, 22, 22) },
        { stage: '3', label: 'Stage 3', reached: 1, furthest: 1, timeAtStage: times(1, 22, 22) },
        { stage: '4', label: 'Stage 4', reached: 0, furthest: 0, timeAtStage: times(0, null, null) },
      ],
      noStageRecorded: 0,
      resolvedAtStage: [
        { stage: '1', label: 'Stage 1', count: 2, timeToResolve: times(2, 2, 24) },
        { stage: '2', label: 'Stage 2', count: 1, timeToResolve: times(1, 26, 26) },
        { stage: '3', label: 'Stage 3', count: 1, timeToResolve: times(1, 48, 48) },
      ],
      closedUnresolvedAtStage: [],
      timeToResolve: times(4, 24, 48),
      deadlines: {
        met: 10,
        breached: 2,
        byStage: [
          { stage: '1', label: 'Stage 1', met: 7, breached: 2 },
          { stage: '2', label: 'Stage 2', met: 2, breached: 0 },
          { stage: '3', label: 'Stage 3', met: 1, breached: 0 },
          { stage: '4', label: 'Stage 4', met: 0, breached: 0 },
        ],
        byAgency: [
          { agency: 'school', name: 'School', met: 5, breached: 1 },
          { agency: 'health', name: 'Health', met: 2, breached: 2 },
          { agency: 'childrens-services', name: "Children's Services", met: 9, breached: 1 },
          { agency: 'merseyside-police', name: 'Merseyside Police', met: 4, breached: 0 },
        ],
      },
      immediateRisk: { routings: 1, escalations: 1, atRaise: 1, later: 0 },
      conferences: {
        total: 2,
        byContext: [
          { context: 'conference-request', label: 'A request for a child protection conference', count: 1 },
          { context: 'conference-decision', label: 'A child protection conference’s decision', count: 1 },
        ],
        referredToDissentProcedure: 0,
      },
      withdrawals: { total: 1, byStage: [{ stage: null, label: 'Before any stage ended', count: 1 }] },
      lessons: {
        entries: 1,
        withLessons: 1,
        byCategory: [
          {
            category: 'training',
            label: 'Training needs',
            count: 1,
            routes: [{ route: 'lscb-team', count: 1 }],
          },
          { category: 'commissioning', label: 'Commissioning needs', count: 0, routes: [] },
          { category: 'agency-guidance', label: 'New agency practice guidance', count: 0, routes: [] },
          {
            category: 'partnership-guidance',
            label: 'New partnership practice guidance',
            count: 1,
            routes: [{ route: 'lscb-team', count: 1 }],
          },
        ],
        routes: [
          {
            route: 'lscb-team',
            label: 'Reported to the LSCB Team in the Report to LSCB',
            citation: 'LSCB Resolution & Escalation Procedure (version 180501), Appendix 2',
            count: 1,
          },
        ],
      },
      agenciesWithoutEscalations: [
        {
          agency: 'childrens-services',
          name: "Children's Services",
          previousPeriods: [
            { from: '2026-10-05T00:00:00.000Z', to: '2026-10-12T00:00:00.000Z', raised: 0 },
            { from: '2026-10-12T00:00:00.000Z', to: '2026-10-19T00:00:00.000Z', raised: 0 },
            { from: '2026-10-19T00:00:00.000Z', to: '2026-10-26T00:00:00.000Z', raised: 0 },
            { from: '2026-10-26T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', raised: 0 },
          ],
        },
      ],
    });
  });

  it('Given week 2, When it is asked while still running, Then it counts its two escalations as they stand now, immediate risk reported after the raise, and lists Merseyside Police (one escalation the week before) and Children’s Services (none) as raising none (Wiltshire §2.6: the lack of escalations)', async () => {
    const res = await h.call<Record<string, unknown>>('GET', `${BASE}?${query(week2)}`, s.as('bea'));
    expect(res.status, res.text).to.equal(200);
    expect(res.body).to.deep.include({
      asAt: new Date(h.clock.now()).toISOString(),
      raised: 2,
      status: { open: 0, resolved: 2, closedUnresolved: 0, withdrawn: 0 },
      immediateRisk: { routings: 1, escalations: 1, atRaise: 0, later: 1 },
      timeToResolve: times(2, 1, 2),
    });
    const quiet = res.body.agenciesWithoutEscalations as {
      agency: string;
      previousPeriods: { raised: number }[];
    }[];
    expect(quiet.map((q) => [q.agency, q.previousPeriods.map((p) => p.raised)])).to.deep.equal([
      ['childrens-services', [0, 0, 0, 0]],
      ['merseyside-police', [0, 0, 0, 1]],
    ]);
  });

  it('Given the CSV of week 1, When parsed back, Then each figure is there as section, key, label, measure and value, counts of 1 to 4 read "<5", medians over fewer than 5 are withheld, and no exact small count is left anywhere', async () => {
    const csv = await download(h, `${BASE}/report.csv?${query(week1)}`, s.as('bea'));
    expect(csv.status).to.equal(200);
    expect(csv.type).to.equal('text/csv; charset=utf-8');
    expect(csv.disposition).to.equal('attachment; filename="liverpool-report-2026-11-02-2026-11-09.csv"');
    const rows = parse(csv.bytes.toString('utf8'), { columns: true }) as Record<string, string>[];
    const value = (section: string, key: string, measure: string) =>
      rows.find((r) => r.section === section && r.key === key && r.measure === measure)?.value;
    expect(value('report', 'period', 'days')).to.equal('2026-11-02 to 2026-11-08');
    expect(value('summary', 'raised', 'Count')).to.equal('6');
    expect(value('summary', 'resolved', 'Count')).to.equal('<5');
    expect(value('summary', 'open', 'Count')).to.equal('<5');
    expect(value('summary', 'closed-unresolved', 'Count')).to.equal('0');
    expect(value('raising-agencies', 'childrens-services', 'Raised')).to.equal('0');
    expect(value('raising-agencies', 'school', 'Raised')).to.equal('<5');
    expect(value('stages', '1', 'Reached')).to.equal('6');
    expect(value('stages', '1', 'Time at stage: median')).to.equal('4.0 hours');
    expect(value('stages', '1', 'Time at stage: 90th percentile')).to.equal('38.0 hours');
    expect(value('stages', '2', 'Time at stage: median')).to.equal('withheld (fewer than 5)');
    expect(value('resolved-at-stage', 'all', 'Time to resolve: median')).to.equal('withheld (fewer than 5)');
    expect(value('deadlines-stage', '1', 'Met')).to.equal('7');
    expect(value('deadlines-stage', '1', 'Breached')).to.equal('<5');
    expect(value('deadlines-agency', 'childrens-services', 'Met')).to.equal('9');
    expect(value('lessons', 'training', 'Count')).to.equal('<5');
    expect(value('without-escalations', 'childrens-services', 'Raised 2026-10-26 to 2026-11-01')).to.equal(
      '0',
    );
    const small = rows.filter((r) => /^[1-4]$/.test(r.value!));
    expect(small, 'exact counts of 1 to 4').to.deep.equal([]);
    expect(rows.filter((r) => r.value === '<5').length).to.be.greaterThan(10);
  });

  it('Given the PDF of week 1, When its text is extracted, Then it has the title, period, suppression rule, every section with its procedure paragraphs, the charts’ words, and "<5" for small counts', async () => {
    const pdf = await download(h, `${BASE}/report.pdf?${query(week1)}`, s.as('bea'));
    expect(pdf.status).to.equal(200);
    expect(pdf.type).to.equal('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).to.equal('%PDF-');
    const text = await pdfText(pdf.bytes);
    for (const words of [
      'Professional disagreements report: Liverpool Safeguarding Children Board (LSCB)',
      'Escalations raised 2026-11-02 to 2026-11-08 (London days).',
      'Counts of 1 to 4 are shown as "<5"',
      'Escalations raised and where they stand',
      'Raised in the period 6',
      'Wiltshire §2.6',
      'Stages reached and time at each stage',
      'Deadlines met and breached, by stage',
      'Stage 1 7 <5',
      'Lessons learned, by category',
      'Agencies that raised no escalations in the period',
      // The charts' own text, drawn as vectors from ECharts' SVG.
      'Resolved at this stage',
      'Breached',
    ])
      expect(text, words).to.include(words);
    expect(text).to.match(/Children's Services 0 0 0 0/);
    expect(text).to.not.include(CHILD.name);
  });

  it('Given the charts for the Reports page, When each is asked for, Then it is SVG drawn on the server with exact counts (the in-app view), and a bad chart name is a 400 naming it', async () => {
    for (const chart of ['agencies', 'agency-pairs', 'contexts', 'stages', 'deadlines', 'lessons']) {
      const svg = await download(h, `${BASE}/report.svg?${query(week1)}&chart=${chart}`, s.as('bea'));
      expect(svg.status, chart).to.equal(200);
      expect(svg.type).to.equal('image/svg+xml; charset=utf-8');
      expect(svg.bytes.toString()).to.match(/^<svg /);
    }
    const deadlines = (
      await download(h, `${BASE}/report.svg?${query(week1)}&chart=deadlines`, s.as('bea'))
    ).bytes.toString();
    expect(deadlines).to.include('>Stage 1</text>');
    expect(deadlines).to.match(/>2<\/text>/);
    expect(deadlines).to.not.include('&lt;5');
    const bad = await h.call('GET', `${BASE}/report.svg?${query(week1)}&chart=pie`, s.as('bea'));
    expect(bad.status).to.equal(400);
    expect(bad.text).to.include('query.chart');
  });

  it('Given who asks, Then only the reports permission reads it: the LSCB Team (a member without it) gets 403, a Wiltshire member and an unknown partnership 404, no credential 401; bad periods are 400s naming the field; each read is audited', async () => {
    expect((await h.call('GET', `${BASE}?${query(week1)}`, s.as('tess'))).status).to.equal(403);
    expect((await h.call('GET', `${BASE}/report.pdf?${query(week1)}`, s.as('tess'))).status).to.equal(403);
    expect((await h.call('GET', `${BASE}?${query(week1)}`, s.as('wes'))).status).to.equal(404);
    const unknown = await h.call('GET', `/api/v1/reports/partnerships/nowhere?${query(week1)}`, s.as('bea'));
    expect(unknown.status).to.equal(404);
    expect((await h.call('GET', `${BASE}?${query(week1)}`, null)).status).to.equal(401);
    const backwards = await h.call('GET', `${BASE}?from=${week1.to}&to=${week1.from}`, s.as('bea'));
    expect(backwards.status).to.equal(400);
    expect(backwards.text).to.include('query.to');
    const missing = await h.call('GET', `${BASE}?to=${week1.to}`, s.as('bea'));
    expect(missing.status).to.equal(400);
    expect(missing.text).to.include('query.from');
    const audit = h.product.stores.db
      .prepare(
        "SELECT actor, action, outcome, target FROM audit_entries WHERE action LIKE 'report.%' ORDER BY seq",
      )
      .all() as { actor: string; action: string; outcome: string; target: string }[];
    // Tokens are named `token:<id>:<username>`: the test compares by username.
    const line = (a: (typeof audit)[number]) =>
      `${a.actor.replace(/^token:[0-9a-f]+:/, 'user:')} ${a.action} ${a.outcome} ${a.target}`;
    expect(audit.map(line)).to.include.members([
      'user:bea report.read ok partnership:liverpool:json:2026-11-02T00:00:00.000Z/2026-11-09T00:00:00.000Z',
      'user:bea report.read ok partnership:liverpool:pdf:2026-11-02T00:00:00.000Z/2026-11-09T00:00:00.000Z',
      'user:tess report.read denied partnership:liverpool:json',
      'user:wes report.read not-found partnership:liverpool:json',
      'user:bea report.read not-found partnership:nowhere:json',
    ]);
  });

  it('Given Liverpool’s Appendix 1 for one agency, When the school’s DSL and the Business Manager export it, Then it lists the escalations the school is a party to, with the case reference in place of the child’s details, the free text only for one who may read that Appendix 1, and the Appendix’s columns in order (Liverpool Stage 2 and Appendix 1)', async () => {
    const url = `${BASE}/summary-log.csv?${query(week1)}&agency=school`;
    const mine = await download(h, url, s.as('sam'));
    expect(mine.status).to.equal(200);
    expect(mine.disposition).to.equal('attachment; filename="liverpool-school-summary-log-2026-11-02.csv"');
    const text = mine.bytes.toString('utf8');
    for (const secret of [CHILD.name, CHILD.dateOfBirth, CHILD.address]) expect(text).to.not.include(secret);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).to.deep.equal([
      'Raised',
      'This agency',
      'Agency / School',
      'Agency / School & Escalation Number',
      'Case reference',
      'Concern',
      'Level of Need',
      'Summary of Professional Disagreement',
      'Actions Undertaken Towards Resolution',
      'Outcome of Resolution',
    ]);
    const ref = (letter: string) => `LPL/REPORT/${letter}-${s.start.toString(36)}`;
    expect(rows.map((r) => r['Case reference']).sort()).to.deep.equal([ref('A'), ref('B'), ref('F')]);
    const a = rows.find((r) => r['Case reference'] === ref('A'))!;
    expect(a).to.include({
      'This agency': 'Raised it',
      'Agency / School': 'School (st-marys)',
      'Agency / School & Escalation Number': `School (st-marys): ${APPENDIX_1.agencyEscalationNumber}`,
      Concern: APPENDIX_1.concern,
      'Level of Need': 'S17',
      'Summary of Professional Disagreement': 'Referral not accepted at the threshold for assessment',
      'Actions Undertaken Towards Resolution': APPENDIX_1.actionsUndertaken,
    });
    expect(a['Outcome of Resolution']).to.match(/^Resolved\nAgreed outcome: Assessment agreed/);
    const f = rows.find((r) => r['Case reference'] === ref('F'))!;
    expect(f['Outcome of Resolution']).to.match(/^Not completed within the timescale/);

    // The Business Manager is not sent a Stage 1 Appendix 1: the free text is withheld from her.
    const office = parse((await download(h, url, s.as('bea'))).bytes.toString(), { columns: true }) as Record<
      string,
      string
    >[];
    expect(office.find((r) => r['Case reference'] === ref('A'))!.Concern).to.match(/^Not shown/);
    const police = `${BASE}/summary-log.csv?${query(week1)}&agency=merseyside-police`;
    const e = parse((await download(h, police, s.as('bea'))).bytes.toString(), { columns: true }) as Record<
      string,
      string
    >[];
    // E reached Stage 3: its Report to LSCB went to the Business Manager, so she reads its details.
    expect(e.map((r) => [r['Case reference'], r['Summary of Professional Disagreement']])).to.deep.equal([
      [ref('E'), 'Referral not accepted at the threshold for assessment'],
    ]);
    const bad = await h.call('GET', `${BASE}/summary-log.csv?${query(week1)}&agency=fire`, s.as('bea'));
    expect(bad.status).to.equal(400);
    expect(bad.text).to.include('query.agency');
    expect((await h.call('GET', url, s.as('tess'))).status).to.equal(403);
  });
});
