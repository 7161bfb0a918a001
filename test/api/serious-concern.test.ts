/**
 * `POST /api/v1/escalations/:id/serious-concern` over real HTTP with the real workers and SMTP:
 * Wiltshire's "matters of such potentially serious concern that they should be automatically logged
 * with the Chair of the WSCB QA&P Sub Group" (WSCB protocol on resolving significant case
 * disagreements, §3.1(a)), at any level, by those acting on the disagreement; a 409 that says why
 * for a procedure without that path, an ended escalation, or a concern already with the Chair.
 */
import { expect } from 'chai';
import { ApiHarness, type As } from './harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

interface Problem {
  status: number;
  detail: string;
}
interface Escalation {
  status: string;
  openTasks: { id: string; elementId: string; canComplete: boolean }[];
  records: { kind: string; actorRole: string | null; actorAgency: string | null }[];
}

const CHAIR = 'wscb-qap-chair@wiltshire.example.org';

describe('API: logging a serious concern with the QA&P Sub Group Chair (WSCB protocol §3.1(a))', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  const as: Record<string, As> = {};
  let cases = 0;
  const url = (id: string, rest = '') => `/api/v1/escalations/${id}${rest}`;
  const log = (id: string, who: string) => h.call<Problem>('POST', url(id, '/serious-concern'), as[who]!);
  const view = async (id: string, who = 'wren') => (await h.call<Escalation>('GET', url(id), as[who]!)).body;

  /** Raises through the API as `who` and waits for the workers; answers the id and process instance. */
  async function raise(who: string, over: Record<string, unknown> = {}) {
    cases += 1;
    const res = await h.call<{ id: string }>('POST', '/api/v1/escalations', as[who]!, {
      ...SCHOOL_RAISE,
      caseReference: `SC/${String(cases).padStart(4, '0')}`,
      otherOrganisation: over.otherOrganisation ?? 'wilts-csc',
      ...over,
    });
    expect(res.status, res.text).to.equal(201);
    const pi = h.product.stores.escalations.get(res.body.id)!.processInstanceId;
    await h.settle(pi);
    return { id: res.body.id, pi };
  }
  async function complete(id: string, pi: string, who: string, elementId: string, data: object) {
    const task = (await view(id, who)).openTasks.find((t) => t.elementId === elementId)!;
    const res = await h.call('POST', url(id, `/tasks/${task.id}/complete`), as[who]!, data);
    expect(res.status, res.text).to.equal(200);
    await h.settle(pi);
  }
  const chairMail = (caseReference: string) =>
    h.smtp.received.filter((m) => m.to.includes(CHAIR) && m.subject.includes(caseReference));

  before(async () => {
    h = await ApiHarness.start();
    const wilts = (agency: string | null, organisation: string | null, roles: string[]) => ({
      partnership: 'wiltshire',
      agency,
      organisation,
      roles,
    });
    await h.user('wren', wilts('school', 'ash-school', ['raising-professional']));
    await h.user('will', wilts('childrens-services', 'wilts-csc', ['line-manager']));
    await h.user('wade', wilts('childrens-services', 'swindon-csc', ['line-manager']));
    await h.user('hana', wilts('health', 'gwh', ['line-manager']));
    await h.user('quin', wilts(null, null, ['qap-chair']));
    await h.user('cora', wilts(null, null, ['conference-chair']));
    await h.user('sam', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });
    for (const name of ['wren', 'will', 'wade', 'hana', 'quin', 'cora', 'sam']) as[name] = h.token(name);
  });
  after(async () => h?.stop());

  it('Given Manager to Manager under way, When the other agency’s manager logs a serious concern, Then the QA&P Chair is told once and asked to decide on a deep dive, the log names who logged it, and the level carries on; a second log while the Chair decides is 409 (§2.5, §3.1(a))', async () => {
    const r = await raise('wren');
    const caseReference = `SC/${String(cases).padStart(4, '0')}`;
    await complete(r.id, r.pi, 'wren', 'Raise_SafeguardingLead', { outcome: 'agreed' });
    await complete(r.id, r.pi, 'wren', 'Level1_RecordOutcome', {
      outcome: 'unresolved',
      unresolvedReason: 'Still disputed between the professionals',
    });
    const res = await log(r.id, 'will');
    expect(res.status, res.text).to.equal(202);
    expect(res.body).to.deep.include({ id: r.id, action: 'serious-concern' });
    await h.settle(r.pi);

    expect(chairMail(caseReference).map((m) => m.subject)).to.deep.equal([
      `Escalation ${caseReference}: serious concern logged – decide whether a deep dive is needed`,
    ]);
    const now = await view(r.id);
    expect(now.status).to.equal('open');
    expect(now.openTasks.map((t) => t.elementId).sort()).to.deep.equal([
      'Level2_RecordOutcome',
      'SeriousConcern_DeepDiveDecision',
    ]);
    expect(now.records.filter((e) => e.kind === 'serious-concern-logged')).to.have.length(1);
    expect(now.records.find((e) => e.kind === 'serious-concern-logged')).to.include({
      actorRole: 'line-manager',
      actorAgency: 'childrens-services',
    });

    // Already with the Chair: nothing more is logged or sent.
    const again = await log(r.id, 'wren');
    expect(again.status).to.equal(409);
    expect(again.body.detail).to.include('already logged');
    await h.settle(r.pi);
    expect(chairMail(caseReference)).to.have.length(1);

    // The Chair decides (about the review, never the case: §3.1(c)); the level is still open.
    const chairView = await view(r.id, 'quin');
    const decision = chairView.openTasks.find((t) => t.elementId === 'SeriousConcern_DeepDiveDecision')!;
    expect(decision.canComplete).to.equal(true);
    await complete(r.id, r.pi, 'quin', 'SeriousConcern_DeepDiveDecision', {
      outcome: 'declined',
      decisionDetails: 'Single-case issue; no pattern across agencies',
    });
    const after = await view(r.id);
    expect(after.openTasks.map((t) => t.elementId)).to.deep.equal(['Level2_RecordOutcome']);
    expect(after.records.map((e) => e.kind)).to.include('qap-deep-dive-decision');
  });

  it('Given who acts on the disagreement, When each logs a concern, Then the raiser and a conference chair may (§2.7), a manager of the same agency’s other organisation and of a third agency get 404, and one who only received a notice gets 403, each audited', async () => {
    const r = await raise('wren');
    expect((await log(r.id, 'wade')).status).to.equal(404);
    expect((await log(r.id, 'hana')).status).to.equal(404);
    expect((await log(r.id, 'sam')).status).to.equal(404);
    // A notice reached health's managers (as a procedure's audience does): they see it, but do not act on it.
    h.product.stores.escalations.addAudience(r.id, [
      { role: 'line-manager', agency: 'health', organisation: '', documents: false },
    ]);
    const told = await log(r.id, 'hana');
    expect(told.status).to.equal(403);
    expect(told.body.detail).to.include('parties');
    expect((await log(r.id, 'wren')).status).to.equal(202);
    await h.settle(r.pi);
    await complete(r.id, r.pi, 'quin', 'SeriousConcern_DeepDiveDecision', {
      outcome: 'agreed',
      decisionDetails: 'Deep dive into threshold decisions for neglect',
    });
    expect((await log(r.id, 'cora')).status).to.equal(202);
    await h.settle(r.pi);
    const outcomes = h.product.stores.audit
      .forEscalation(r.id)
      .filter((e) => e.action === 'escalation.serious-concern')
      .map((e) => [e.actor.split(':').at(-1), e.outcome]);
    expect(outcomes).to.deep.equal([
      ['wade', 'not-found'],
      ['hana', 'not-found'],
      ['sam', 'not-found'],
      ['hana', 'denied'],
      ['wren', 'ok'],
      ['cora', 'ok'],
    ]);
  });

  it('Given a procedure without that path (Liverpool) or a withdrawn Wiltshire escalation, When a concern is logged, Then 409 says why in plain words and nothing is recorded or sent', async () => {
    const raised = await h.call<{ id: string }>('POST', '/api/v1/escalations', as.sam!, {
      ...SCHOOL_RAISE,
      caseReference: 'SC/LIVERPOOL/1',
    });
    expect(raised.status, raised.text).to.equal(201);
    const lpool = await log(raised.body.id, 'sam');
    expect(lpool.status).to.equal(409);
    expect(lpool.body.detail).to.match(/Liverpool.*no step for logging a serious concern/);

    const r = await raise('wren');
    const withdrawn = await h.call('POST', url(r.id, '/withdraw'), as.wren!, { reason: 'Agreed after all' });
    expect(withdrawn.status).to.equal(202);
    await h.settle(r.pi);
    const before = h.product.stores.record.forEscalation(r.id).length;
    const sent = h.smtp.received.length;
    const ended = await log(r.id, 'will');
    expect(ended.status).to.equal(409);
    expect(ended.body.detail).to.include('has ended');
    await h.settle(r.pi);
    expect(h.product.stores.record.forEscalation(r.id)).to.have.length(before);
    expect(h.smtp.received).to.have.length(sent);
  });
});
