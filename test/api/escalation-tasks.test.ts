/**
 * Completing stage tasks through /api/v1 over real HTTP, with the real workers and the fake clock:
 * GET …/tasks/:taskId/form answers the form Camunda Tasklist renders, POST …/complete records the
 * stage's outcome after checking the form's fields (conditional.hide with FEEL) and the variable
 * contract, only for a candidate role on the task's side; a refused request changes nothing.
 */
import { expect } from 'chai';
import { ApiHarness, type As } from './harness.js';
import { auditOf, createPeople, openTask, raise, variablesOf, type Raised } from './acting.fixtures.js';

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}
interface Escalation {
  id: string;
  status: string;
  openTasks: { id: string; elementId: string; canComplete: boolean }[];
}
interface Completed {
  completed: { taskId: string; elementId: string };
  pending: boolean;
  escalation: Escalation;
}

describe('API: stage tasks, their forms and their completion (issue 14)', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  const as: Record<string, As> = {};
  const tokenOf = (name: string) => (as[name] ??= h.token(name));
  const formPath = (r: Raised, taskId: string) => `/api/v1/escalations/${r.id}/tasks/${taskId}/form`;
  const completePath = (r: Raised, taskId: string) => `/api/v1/escalations/${r.id}/tasks/${taskId}/complete`;

  before(async () => {
    h = await ApiHarness.start();
    await createPeople(h);
  });
  after(async () => h?.stop());

  it('Given a Liverpool escalation at Stage 1, When the raiser fetches the form, Then it is the deployed Camunda Form of the task with canComplete (LSCB procedure, Stage 1 Attempt Resolution)', async () => {
    const r = await raise(h, 'liverpool');
    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const res = await h.call<{ task: Record<string, unknown>; form: { id: string }; variables: object }>(
      'GET',
      formPath(r, task.id),
      tokenOf('sam'),
    );
    expect(res.status).to.equal(200);
    expect(res.body.form.id).to.equal('liverpool-attempt-resolution');
    expect(res.body.task).to.include({ id: task.id, elementId: 'Stage1_RecordOutcome', canComplete: true });
    expect(res.body.task.candidateRoles).to.deep.equal(['raising-professional', 'other-agency-professional']);
    expect(res.body.variables).to.deep.equal({});
    // The line manager sees it (same school) but does not hold a Stage 1 role.
    const lena = await h.call<{ task: { canComplete: boolean } }>(
      'GET',
      formPath(r, task.id),
      tokenOf('lena'),
    );
    expect(lena.body.task.canComplete).to.equal(false);
  });

  it('Given Stage 1’s form as form-js submits it (the optional text fields left untouched, so empty), When completed, Then it is accepted and the empty Summary Log fields are not recorded (LSCB procedure, Appendix 1)', async () => {
    const r = await raise(h, 'liverpool');
    const stage1 = await openTask(h, r, 'Stage1_RecordOutcome');
    const done = await h.call('POST', completePath(r, stage1.id), tokenOf('sam'), {
      outcome: 'unresolved',
      outstandingIssues: '',
      agencyEscalationNumber: '',
      concern: '',
      actionsUndertaken: '',
      unresolvedReason: 'Threshold decision still disputed',
    });
    expect(done.status, done.text).to.equal(200);
  });

  it('Given Liverpool Stage 1 unresolved by the raiser, When the line managers’ step opens, Then the line manager completes it and the escalation moves to Stage 2, each record entry naming the role and agency that acted (LSCB procedure, Stage 1 and Stage 2)', async () => {
    const r = await raise(h, 'liverpool');
    const stage1 = await openTask(h, r, 'Stage1_RecordOutcome');
    const done = await h.call<Completed>('POST', completePath(r, stage1.id), await h.signIn('sam'), {
      outcome: 'unresolved',
      unresolvedReason: 'The threshold decision stands on both sides',
      agencyEscalationNumber: 'SCH/2026/014',
    });
    expect(done.status, done.text).to.equal(200);
    expect(done.body.escalation).to.include({ id: r.id, status: 'open' });
    expect(done.body.completed).to.deep.equal({ taskId: stage1.id, elementId: 'Stage1_RecordOutcome' });
    expect(done.body.escalation.openTasks.map((t) => t.id)).not.to.include(stage1.id);
    await h.settle(r.processInstanceId);

    // The next step, as GET /escalations/:id shows it to the other agency's line manager.
    const now = await h.call<Escalation>('GET', `/api/v1/escalations/${r.id}`, tokenOf('cara'));
    const lineManagers = now.body.openTasks.find((t) => t.elementId === 'Stage1LineManager_RecordOutcome')!;
    expect(lineManagers).to.include({ canComplete: true });
    const form = await h.call<{ form: { id: string }; task: { canComplete: boolean } }>(
      'GET',
      formPath(r, lineManagers.id),
      tokenOf('cara'),
    );
    expect(form.body.form.id).to.equal('liverpool-line-managers');
    expect(form.body.task.canComplete).to.equal(true);
    const next = await h.call<Completed>('POST', completePath(r, lineManagers.id), tokenOf('cara'), {
      outcome: 'unresolved',
      professionalsMeeting: 'convened',
      unresolvedReason: 'Still disputed after the professionals meeting',
    });
    expect(next.status, next.text).to.equal(200);
    await h.settle(r.processInstanceId);
    const stage2 = await h.call<Escalation>('GET', `/api/v1/escalations/${r.id}`, tokenOf('sam'));
    expect(stage2.body.openTasks.map((t) => t.elementId)).to.deep.equal(['Stage2_RecordOutcome']);

    const outcomes = h.product.stores.record
      .forEscalation(r.id)
      .filter((e) => e.kind === 'stage-outcome')
      .map((e) => [e.elementId, e.outcome, e.actorRole, e.actorAgency]);
    expect(outcomes).to.deep.equal([
      ['Stage1_RecordCaseFile', 'unresolved', 'raising-professional', 'school'],
      ['Stage1LineManager_RecordCaseFile', 'unresolved', 'line-manager', 'childrens-services'],
    ]);
    expect(auditOf(h, r).filter((a) => a.includes('task.complete'))).to.deep.equal([
      'user:sam task.complete ok',
      `token:${tokenIdOf(tokenOf('cara'))}:cara task.complete ok`,
    ]);
  });

  it('Given a Northamptonshire escalation, When the other agency’s professional records Stage 1 unresolved and the line manager resolves Stage 2, Then the escalation is resolved (NSCP procedure, Stages 1 and 2)', async () => {
    const r = await raise(h, 'northamptonshire');
    const stage1 = await openTask(h, r, 'Stage1_RecordOutcome');
    const first = await h.call<Completed>('POST', completePath(r, stage1.id), tokenOf('ned'), {
      outcome: 'unresolved',
      discussionDate: '2026-11-03',
      actionPlan: 'Managers to meet within 5 working days',
      unresolvedReason: 'No shared view of the risk',
    });
    expect(first.status, first.text).to.equal(200);
    await h.settle(r.processInstanceId);
    const stage2 = await openTask(h, r, 'Stage2_RecordOutcome');
    expect(
      (await h.call('POST', completePath(r, stage2.id), tokenOf('ned'), { outcome: 'resolved' })).status,
    ).to.equal(403);
    const second = await h.call<Completed>('POST', completePath(r, stage2.id), tokenOf('nora'), {
      outcome: 'resolved',
      agreedOutcome: 'A joint home visit this week',
      actionPlan: 'Police and school meet the family on Thursday',
    });
    expect(second.status, second.text).to.equal(200);
    await h.settle(r.processInstanceId);
    const resolved = await h.call<Escalation>('GET', `/api/v1/escalations/${r.id}`, tokenOf('nia'));
    expect(resolved.body).to.include({ status: 'resolved' });
    expect(resolved.body.openTasks).to.deep.equal([]);
    const [date] = await h.product.engine.listHistoricVariableInstances({
      processInstanceId: r.processInstanceId,
      variableName: 'discussionDate',
    });
    expect(date).to.include({ type: 'Date' });
    expect(date!.value).to.deep.equal(new Date('2026-11-03T00:00:00.000Z'));
  });

  it('Given the Stage 1 form’s hide rules, When hidden fields are sent or shown ones left out, Then 400 names each and the task stays open with no variable changed', async () => {
    const r = await raise(h, 'liverpool');
    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const before = await variablesOf(h, r);
    const hiddenSent = await h.call<Problem>('POST', completePath(r, task.id), tokenOf('olu'), {
      outcome: 'unresolved',
      unresolvedReason: 'Disputed',
      agreedOutcome: 'Not asked for when unresolved',
    });
    expect(hiddenSent.status).to.equal(400);
    expect(hiddenSent.body.errors).to.deep.equal([
      {
        path: 'body.agreedOutcome',
        message: '"Agreed outcome" is not asked for with these answers: leave it out.',
      },
    ]);
    const shownMissing = await h.call<Problem>('POST', completePath(r, task.id), tokenOf('olu'), {
      outcome: 'resolved',
    });
    expect(shownMissing.status).to.equal(400);
    expect(shownMissing.body.errors!.map((e) => e.path)).to.deep.equal([
      'body.agreedOutcome',
      'body.actionPlan',
    ]);
    expect((await openTask(h, r, 'Stage1_RecordOutcome')).id).to.equal(task.id);
    expect(await variablesOf(h, r)).to.deep.equal(before);
  });

  it('Given bad values, When completing, Then 400 names every field (never echoing a value) and nothing changes', async () => {
    const r = await raise(h, 'liverpool');
    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const before = await variablesOf(h, r);
    const res = await h.call<Problem>('POST', completePath(r, task.id), tokenOf('sam'), {
      outcome: 'sorted',
      concern: 'x'.repeat(2001),
      agencyEscalationNumber: 'has spaces in it',
      childName: 'Ottoline',
    });
    expect(res.status).to.equal(400);
    expect(res.body.errors!.map((e) => e.path).sort()).to.deep.equal([
      'body.agencyEscalationNumber',
      'body.childName',
      'body.concern',
      'body.outcome',
    ]);
    expect(res.text).not.to.include('Ottoline').and.not.to.include('has spaces');
    const notObject = await h.call<Problem>('POST', completePath(r, task.id), tokenOf('sam'), ['resolved']);
    expect(notObject.status).to.equal(400);
    expect(await variablesOf(h, r)).to.deep.equal(before);
    expect((await openTask(h, r, 'Stage1_RecordOutcome')).id).to.equal(task.id);
    expect(auditOf(h, r)).to.include('token:' + tokenIdOf(tokenOf('sam')) + ':sam task.complete invalid');
  });

  it('Given who may act, Then the wrong side and the partnership office get 403, another agency and another escalation’s task 404, a session without CSRF 403, and nothing changes', async () => {
    const r = await raise(h, 'liverpool');
    const other = await raise(h, 'liverpool');
    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const otherTask = await openTask(h, other, 'Stage1_RecordOutcome');
    const before = await variablesOf(h, r);
    const body = { outcome: 'unresolved', unresolvedReason: 'Disputed' };
    const status = async (path: string, who: As, headers?: Record<string, string>) =>
      (await h.call('POST', path, who, body, headers)).status;
    expect(await status(completePath(r, task.id), tokenOf('owen'))).to.equal(403); // other-agency role, raising school
    expect(await status(completePath(r, task.id), tokenOf('bea'))).to.equal(403); // partnership office
    expect(await status(completePath(r, task.id), tokenOf('pat'))).to.equal(404); // a third agency
    expect((await h.call('GET', formPath(r, task.id), tokenOf('pat'))).status).to.equal(404);
    expect(await status(completePath(r, otherTask.id), tokenOf('sam'))).to.equal(404); // another escalation's task
    expect(await status(completePath(r, 'no-such-task'), tokenOf('sam'))).to.equal(404);
    expect((await h.call('GET', formPath(r, otherTask.id), tokenOf('sam'))).status).to.equal(404);
    const session = await h.signIn('sam');
    expect(await status(completePath(r, task.id), session, { 'x-csrf-token': '' })).to.equal(403);
    expect(await status(completePath(r, task.id), null)).to.equal(401);
    expect(await variablesOf(h, r)).to.deep.equal(before);
    expect((await openTask(h, r, 'Stage1_RecordOutcome')).id).to.equal(task.id);
    expect(auditOf(h, r)).to.include.members([
      'token:' + tokenIdOf(tokenOf('owen')) + ':owen task.complete denied',
    ]);
  });

  it('Given a task already completed, When it is completed again, Then 409 and nothing changes; its form is 404', async () => {
    const r = await raise(h, 'liverpool');
    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const body = { outcome: 'unresolved', unresolvedReason: 'Disputed' };
    expect((await h.call('POST', completePath(r, task.id), tokenOf('sam'), body)).status).to.equal(200);
    await h.settle(r.processInstanceId);
    const before = await variablesOf(h, r);
    const again = await h.call<Problem>('POST', completePath(r, task.id), tokenOf('olu'), {
      outcome: 'resolved',
      agreedOutcome: 'a',
      actionPlan: 'b',
    });
    expect(again.status).to.equal(409);
    expect((await h.call('GET', formPath(r, task.id), tokenOf('sam'))).status).to.equal(404);
    expect(await variablesOf(h, r)).to.deep.equal(before);
  });
});

/** The token id of a bearer token `esc_<id>_<secret>` (the audit log's actor names it). */
function tokenIdOf(as: As): string {
  return (as as { token: string }).token.split('_')[1]!;
}
