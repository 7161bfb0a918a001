/**
 * `GET /api/v1/escalations/:id` over real HTTP with the real product, following a Liverpool
 * escalation: its stages with deadlines, explanations and outcomes (also a breach), the tasks open
 * now and who may complete them, its timeline, documents, record entries with their chain status and
 * messages; audited when seen; never the child's details.
 */
import { expect } from 'chai';
import { ApiHarness, type As, liverpoolMember } from './harness.js';
import { expectNoSubject, raise, SUBJECT } from './raise.fixtures.js';
import { completeThroughEngine } from './engine-raise.js';
import { toStageVariableMap } from '../../processes/variables.js';
import { unresolved } from '../../processes/scenarios/scenario.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';

interface Detail {
  status: string;
  stages: {
    elementId: string;
    name: string;
    startedAt: string;
    due: string | null;
    dueExplanation: string | null;
    overdue: boolean;
    endedAt: string | null;
    outcome: string | null;
  }[];
  openTasks: {
    id: string;
    elementId: string;
    candidateRoles: string[];
    due: string | null;
    formKey: string | null;
    canComplete: boolean;
  }[];
  timeline: { at: string; event: string; elementId: string; name: string }[];
  documents: { id: string; form: string; createdAt: string }[];
  records: {
    number: number;
    kind: string;
    outcome: string | null;
    chain: { intact: boolean; problem: string | null };
  }[];
  messages: { template: string; role: string | null; status: string; subject: string }[];
}

