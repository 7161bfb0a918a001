/**
 * `GET /escalations/:id/diagram` (issue 15, the escalation page's viewer) through /api/v1 over real
 * HTTP with the real workers: the escalation's own deployed definition, byte for byte as the engine
 * holds it, the path taken so far, 404 word for word as for nothing to a third agency, audited.
 */
import { expect } from 'chai';
import { ApiHarness } from './harness.js';
import { createPeople, openTask, raise } from './acting.fixtures.js';

interface Diagram {
  definitionId: string;
  key: string;
  version: number;
  bpmn20Xml: string;
  reached: string[];
  active: string[];
  ended: string[];
}

describe('API: the escalation’s diagram and the path it has taken (issue 15)', function () {
  this.timeout(120_000);
  let h: ApiHarness;

  before(async () => {
    h = await ApiHarness.start();
    await createPeople(h);
    await h.user('tess', { partnership: 'liverpool', agency: 'merseyside-police', roles: ['line-manager'] });
  });
  after(async () => h?.stop());

  it('Given a Liverpool escalation at Stage 1, When a party asks for its diagram, Then it gets the definition it runs on as the engine deployed it, with Stage 1 active and the raise behind it', async () => {
    const r = await raise(h, 'liverpool');
    const res = await h.call<Diagram>('GET', `/api/v1/escalations/${r.id}/diagram`, h.token('olu'));
    expect(res.status, res.text).to.equal(200);
    const instance = await h.product.engine.getProcessInstance(r.processInstanceId);
    expect(res.body.definitionId).to.equal(instance.definitionId);
    expect(res.body).to.include({ key: 'LiverpoolEscalation', version: 1 });
    expect(res.body.bpmn20Xml).to.equal(
      await h.product.engine.getProcessDefinitionXml(instance.definitionId),
    );
    expect(res.body.active).to.deep.equal(['Stage1_RecordOutcome']);
    expect(res.body.reached[0]).to.equal('Escalation_Raised');
    expect(res.body.ended).to.include.members(['Escalation_Raised', 'Raise_Record']);
    expect(res.body.ended).to.not.include('Stage1_RecordOutcome');
    const audit = h.product.stores.audit.forEscalation(r.id).filter((e) => e.action === 'escalation.diagram');
    expect(audit.map((e) => `${e.actor.replace(/^token:\w+:/, '')} ${e.outcome} ${e.target}`)).to.deep.equal([
      'olu ok LiverpoolEscalation',
    ]);
  });

  it('Given Stage 1 completed unresolved, When the diagram is asked again, Then Stage 1 has ended and the line managers’ step is active', async () => {
    const r = await raise(h, 'liverpool');
    const task = await openTask(h, r, 'Stage1_RecordOutcome');
    const done = await h.call(
      'POST',
      `/api/v1/escalations/${r.id}/tasks/${task.id}/complete`,
      h.token('sam'),
      {
        outcome: 'unresolved',
        unresolvedReason: 'Threshold decision still disputed',
      },
    );
    expect(done.status, done.text).to.equal(200);
    await h.settle(r.processInstanceId);
    const res = await h.call<Diagram>('GET', `/api/v1/escalations/${r.id}/diagram`, h.token('sam'));
    expect(res.body.ended).to.include.members(['Stage1_RecordOutcome', 'Stage1_Resolved']);
    expect(res.body.active).to.deep.equal(['Stage1LineManager_RecordOutcome']);
  });

  it('Given a third agency’s user, When they ask for the diagram, Then the answer is the very 404 of an id that does not exist, audited as not-found', async () => {
    const r = await raise(h, 'liverpool');
    const hidden = await h.call('GET', `/api/v1/escalations/${r.id}/diagram`, h.token('tess'));
    const none = await h.call('GET', '/api/v1/escalations/no-such-escalation-0000/diagram', h.token('tess'));
    expect(hidden.status).to.equal(404);
    expect(hidden.text).to.equal(none.text);
    expect(hidden.text).to.not.contain(r.caseReference);
    const audit = h.product.stores.audit.forEscalation(r.id).filter((e) => e.action === 'escalation.diagram');
    expect(audit.map((e) => `${e.actor.replace(/^token:\w+:/, '')} ${e.outcome}`)).to.deep.equal([
      'tess not-found',
    ]);
  });
});
