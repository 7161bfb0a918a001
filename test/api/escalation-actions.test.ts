/**
 * Withdrawing, reporting immediate risk, a deadline's calendar invite and the child's details,
 * through /api/v1 over real HTTP with the real workers, a real SMTP server and a capturing logger
 * (the child's details must never reach a log line).
 */
import { expect } from 'chai';
import { jsonLineLogger } from '../../src/log/logger.js';
import { readInvite } from '../workers/expect.js';
import { ApiHarness, type As } from './harness.js';
import { auditOf, CHILD, createPeople, openTask, raise, variablesOf } from './acting.fixtures.js';

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe('API: withdraw, immediate risk, calendar invites and the child’s details (issue 14)', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  const logLines: string[] = [];
  const as: Record<string, As> = {};
  const tokenOf = (name: string) => (as[name] ??= h.token(name));
  const path = (id: string, rest: string) => `/api/v1/escalations/${id}/${rest}`;

  before(async () => {
    h = await ApiHarness.start({ logger: jsonLineLogger((line) => logLines.push(line)) });
    await createPeople(h);
  });
  after(async () => h?.stop());

  it('Given an open Liverpool escalation, When the raiser withdraws it with a reason, Then the open stage ends, a withdrawn entry records the reason and who acted, and its status is withdrawn (LSCB procedure, Supporting Notes RECORD: details of matters escalated are always recorded)', async () => {
    const r = await raise(h, 'liverpool');
    const res = await h.call<{ action: string }>('POST', path(r.id, 'withdraw'), await h.signIn('sam'), {
      reason: 'Agreed between the agencies after a strategy discussion',
    });
    expect(res.status, res.text).to.equal(202);
    expect(res.body.action).to.equal('withdraw');
    // A second request before the workers have recorded the first finds nothing left to withdraw.
    const racing = await h.call('POST', path(r.id, 'withdraw'), tokenOf('lena'), { reason: 'Twice' });
    expect(racing.status).to.equal(409);
    await h.settle(r.processInstanceId);
    const withdrawn = h.product.stores.record.forEscalation(r.id).filter((e) => e.kind === 'withdrawn');
    expect(withdrawn).to.have.length(1);
    expect(withdrawn[0]).to.include({
      outcome: 'withdrawn',
      actorRole: 'raising-professional',
      actorAgency: 'school',
    });
    expect(withdrawn[0]!.payload).to.include({
      withdrawalReason: 'Agreed between the agencies after a strategy discussion',
    });
    expect(h.product.stores.escalations.get(r.id)?.status).to.equal('withdrawn');
    expect(await h.product.engine.listUserTasks({ processInstanceId: r.processInstanceId })).to.deep.equal(
      [],
    );
    // Withdrawn already: nothing to withdraw, and no immediate-risk route left (the answer says what to do).
    const again = await h.call<Problem>('POST', path(r.id, 'withdraw'), tokenOf('sam'), { reason: 'Again' });
    expect(again.status).to.equal(409);
    const risk = await h.call<Problem>('POST', path(r.id, 'immediate-risk'), tokenOf('olu'));
    expect(risk.status).to.equal(409);
    expect(risk.body.detail).to.include('child protection procedures');
    expect(auditOf(h, r)).to.include.members([
      'user:sam escalation.withdraw ok',
      `token:${tokenIdOf(tokenOf('sam'))}:sam escalation.withdraw conflict`,
    ]);
  });

  it('Given who may withdraw (the raising agency’s disagreement: “referred by the concerned agency”, LSCB procedure Stage 4), Then the other party and the partnership office get 403, a third agency 404, a missing or too long reason 400, and nothing changes; the raiser’s own school may', async () => {
    const r = await raise(h, 'liverpool');
    const before = await variablesOf(h, r);
    const withdraw = async (who: As, body: unknown) =>
      await h.call<Problem>('POST', path(r.id, 'withdraw'), who, body);
    expect((await withdraw(tokenOf('olu'), { reason: 'Not ours to withdraw' })).status).to.equal(403);
    expect((await withdraw(tokenOf('bea'), { reason: 'Not ours to withdraw' })).status).to.equal(403);
    expect((await withdraw(tokenOf('pat'), { reason: 'Cannot see it' })).status).to.equal(404);
    const empty = await withdraw(tokenOf('sam'), { reason: '   ' });
    expect(empty.status).to.equal(400);
    expect(empty.body.errors!.map((e) => e.path)).to.deep.equal(['body.reason']);
    expect((await withdraw(tokenOf('sam'), {})).body.errors!.map((e) => e.path)).to.deep.equal([
      'body.reason',
    ]);
    expect((await withdraw(tokenOf('sam'), { reason: 'x'.repeat(2001) })).status).to.equal(400);
    const session = await h.signIn('sam');
    expect(
      (await h.call('POST', path(r.id, 'withdraw'), session, { reason: 'No CSRF' }, { 'x-csrf-token': '' }))
        .status,
    ).to.equal(403);
    expect(await variablesOf(h, r)).to.deep.equal(before);
    expect(h.product.stores.escalations.get(r.id)?.status).to.equal('open');
    // The raiser's own school may withdraw it too (the raising agency's disagreement).
    expect((await withdraw(tokenOf('lena'), { reason: 'Raised in error' })).status).to.equal(202);
  });

  it('Given any professional who can see it, When the other agency reports immediate risk of significant harm, Then the safeguarding leads are told, the same-day escalation is recorded, and the escalation carries on (LSCB procedure p.3: “ON THE SAME WORKING DAY”)', async () => {
    const r = await raise(h, 'liverpool');
    const res = await h.call('POST', path(r.id, 'immediate-risk'), tokenOf('olu'));
    expect(res.status, res.text).to.equal(202);
    await h.settle(r.processInstanceId);
    const routed = h.product.stores.record
      .forEscalation(r.id)
      .filter((e) => e.kind === 'immediate-risk-routed');
    expect(routed.map((e) => [e.actorRole, e.actorAgency])).to.deep.equal([
      ['other-agency-professional', 'childrens-services'],
    ]);
    const told = h.product.stores.outbox.forEscalation(r.id).filter((m) => m.template === 'immediate-risk');
    expect(told.map((m) => m.role)).to.include('designated-safeguarding-lead');
    expect((await openTask(h, r, 'Stage1_RecordOutcome')).taskDefinitionKey).to.equal('Stage1_RecordOutcome');
    expect((await h.call('POST', path(r.id, 'immediate-risk'), tokenOf('pat'))).status).to.equal(404);
  });

  it('Given the Stage 1 deadline’s emailed invite, When it is fetched as .ics, Then it has the same UID and version, and after the stage ends the cancellation with the same UID', async () => {
    const r = await raise(h, 'liverpool');
    const mail = h.smtp.received.find((m) => m.ics !== null && m.ics.includes(r.id));
    expect(mail, 'an emailed invite').to.not.equal(undefined);
    const emailed = readInvite(mail!.ics!);
    const dueVariable = emailed.uid.slice(r.id.length + 1, emailed.uid.indexOf('@'));
    const res = await h.call('GET', path(r.id, `invites/${dueVariable}.ics`), tokenOf('olu'));
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/calendar/);
    const served = readInvite(res.text);
    expect(served).to.deep.include({ uid: emailed.uid, sequence: emailed.sequence, method: 'REQUEST' });
    expect(served.end).to.deep.equal(emailed.end);

    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const done = await h.call('POST', path(r.id, `tasks/${task.id}/complete`), tokenOf('sam'), {
      outcome: 'unresolved',
      unresolvedReason: 'Disputed',
    });
    expect(done.status).to.equal(200);
    await h.settle(r.processInstanceId);
    const cancelled = readInvite(
      (await h.call('GET', path(r.id, `invites/${dueVariable}.ics`), tokenOf('sam'))).text,
    );
    expect(cancelled).to.deep.include({ uid: emailed.uid, sequence: emailed.sequence + 1, method: 'CANCEL' });

    expect((await h.call('GET', path(r.id, 'invites/stage9Due.ics'), tokenOf('sam'))).status).to.equal(404);
    expect((await h.call('GET', path(r.id, `invites/${dueVariable}.ics`), tokenOf('pat'))).status).to.equal(
      404,
    );
  });

  it('Given the child’s details in the protected store (LSCB Appendices 1 and 2: name, date of birth, address), Then a Stage 1 party reads them uncached and audited, a visible user without a task role gets 403, another agency 404, every attempt audited, and no log line holds them', async () => {
    const r = await raise(h, 'liverpool');
    const read = (who: string) => h.call<Record<string, string>>('GET', path(r.id, 'subject'), tokenOf(who));
    const sam = await read('sam');
    expect(sam.status).to.equal(200);
    expect(sam.body).to.deep.equal({ caseReference: r.caseReference, ...CHILD });
    expect(sam.headers.get('cache-control')).to.equal('no-store');
    const olu = await read('olu');
    expect(olu.status).to.equal(200);
    const dora = await read('dora'); // the school's safeguarding lead: sees it, holds no task role of it
    expect(dora.status).to.equal(403);
    expect(dora.headers.get('cache-control')).to.equal('no-store');
    expect((await read('bea')).status).to.equal(403);
    expect((await read('pat')).status).to.equal(404);
    const attempts = h.product.stores.audit
      .forEscalation(r.id)
      .filter((e) => e.action === 'subject.read')
      .map((e) => [e.actor.split(':').at(-1), e.outcome, e.target]);
    const target = `liverpool/${r.caseReference}`;
    expect(attempts).to.deep.equal([
      ['sam', 'ok', target],
      ['olu', 'ok', target],
      ['dora', 'denied', target],
      ['bea', 'denied', target],
      ['pat', 'not-found', null], // audited too, without naming what it could not see
    ]);
    expect(logLines.length).to.be.greaterThan(0);
    for (const value of Object.values(CHILD)) {
      expect(logLines.filter((l) => l.includes(value))).to.deep.equal([]);
      expect(h.smtp.received.filter((m) => m.raw.includes(value))).to.deep.equal([]);
    }
  });
});

/** The token id of a bearer token `esc_<id>_<secret>` (the audit log's actor names it). */
function tokenIdOf(as: As): string {
  return (as as { token: string }).token.split('_')[1]!;
}
