/**
 * The SMTP server is down (issue 13): the notice fails with retries counting down from 5 and a
 * retry timeout from 5 s doubling, then becomes an incident a person can see; once the server is
 * back and someone sets retries with `PUT /external-task/{id}/retries`, the mail goes, once.
 */
import { expect } from 'chai';
import type { ExternalTask } from '../../src/engine/port.js';
import { Stack, type Raised } from './stack.js';

describe('Workers: SMTP down, then back (issue 13)', () => {
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => stack?.stop());

  /** Waits until the notice's task shows `retries` (its failure has been reported). */
  async function failedTo(r: Raised, retries: number): Promise<ExternalTask> {
    for (let i = 0; i < 400; i++) {
      const [task] = await stack.engine.listExternalTasks({
        processInstanceId: r.processInstanceId,
        activityId: 'Stage1_NotifyParties',
      });
      if (task?.retries === retries) return task;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`Stage1_NotifyParties never reached ${retries} retries`);
  }

  it('Given the SMTP server down, When Stage 1 starts, Then retries go 4..0 with 5, 10, 20, 40 s between, and an incident opens', async () => {
    await stack.smtp!.down();
    const r = await stack.raise('northamptonshire');
    const waits: number[] = [];
    for (const retries of [4, 3, 2, 1]) {
      const task = await failedTo(r, retries);
      const wait = task.lockExpirationTime!.getTime() - stack.clock.now();
      waits.push(wait);
      await stack.advance(wait);
    }
    expect(waits).to.deep.equal([5_000, 10_000, 20_000, 40_000]);
    const last = await failedTo(r, 0);
    const incidents = await stack.engine.listIncidents({ processInstanceId: r.processInstanceId });
    expect(incidents.map((i) => [i.incidentType, i.activityId])).to.deep.equal([
      ['failedExternalTask', 'Stage1_NotifyParties'],
    ]);
    expect(await stack.engine.getExternalTaskErrorDetails(last.id)).to.match(
      /^SMTP_UNAVAILABLE: TransientError: SMTP/,
    );
    expect(stack.smtp!.received).to.deep.equal([]);
    const queued = stack.app.stores.outbox.forTask(last.id);
    expect(queued.map((m) => m.status)).to.deep.equal(['queued', 'queued']);

    await stack.smtp!.up();
    const retry = await fetch(`${stack.restUrl}/external-task/${last.id}/retries`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ retries: 1 }),
    });
    expect(retry.status).to.equal(204);
    await stack.settle(r);
    const sent = stack.smtp!.received.filter((m) => m.subject.includes('Stage 1 has started'));
    expect(sent.map((m) => m.to.join()).sort()).to.deep.equal([
      'nscp-other-agency-professional.childrens-services@northamptonshire.example.org',
      'nscp-raising-professional.school@northamptonshire.example.org',
    ]);
    expect(stack.app.stores.outbox.forTask(last.id).map((m) => m.status)).to.deep.equal(['sent', 'sent']);
    expect(await stack.engine.listIncidents({ processInstanceId: r.processInstanceId })).to.deep.equal([]);
  });
});