describe('GET /escalations/:id: one escalation, stage by stage', function () {
  this.timeout(180_000);
  let h: ApiHarness;
  const as: Record<string, As> = {};
  const get = (id: string, who: string) => h.call<Detail>('GET', `/api/v1/escalations/${id}`, as[who]!);

  before(async () => {
    h = await ApiHarness.start();
    await h.user('ana', liverpoolMember('school', 'oakfield-primary', ['raising-professional']));
    await h.user('lena', liverpoolMember('school', 'oakfield-primary', ['line-manager']));
    await h.user('carl', liverpoolMember('childrens-services', 'liverpool-csc', ['line-manager']));
    await h.user('hal', liverpoolMember('health', 'alder-trust', ['line-manager']));
    await h.user('nia', {
      partnership: 'northamptonshire',
      agency: 'school',
      organisation: 'ridgeway',
      roles: ['raising-professional'],
    });
    for (const name of ['ana', 'lena', 'carl', 'hal', 'nia']) as[name] = h.token(name);
  });
  after(async () => {
    await h?.stop();
  });

  it('Given Stage 1 ends unresolved, When the escalation is opened, Then Stage 1 shows its outcome and end, the line managers’ stage its Day 2 deadline with the calendar’s explanation, the Summary Log, the record and the messages; the line managers of both sides may complete it, the raiser may not (LSCB Resolution & Escalation Procedure Stage 1, Appendix 1)', async () => {
    const r = await raise(h, as.ana!, { subject: SUBJECT });
    await completeThroughEngine(h, r, 'Stage1_RecordOutcome', { ...unresolved, ...appendix1 });

    const res = await get(r.id, 'ana');
    expect(res.status).to.equal(200);
    const d = res.body;
    expect(d.status).to.equal('open');
    expect(d.stages.map((s) => [s.elementId, s.outcome, s.endedAt !== null, s.due])).to.deep.equal([
      ['Stage1_RecordOutcome', 'unresolved', true, '2026-11-03T00:00:00.000Z'],
      ['Stage1LineManager_RecordOutcome', null, false, '2026-11-04T00:00:00.000Z'],
    ]);
    expect(d.stages[1]!.dueExplanation).to.include('Day 2').and.to.include('(2026-11-04T00:00:00.000Z)');
    expect(d.openTasks).to.have.length(1);
    expect(d.openTasks[0]).to.deep.include({
      elementId: 'Stage1LineManager_RecordOutcome',
      candidateRoles: ['line-manager'],
      formKey: 'liverpool-line-managers',
      due: '2026-11-04T00:00:00.000Z',
      canComplete: false,
    });
    expect((await get(r.id, 'lena')).body.openTasks[0]!.canComplete).to.equal(true);
    expect((await get(r.id, 'carl')).body.openTasks[0]!.canComplete).to.equal(true);
    expect((await get(r.id, 'hal')).status).to.equal(404);

    expect(d.documents.map((x) => x.form)).to.deep.equal(['liverpool-appendix-1-summary-log']);
    expect(d.documents[0]!.id).to.be.a('string');
    expect(d.records.map((x) => [x.kind, x.outcome, x.chain.intact])).to.deep.equal([
      ['escalation-raised', null, true],
      ['stage-outcome', 'unresolved', true],
    ]);
    expect(d.messages.map((m) => [m.template, m.role])).to.deep.include.members([
      ['stage-started', 'raising-professional'],
      ['stage-started', 'line-manager'],
    ]);
    expect(d.messages.every((m) => m.status === 'sent')).to.equal(true);

    const steps = d.timeline.map((t) => `${t.elementId} ${t.event}`);
    const at = (step: string) => steps.indexOf(step);
    expect(at('Escalation_Raised reached')).to.equal(0);
    expect(at('Stage1_RecordOutcome started')).to.be.lessThan(at('Stage1_RecordOutcome ended'));
    expect(at('Stage1_RecordOutcome ended')).to.be.lessThan(at('Stage1LineManager_RecordOutcome started'));
    expect(steps).to.not.include('Stage1LineManager_RecordOutcome ended');
    expect(d.timeline.every((t) => t.name.length > 0)).to.equal(true);
    expectNoSubject(res.text, 'GET /escalations/:id');

    const audit = h.product.stores.audit.forEscalation(r.id).filter((a) => a.action === 'escalation.view');
    expect(audit.map((a) => [a.actor.split(':').pop(), a.outcome])).to.deep.equal([
      ['ana', 'ok'],
      ['lena', 'ok'],
      ['carl', 'ok'],
      ['hal', 'not-found'],
    ]);
  });

  it('Given Stage 1’s Day 1 passes (its timer fires), When the escalation is opened, Then Stage 1 is cancelled with the outcome breached, the deadline is on the timeline and the line managers’ stage is open (LSCB Resolution & Escalation Procedure Stage 1, RECORD)', async () => {
    const r = await raise(h, as.ana!);
    const [job] = await h.product.engine.listJobs({
      processInstanceId: r.processInstanceId,
      activityId: 'Stage1_Deadline',
    });
    await h.product.engine.executeJob(job!.id);
    await h.settle(r.processInstanceId);

    const d = (await get(r.id, 'ana')).body;
    expect(d.stages.map((s) => [s.elementId, s.outcome])).to.deep.equal([
      ['Stage1_RecordOutcome', 'breached'],
      ['Stage1LineManager_RecordOutcome', null],
    ]);
    const steps = d.timeline.map((t) => `${t.elementId} ${t.event}`);
    expect(steps).to.include('Stage1_Deadline reached').and.to.include('Stage1_RecordOutcome cancelled');
    expect(d.timeline.find((t) => t.elementId === 'Stage1_Deadline')!.name).to.equal('Day 1 passed');
    expect(d.records.map((x) => x.kind)).to.include('stage-breached');
  });

  it('Given Stage 3 climbs a level of management a day later, When the escalation is opened, Then each level is its own stage with its own deadline and outcome, and the calendar’s explanation is shown for the deadline it explains (Professional Disagreements (Tea-break guide) Stage 3)', async () => {
    const r = await raise(h, as.nia!);
    const onward = { ...unresolved, actionPlan: 'Both agencies share the assessment by Friday' };
    const completeOpen = async (outcome: string) => {
      const [task] = await h.product.engine.listUserTasks({ processInstanceId: r.processInstanceId });
      await h.product.engine.completeUserTask(task!.id, {
        variables: toStageVariableMap({ ...onward, outcome }),
      });
      await h.settle(r.processInstanceId);
    };
    await completeOpen('unresolved');
    await completeOpen('unresolved');
    await h.clock.advance(24 * 60 * 60_000);
    await completeOpen('next-level');

    const d = (await get(r.id, 'nia')).body;
    expect(d.stages.map((s) => [s.elementId, s.outcome])).to.deep.equal([
      ['Stage1_RecordOutcome', 'unresolved'],
      ['Stage2_RecordOutcome', 'unresolved'],
      ['Stage3_RecordOutcome', 'next-level'],
      ['Stage3_RecordOutcome', null],
    ]);
    const [, , first, second] = d.stages;
    expect(Date.parse(second!.due!)).to.be.greaterThan(Date.parse(first!.due!));
    expect(first!.dueExplanation).to.equal(null);
    expect(second!.dueExplanation).to.include(`(${second!.due})`);
  });

  it('Given an entry of the record altered after it was written, When the escalation is opened, Then that entry shows a broken chain and the others stay intact', async () => {
    const r = await raise(h, as.ana!);
    const [entry] = h.product.stores.record.forEscalation(r.id);
    const db = h.product.stores.db;
    db.exec('DROP TRIGGER record_entries_append_only_update');
    db.prepare(`UPDATE record_entries SET actor_role = 'line-manager' WHERE seq = ?`).run(entry!.seq);
    // The next entry of the chain is written after the change, linked to the altered entry's stored hash.
    await completeThroughEngine(h, r, 'Stage1_RecordOutcome', { ...unresolved, ...appendix1 });
    const d = (await get(r.id, 'ana')).body;
    expect(d.records.map((x) => [x.number, x.kind, x.chain.intact])).to.deep.equal([
      [1, 'escalation-raised', false],
      [2, 'stage-outcome', true],
    ]);
    const mine = d.records.find((x) => x.number === 1)!;
    expect(mine.chain).to.deep.equal({ intact: false, problem: 'its contents do not match its hash' });
    const others = h.product.stores.escalations.list(
      { where: '1', params: [] },
      {},
      { offset: 0, limit: 100 },
    );
    const liverpool = others.items.filter((x) => x.id !== r.id && x.partnership === 'liverpool');
    expect(liverpool).to.have.length(2);
    for (const other of liverpool) {
      const records = (await get(other.id, 'ana')).body.records;
      expect(
        records.every((x) => x.chain.intact),
        other.id,
      ).to.equal(true);
    }
  });
});
