/**
 * The report of every partnership over a period with no escalations (issue 16): nothing made up,
 * every stage of its procedure listed at zero, and every agency of its roles.json listed as raising
 * none against its four previous periods (Wiltshire §2.6: "the lack of escalations"); the CSV and
 * PDF still render, saying so.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { openAppStores, type AppStores } from '../store/app-stores.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { partnershipReport } from './partnership-report.js';
import { reportCsv } from './report-csv.js';
import { reportPdf } from './report-pdf.js';

const period = { from: new Date('2025-10-01T00:00:00+01:00'), to: new Date('2026-01-01T00:00:00Z') };
const now = new Date('2026-02-01T00:00:00Z');

describe('Partnership report of a quiet period, for every partnership (issue 16)', function () {
  this.timeout(120_000);
  const dir = tempDir('report-empty');
  let stores: AppStores;
  before(() => {
    const key = randomBytes(32).toString('base64');
    stores = openAppStores({ dataDir: dir.path, dataKey: key, mayCreateKey: false, uidDomain: 'x' });
  });
  after(() => {
    stores.db.close();
    dir.remove();
  });

  for (const entry of loadPartnerships()) {
    it(`Given no escalations in ${entry.settings.id}, Then every count is zero, every stage and context is listed, every agency is without escalations against the four quarters before, and the CSV and PDF render`, async () => {
      const r = await partnershipReport({ db: stores.db, partnership: entry, period, now });
      expect(r.raised).to.equal(0);
      expect(r.status).to.deep.equal({ open: 0, resolved: 0, closedUnresolved: 0, withdrawn: 0 });
      expect(r.stages.length).to.be.greaterThan(2);
      expect(r.stages.every((s) => s.reached === 0 && s.timeAtStage.medianHours === null)).to.equal(true);
      expect(r.byContext.length).to.be.greaterThan(0);
      expect(r.byContext.every((c) => c.count === 0)).to.equal(true);
      expect(r.resolvedAtStage).to.deep.equal([]);
      expect(r.lessons.entries).to.equal(0);
      expect(r.agenciesWithoutEscalations.map((a) => a.agency)).to.deep.equal(
        entry.roles.agencies.map((a) => a.id),
      );
      expect(r.agenciesWithoutEscalations[0]!.previousPeriods.map((p) => [p.from, p.to])).to.deep.equal([
        ['2024-09-30T23:00:00.000Z', '2025-01-01T00:00:00.000Z'],
        ['2025-01-01T00:00:00.000Z', '2025-03-31T23:00:00.000Z'],
        ['2025-03-31T23:00:00.000Z', '2025-06-30T23:00:00.000Z'],
        ['2025-06-30T23:00:00.000Z', '2025-09-30T23:00:00.000Z'],
      ]);
      const rows = parse(reportCsv(r, now), { columns: true }) as Record<string, string>[];
      expect(rows.find((x) => x.section === 'summary' && x.key === 'raised')?.value).to.equal('0');
      const pdf = await reportPdf(r, now);
      expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    });
  }
});
