/**
 * `GET /api/v1/escalations/counts` over real HTTP with the real product: how many of the
 * escalations a user may see have each stage open, by partnership and stage, and that each count is
 * the list's `total` with `stage=` that stage (what the dashboard's "Open escalations by stage"
 * links to). The access rule is the list's: a third agency counts nothing.
 *
 * Liverpool: Oakfield (school) raises three against Children's Services, one of which goes on to the
 * line managers and one is resolved; Alder (health) raises one against Merseyside Police. Wiltshire:
 * Ash School raises one.
 */
import { expect } from 'chai';
import { ApiHarness, type As, liverpoolMember } from './harness.js';
import { raise, type RaisedEscalation } from './raise.fixtures.js';
import { completeThroughEngine } from './engine-raise.js';
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';

interface Counts {
  items: { partnership: string; stage: string; count: number }[];
  total: number;
}
interface Problem {
  errors: { path: string; message: string }[];
}

const MINUTE = 60_000;

describe('GET /escalations/counts: open escalations by stage, as the list counts them', function () {
  this.timeout(180_000);
  let h: ApiHarness;
  const as: Record<string, As> = {};
  const e: Record<string, RaisedEscalation> = {};
  const counts = (who: string, query = '') =>
    h.call<Counts>('GET', `/api/v1/escalations/counts${query}`, as[who]!);
  const listTotal = async (who: string, query: string) =>
    (await h.call<{ total: number }>('GET', `/api/v1/escalations?pageSize=1&${query}`, as[who]!)).body.total;

  before(async () => {
    h = await ApiHarness.start();
    await h.user('ana', liverpoolMember('school', 'oakfield-primary', ['raising-professional']));
    await h.user('hal', liverpoolMember('health', 'alder-trust', ['raising-professional']));
    await h.user('cy', liverpoolMember('childrens-services', 'liverpool-csc', ['other-agency-professional']));
    await h.user('pol', liverpoolMember('merseyside-police', 'north-station', ['line-manager']));
    await h.user('elm', liverpoolMember('school', 'elm-primary', ['raising-professional']));
    await h.user('nur', liverpoolMember('health', 'beech-trust', ['raising-professional']));
    await h.user('chair', liverpoolMember(null, null, ['lscb-independent-chair']));
    h.grant('chair', { partnership: 'wiltshire', agency: null, roles: ['qap-chair'] });
    await h.user('wil', {
      partnership: 'wiltshire',
      agency: 'school',
      organisation: 'ash-school',
      roles: ['raising-professional'],
    });
    for (const name of ['ana', 'hal', 'cy', 'pol', 'elm', 'nur', 'chair', 'wil']) as[name] = h.token(name);

    e.one = await raise(h, as.ana!);
    await h.clock.advance(MINUTE);
    e.two = await raise(h, as.ana!);
    await h.clock.advance(MINUTE);
    e.three = await raise(h, as.ana!);
    await h.clock.advance(MINUTE);
    e.four = await raise(h, as.hal!, { otherAgency: 'merseyside-police' });
    await h.clock.advance(MINUTE);
    e.wilts = await raise(h, as.wil!);
    for (const [r, values] of [
      [e.one!, { ...unresolved, ...appendix1 }],
      [e.two!, { ...resolved, ...appendix1 }],
    ] as const)
      await completeThroughEngine(h, r, 'Stage1_RecordOutcome', values);
  });
  after(async () => {
    await h?.stop();
  });

  it('Given open escalations at two stages of Liverpool and one of Wiltshire, When the chair of both counts them, Then each stage of each partnership has its count and the resolved one counts nowhere (LSCB Resolution & Escalation Procedure Stage 1: "Escalate to Line Manager")', async () => {
    const res = await counts('chair', '?status=open');
    expect(res.status).to.equal(200);
    expect(res.body.items).to.deep.include.members([
      { partnership: 'liverpool', stage: 'Stage1_RecordOutcome', count: 2 },
      { partnership: 'liverpool', stage: 'Stage1LineManager_RecordOutcome', count: 1 },
    ]);
    const wiltshire = res.body.items.filter((i) => i.partnership === 'wiltshire');
    expect(wiltshire.map((i) => i.count)).to.deep.equal([1]);
    expect(res.body.items).to.have.length(3);
    expect(res.body.total).to.equal(4);
    const liverpool = await counts('chair', '?status=open&partnership=liverpool');
    expect(liverpool.body.items.map((i) => i.partnership)).to.deep.equal(['liverpool', 'liverpool']);
    expect(liverpool.body.total).to.equal(3);
  });

  it('Given every user and every filter, When counts are compared with the list filtered by each stage, Then each count is exactly the list’s total (the dashboard’s links lead to that many)', async () => {
    const stages = (await counts('chair')).body.items;
    for (const who of ['ana', 'hal', 'cy', 'pol', 'elm', 'nur', 'chair', 'wil'])
      for (const query of [
        '',
        'status=open',
        'partnership=liverpool',
        'agency=school',
        'raisedFrom=2026-11-02',
      ]) {
        const got = (await counts(who, `?${query}`)).body;
        for (const { partnership, stage } of stages) {
          const count = got.items.find((i) => i.partnership === partnership && i.stage === stage)?.count ?? 0;
          // Another partnership than the filter's is counted nowhere (the list would refuse both).
          const byPartnership = query.startsWith('partnership=');
          const total =
            byPartnership && !query.endsWith(partnership)
              ? 0
              : await listTotal(
                  who,
                  `${query}${byPartnership ? '' : `&partnership=${partnership}`}&stage=${stage}`,
                );
          expect(count, `${who} ${query} ${partnership} ${stage}`).to.equal(total);
        }
      }
  });

  it('Given one school’s escalations, When its professional, the other party, another school and a third agency count, Then each counts only those it may see, another school and the third agency nothing (issue 14 "Access rule": 404 also through counts)', async () => {
    const stage1 = (c: Counts) => c.items.find((i) => i.stage === 'Stage1_RecordOutcome')?.count ?? 0;
    const ana = (await counts('ana', '?status=open')).body;
    expect([stage1(ana), ana.total]).to.deep.equal([1, 2]);
    const cy = (await counts('cy', '?status=open')).body;
    expect([stage1(cy), cy.total]).to.deep.equal([1, 2]);
    expect((await counts('elm', '?status=open')).body).to.deep.equal({ items: [], total: 0 });
    expect((await counts('pol', '?status=open')).body).to.deep.equal({
      items: [{ partnership: 'liverpool', stage: 'Stage1_RecordOutcome', count: 1 }],
      total: 1,
    });
    // Health is neither party to Oakfield's three; Alder named its own trust on the fourth.
    expect((await counts('nur')).body).to.deep.equal({ items: [], total: 0 });
  });

  it('Given a count, When it is answered, Then it is audited like the list, with how many escalations it counted', async () => {
    await counts('hal', '?status=open');
    const last = h.product.stores.db
      .prepare(
        "SELECT actor, action, target, outcome FROM audit_entries WHERE action = 'escalation.counts' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { actor: string; target: string; outcome: string };
    expect(last).to.include({ target: 'escalations:1', outcome: 'ok' });
    expect(last.actor).to.contain('hal');
  });

  it('Given bad filters or no credentials, When counted, Then each is a 400 naming the parameter, and 401 anonymous', async () => {
    const cases: [string, string][] = [
      ['?status=closed', 'query.status'],
      ['?overdue=yes', 'query.overdue'],
      ['?raisedTo=2026-02-30', 'query.raisedTo'],
      ['?partnership=nowhere', 'query.partnership'],
      ['?stage=Stage1_RecordOutcome', 'query.stage'],
      ['?pageSize=1', 'query.pageSize'],
      ['?raisedFrom=2026-11-03&raisedTo=2026-11-02', 'query.raisedTo'],
    ];
    for (const [query, path] of cases) {
      const res = await h.call<Problem>('GET', `/api/v1/escalations/counts${query}`, as.chair!);
      expect(res.status, query).to.equal(400);
      expect(
        res.body.errors.map((x) => x.path),
        query,
      ).to.include(path);
    }
    expect((await h.call('GET', '/api/v1/escalations/counts', null)).status).to.equal(401);
  });
});
