/**
 * Timer lag through the product's own `GET /metrics` (issue 16, Operations): the server is down
 * over Liverpool's first timer (LSCB Resolution & Escalation Procedure, Stage 1: the reminder and
 * deadline partnership.json's working days give), and comes back two hours after it. The engine
 * fires what fell due as it starts, and the lag histogram holds those two hours: the "timer lag >
 * 1 minute" alert of docs/operations.md fires. (A stalled engine's waiting timers, before they
 * fire, are in metrics-engine.test.ts.)
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { tempDir } from '../support/temp-dir.js';
import { parsePrometheusText, sampleValue, type Family } from '../support/prometheus-text.js';
import { raiseLiverpool, startOpsProduct, type OpsProduct } from './product-harness.js';

const HOURS_2 = 2 * 3_600_000;
const PROCESS = { process: 'LiverpoolEscalation' };

async function scrape(ops: OpsProduct): Promise<Map<string, Family>> {
  const res = await fetch(`${ops.base}/metrics`);
  expect(res.status).to.equal(200);
  return parsePrometheusText(await res.text());
}

describe('GET /metrics: timer lag when the server was down over a deadline (issue 16, Operations)', function () {
  this.timeout(120_000);
  let dir: ReturnType<typeof tempDir>;
  let ops: OpsProduct | null = null;

  before(() => (dir = tempDir('metrics-lag')));
  after(async () => {
    await ops?.stop();
    dir.remove();
  });

  it('Given a Liverpool escalation whose first timer falls due while the server is stopped, When it starts two hours later, Then /metrics shows the timers fired two hours late in the lag histogram', async () => {
    const clock = new FakeClock('2026-11-02T10:00:00.000Z');
    const dataDir = join(dir.path, 'data');
    ops = await startOpsProduct({ dataDir, clock });
    const run = await raiseLiverpool(ops, 'LCC/OPS/20001', {
      name: 'Perpetua Lindqvist-Amadi',
      dateOfBirth: '2017-01-19',
      address: '8 Foxglove Terrace, Nowhere NX2 2BB',
    });
    const timers = await ops.product.engine.listJobs({
      processInstanceId: run.processInstanceId,
      timers: true,
    });
    const first = Math.min(...timers.map((t) => t.dueDate!.getTime()));
    expect(timers.length).to.be.greaterThan(0);
    let m = await scrape(ops);
    expect(sampleValue(m, 'escalations_timers_overdue')).to.equal(0);
    expect(() => sampleValue(m, 'escalations_timer_lag_seconds_count', PROCESS)).to.throw(/no sample/);
    await ops.stop();
    ops = null;

    // Down over the deadline: the clock passes it with no engine to fire it.
    await clock.advanceTo(first + HOURS_2);
    // On start the engine fires what fell due while it was down, two hours late.
    ops = await startOpsProduct({ dataDir, clock });
    await clock.advance(0);
    await waitFor(async () => sampleValue(await scrape(ops!), 'escalations_timers_overdue') === 0);
    m = await scrape(ops);
    expect(sampleValue(m, 'escalations_timer_overdue_max_seconds')).to.equal(0);
    const fired = sampleValue(m, 'escalations_timer_lag_seconds_count', PROCESS);
    expect(fired).to.be.greaterThan(0);
    // Every timer that fired was due by `first + 2 h` and fired at that instant: the first was two hours late.
    expect(sampleValue(m, 'escalations_timer_lag_seconds_sum', PROCESS)).to.be.at.least(HOURS_2 / 1000);
    expect(sampleValue(m, 'escalations_timer_lag_seconds_bucket', { ...PROCESS, le: '3600' })).to.be.lessThan(fired); // prettier-ignore
    expect(sampleValue(m, 'escalations_timer_lag_seconds_bucket', { ...PROCESS, le: '+Inf' })).to.equal(
      fired,
    );
  });
});

/** Polls (the engine fires in the background once the clock moved). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('the overdue timers never fired');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
