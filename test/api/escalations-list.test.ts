/**
 * `GET /api/v1/escalations` over real HTTP with the real product: paging and totals, every filter,
 * each item's open stages, and the access rule in the list, its total and `GET /escalations/:id`
 * (an agency never learns of another agency's escalation; a partnership-wide role sees every one of
 * its partnership). Overdue runs on its own product, as it moves the fake clock past a deadline.
 *
 * Liverpool: Oakfield (school) raises three, Elm (another school) one, Alder (health) one against
 * Merseyside Police; Wiltshire one.
 */
import { expect } from 'chai';
import { ApiHarness, API_START, type As, liverpoolMember } from './harness.js';
import { raise, type RaisedEscalation } from './raise.fixtures.js';
import { completeThroughEngine } from './engine-raise.js';
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';

interface Item {
  id: string;
  partnership: string;
  status: string;
  currentStages: { elementId: string; name: string; due: string | null; overdue: boolean }[];
  parties: { side: string; agency: { id: string } }[];
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}
interface Problem {
  errors: { path: string; message: string }[];
}

const MINUTE = 60_000;

describe('GET /escalations: lists, filters and who sees what', function () {
  this.timeout(180_000);
  let h: ApiHarness;
  const as: Record<string, As> = {};
  const e: Record<string, RaisedEscalation> = {};
  const list = (who: string, query = '') => h.call<Page>('GET', `/api/v1/escalations${query}`, as[who]!);
  const ids = (page: Page) => page.items.map((i) => i.id);

  before(async () => {
    h = await ApiHarness.start();
    await h.user('ana', liverpoolMember('school', 'oakfield-primary', ['raising-professional']));
    await h.user('ben', liverpoolMember('school', 'elm-primary', ['raising-professional']));
    await h.user('hal', liverpoolMember('health', 'alder-trust', ['raising-professional']));
    await h.user('cy', liverpoolMember('childrens-services', 'liverpool-csc', ['other-agency-professional']));
    await h.user('chair', liverpoolMember(null, null, ['lscb-independent-chair']));
    h.grant('chair', { partnership: 'wiltshire', agency: null, roles: ['qap-chair'] });
    await h.user('wil', {
      partnership: 'wiltshire',
      agency: 'school',
      organisation: 'ash-school',
      roles: ['raising-professional'],
    });
    await h.user('wchair', { partnership: 'wiltshire', agency: null, roles: ['qap-chair'] });
    for (const name of ['ana', 'ben', 'hal', 'cy', 'chair', 'wil', 'wchair']) as[name] = h.token(name);

    const next = () => h.clock.advance(MINUTE);
    e.one = await raise(h, as.ana!);
    await next();
    e.two = await raise(h, as.ana!);
    await next();
    e.three = await raise(h, as.ana!, { otherAgency: 'health', otherOrganisation: 'alder-trust' });
    await next();
    e.four = await raise(h, as.hal!, { otherAgency: 'merseyside-police' });
    await next();
    e.five = await raise(h, as.ben!);
    await next();
    e.wilts = await raise(h, as.wil!);
  });
  after(async () => {
    await h?.stop();
  });

  it('Given three escalations of one school, When listed two a page, Then newest raised first, the total counts all three, and each item shows its open stage and parties (LSCB Resolution & Escalation Procedure Stage 1)', async () => {
    const first = await list('ana', '?pageSize=2');
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ total: 3, page: 1, pageSize: 2 });
    expect(ids(first.body)).to.deep.equal([e.three!.id, e.two!.id]);
    const second = await list('ana', '?pageSize=2&page=2');
    expect(ids(second.body)).to.deep.equal([e.one!.id]);
    expect(second.body.total).to.equal(3);
    expect((await list('ana', '?pageSize=2&page=3')).body).to.deep.include({ items: [], total: 3 });
    expect((await list('ana')).body.pageSize).to.equal(25);

    const [item] = second.body.items;
    expect(item!.currentStages).to.deep.equal([
      {
        elementId: 'Stage1_RecordOutcome',
        name: 'Record the attempted resolution',
        due: '2026-11-03T00:00:00.000Z',
        overdue: false,
      },
    ]);
    expect(item!.parties.map((p) => [p.side, p.agency.id])).to.deep.equal([
      ['raised-by', 'school'],
      ['other', 'childrens-services'],
    ]);
    expect(item).to.include({ partnership: 'liverpool', status: 'open' });
  });

  it('Given one school’s escalations, When another school or another agency lists or asks for one, Then none is listed or counted and each is 404, audited as not found; the other party sees those it is party to (LSCB Resolution & Escalation Procedure Stage 1: "between workers")', async () => {
    const ben = await list('ben');
    expect(ids(ben.body)).to.deep.equal([e.five!.id]);
    expect(ben.body.total).to.equal(1);
    const hal = await list('hal');
    expect(ids(hal.body)).to.deep.equal([e.four!.id, e.three!.id]);
    expect(hal.body.total).to.equal(2);
    // Children's Services is the unnamed other party of Oakfield's first two and Elm's.
    expect((await list('cy')).body).to.deep.include({ total: 3 });
    expect(ids((await list('cy')).body)).to.deep.equal([e.five!.id, e.two!.id, e.one!.id]);

    for (const who of ['ben', 'hal', 'wchair']) {
      const res = await h.call('GET', `/api/v1/escalations/${e.one!.id}`, as[who]!);
      expect(res.status, who).to.equal(404);
      const unknown = await h.call(
        'GET',
        '/api/v1/escalations/00000000-0000-4000-8000-000000000000',
        as[who]!,
      );
      expect(unknown.status).to.equal(404);
      expect(JSON.parse(unknown.text).detail).to.equal(JSON.parse(res.text).detail);
    }
    const audit = h.product.stores.audit.forEscalation(e.one!.id);
    expect(
      audit.filter((a) => a.action === 'escalation.view' && a.outcome === 'not-found').map((a) => a.actor),
    ).to.have.length(3);
    expect((await list('hal', `?agency=school`)).body.total).to.equal(1);
  });

  it('Given a partnership-wide role (the LSCB Independent Chair), When listing and opening, Then every escalation of that partnership is visible and counted, none of another partnership the chair is not staff of (LSCB Resolution & Escalation Procedure Stage 4)', async () => {
    const all = await list('chair', '?partnership=liverpool');
    expect(all.body.total).to.equal(5);
    expect(ids(all.body)).to.deep.equal([e.five!.id, e.four!.id, e.three!.id, e.two!.id, e.one!.id]);
    const open = await h.call<{ openTasks: { canComplete: boolean }[] }>(
      'GET',
      `/api/v1/escalations/${e.one!.id}`,
      as.chair!,
    );
    expect(open.status).to.equal(200);
    // Seeing is not acting: Stage 1 is the workers' task.
    expect(open.body.openTasks.map((t) => t.canComplete)).to.deep.equal([false]);
    expect((await list('wchair')).body).to.deep.include({ total: 1 });
    expect(ids((await list('wchair')).body)).to.deep.equal([e.wilts!.id]);
  });

  it('Given escalations of two partnerships and several agencies, When filtered by partnership, agency or raise time, Then only those match and the total counts them', async () => {
    expect((await list('chair')).body.total).to.equal(6);
    expect(ids((await list('chair', '?partnership=wiltshire')).body)).to.deep.equal([e.wilts!.id]);
    expect(ids((await list('chair', '?agency=health')).body)).to.deep.equal([e.four!.id, e.three!.id]);
    expect(ids((await list('chair', '?agency=merseyside-police')).body)).to.deep.equal([e.four!.id]);
    const from = new Date(Date.parse(API_START) + MINUTE).toISOString();
    const to = new Date(Date.parse(API_START) + 3 * MINUTE).toISOString();
    const window = await list('chair', `?raisedFrom=${from}&raisedTo=${to}`);
    expect(ids(window.body)).to.deep.equal([e.three!.id, e.two!.id]);
    expect(window.body.total).to.equal(2);
    // A day is the whole London day, raisedTo included.
    expect((await list('chair', '?raisedFrom=2026-11-02&raisedTo=2026-11-02')).body.total).to.equal(6);
    expect((await list('chair', '?raisedFrom=2026-11-03')).body.total).to.equal(0);
  });

  it('Given one escalation resolved at Stage 1 and one escalated to the line managers, When filtered by status and by open stage, Then each filter finds exactly those (LSCB Resolution & Escalation Procedure Stage 1: "Escalate to Line Manager")', async () => {
    await completeThroughEngine(h, e.two!, 'Stage1_RecordOutcome', { ...resolved, ...appendix1 });
    await completeThroughEngine(h, e.one!, 'Stage1_RecordOutcome', { ...unresolved, ...appendix1 });
    expect(ids((await list('chair', '?status=resolved')).body)).to.deep.equal([e.two!.id]);
    const open = await list('chair', '?status=open&partnership=liverpool');
    expect(ids(open.body)).to.deep.equal([e.five!.id, e.four!.id, e.three!.id, e.one!.id]);
    expect((await list('chair', '?status=withdrawn')).body.total).to.equal(0);

    const stage1 = await list('chair', '?stage=Stage1_RecordOutcome');
    expect(ids(stage1.body)).to.deep.equal([e.five!.id, e.four!.id, e.three!.id]);
    const managers = await list('chair', '?stage=Stage1LineManager_RecordOutcome');
    expect(ids(managers.body)).to.deep.equal([e.one!.id]);
    expect(managers.body.items[0]!.currentStages.map((s) => s.elementId)).to.deep.equal([
      'Stage1LineManager_RecordOutcome',
    ]);
    // The filter is on top of who may see: Oakfield's professional sees only their own.
    expect(ids((await list('ana', '?stage=Stage1_RecordOutcome')).body)).to.deep.equal([e.three!.id]);
    const resolvedItem = (await list('chair', '?status=resolved')).body.items[0]!;
    expect(resolvedItem.currentStages).to.deep.equal([]);
  });

  it('Given bad filters, When listed, Then each is a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?status=closed', 'query.status'],
      ['?pageSize=101', 'query.pageSize'],
      ['?page=0', 'query.page'],
      ['?overdue=yes', 'query.overdue'],
      ['?raisedFrom=yesterday', 'query.raisedFrom'],
      ['?raisedTo=2026-02-30', 'query.raisedTo'],
      ['?agency=Health%20Trust', 'query.agency'],
      ['?stage=Stage%201', 'query.stage'],
      ['?partnership=nowhere', 'query.partnership'],
      ['?sort=name', 'query.sort'],
      ['?raisedFrom=2026-11-03&raisedTo=2026-11-02', 'query.raisedTo'],
      ['?status=open&status=resolved', 'query.status'],
    ];
    for (const [query, path] of cases) {
      const res = await h.call<Problem>('GET', `/api/v1/escalations${query}`, as.chair!);
      expect(res.status, query).to.equal(400);
      expect(
        res.body.errors.map((x) => x.path),
        query,
      ).to.include(path);
    }
    expect((await h.call('GET', '/api/v1/escalations', null)).status).to.equal(401);
  });
});

