/**
 * The partnership report is the same on Camunda 7 / Operaton (issue 16: "the same report through
 * ENGINE_URL on the reference engine equals the embedded one"). The same fixed set of Liverpool
 * escalations (test/api/reports.fixtures.ts, without deadline breaches) is driven through /api/v1
 * twice: once by the product on its embedded engine, once by the product with ENGINE_URL on the
 * reference engine (`npm run test:reference -- test/reference-engine/reports.reference.test.ts`).
 * Both fake clocks start on a Monday at least three weeks after the real now, so no timer of the
 * reference engine (which keeps real time) falls due while the test runs, and the embedded engine
 * is checked to have fired none either; then both weeks' reports, JSON and CSV, are equal.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { ApiHarness } from '../api/harness.js';
import { ReportScenario } from '../api/reports.fixtures.js';

const BASE = '/api/v1/reports/partnerships/liverpool';

/** A Monday 10:00 in London, three to four weeks after the real now. */
function futureMonday(): number {
  const later = DateTime.now().setZone('Europe/London').plus({ weeks: 3 });
  return later
    .plus({ days: (8 - later.weekday) % 7 })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
}

interface Reports {
  week1: unknown;
  week2: unknown;
  csv: string;
  timerEntries: number;
}

async function driven(env: Record<string, string>, start: number): Promise<Reports> {
  const h = await ApiHarness.start({ env });
  try {
    await h.clock.advanceTo(start);
    const s = new ReportScenario(h, start);
    await s.people();
    await s.drive(false);
    const { week1, week2 } = s.periods();
    const get = async (q: string) => {
      const res = await h.call('GET', `${BASE}${q}`, s.as('bea'));
      expect(res.status, res.text).to.equal(200);
      return res;
    };
    const timerEntries = (
      h.product.stores.db
        .prepare(
          "SELECT count(*) AS n FROM record_entries WHERE kind IN ('stage-breached', 'stage-reminder')",
        )
        .get() as { n: number }
    ).n;
    return {
      week1: (await get(`?from=${week1.from}&to=${week1.to}`)).body,
      week2: (await get(`?from=${week2.from}&to=${week2.to}`)).body,
      // The generation instant is the clock's: equal on both.
      csv: (await get(`/report.csv?from=${week1.from}&to=${week1.to}`)).text,
      timerEntries,
    };
  } finally {
    await h.stop();
  }
}

describe('Partnership report on the reference engine (issue 16: the same figures through ENGINE_URL)', function () {
  this.timeout(600_000);

  it('Given the same escalations driven through the API on the embedded engine and on Operaton, When both weeks are reported, Then the JSON and the CSV are equal (Wiltshire §2.6, Liverpool Appendix 2)', async () => {
    const url = process.env.ENGINE_URL;
    expect(url, 'run with npm run test:reference (it sets ENGINE_URL)').to.be.a('string');
    const start = futureMonday();
    const embedded = await driven({}, start);
    const remoteEnv: Record<string, string> = {
      ENGINE_URL: url!,
      DATA_KEY: randomBytes(32).toString('base64'),
    };
    for (const name of ['ENGINE_REST_USER', 'ENGINE_REST_PASSWORD'])
      if (process.env[name]) remoteEnv[name] = process.env[name]!;
    const remote = await driven(remoteEnv, start);
    expect(embedded.timerEntries, 'no timer fired on the embedded engine').to.equal(0);
    expect(remote.timerEntries, 'no timer fired on the reference engine').to.equal(0);
    expect((embedded.week1 as { raised: number }).raised).to.equal(6);
    expect(remote.week1).to.deep.equal(embedded.week1);
    expect(remote.week2).to.deep.equal(embedded.week2);
    expect(remote.csv).to.equal(embedded.csv);
  });
});