describe('GET /escalations?overdue=true: once the clock passes a deadline', function () {
  this.timeout(180_000);
  let h: ApiHarness;
  let as: As;

  before(async () => {
    h = await ApiHarness.start();
    await h.user('una', {
      partnership: 'safeguarding-unit',
      agency: 'health',
      organisation: 'north-trust',
      roles: ['raising-professional'],
    });
    as = h.token('una');
  });
  after(async () => {
    await h?.stop();
  });

  it('Given two escalations raised two days apart, When the clock passes the first one’s 5 working days and its reminder fires, Then only it is listed as overdue, counted, and shown overdue on its stage and open task (Resolving professional disagreements 2.3)', async () => {
    const early = await raise(h, as);
    await h.clock.advance(2 * 24 * 60 * MINUTE);
    const late = await raise(h, as);
    expect((await h.call<Page>('GET', '/api/v1/escalations?overdue=true', as)).body.total).to.equal(0);

    const detail = await h.call<{ stages: { due: string }[] }>('GET', `/api/v1/escalations/${early.id}`, as);
    const due = Date.parse(detail.body.stages[0]!.due);
    expect(new Date(due).toISOString()).to.equal('2026-11-09T10:00:00.000Z');
    await h.clock.advanceTo(due + MINUTE); // fires the non-interrupting Stage1_Reminder timer
    await h.settle(early.processInstanceId);
    await h.settle(late.processInstanceId);

    const overdue = await h.call<Page>('GET', '/api/v1/escalations?overdue=true', as);
    expect(overdue.body.items.map((i) => i.id)).to.deep.equal([early.id]);
    expect(overdue.body.total).to.equal(1);
    expect(overdue.body.items[0]!.currentStages.map((s) => [s.elementId, s.overdue])).to.deep.equal([
      ['Stage1_RecordOutcome', true],
    ]);
    const both = await h.call<Page>('GET', '/api/v1/escalations?overdue=true&stage=Stage1_RecordOutcome', as);
    expect(both.body.items.map((i) => i.id)).to.deep.equal([early.id]);
    expect(
      (await h.call<Page>('GET', '/api/v1/escalations?overdue=true&stage=Stage2_RecordOutcome', as)).body
        .total,
    ).to.equal(0);
    const all = await h.call<Page>('GET', '/api/v1/escalations', as);
    expect(all.body.items.map((i) => [i.id, i.currentStages[0]!.overdue])).to.deep.equal([
      [late.id, false],
      [early.id, true],
    ]);

    const now = await h.call<{
      stages: { overdue: boolean; endedAt: string | null }[];
      openTasks: { overdue: boolean }[];
      timeline: { elementId: string; event: string }[];
    }>('GET', `/api/v1/escalations/${early.id}`, as);
    expect(now.body.stages.map((s) => [s.overdue, s.endedAt])).to.deep.equal([[true, null]]);
    expect(now.body.openTasks.map((t) => t.overdue)).to.deep.equal([true]);
    // The reminder is on the timeline; the stage stays open (a reminder does not end it).
    expect(now.body.timeline.map((t) => [t.elementId, t.event])).to.deep.include([
      'Stage1_Reminder',
      'reached',
    ]);
  });
});
