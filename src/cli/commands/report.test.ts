/**
 * `escalation report` (issue 16) on a real DATA_DIR seeded with Liverpool escalations as the
 * workers record them (bench/insight-report-seed.ts): the same figures as the API's report, the CSV
 * and PDF written with --out, the read audited, lessons written before migration 3 counted after
 * their backfill, and bad usage refused with exit 2 naming the option.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { openAppStores } from '../../store/app-stores.js';
import { loadPartnerships } from '../../../processes/catalogue.js';
import { partnershipReport } from '../../reports/partnership-report.js';
import { seedLiverpool } from '../../../bench/insight-report-seed.js';
import { memoryIo } from '../memory-io.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { run as report } from './report.js';

const key = randomBytes(32).toString('base64');
// A past quarter: the report reads the record as it stood at its end, whatever day the test runs.
const FROM = '2025-01-01';
const TO = '2025-04-01';
const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00+01:00') };

describe('escalation report (issue 16: the partnership report from the command line)', () => {
  const dir = tempDir('report-cli');
  const env = { DATA_DIR: dir.path, DATA_KEY: key };
  let lessonsWithCategories = 0;

  before(() => {
    const stores = openAppStores({ dataDir: dir.path, dataKey: key, mayCreateKey: false, uidDomain: 'x' });
    seedLiverpool(stores, 60, period.from, period.to);
    lessonsWithCategories = (
      stores.db.prepare("SELECT count(*) AS n FROM record_lessons WHERE categories <> '[]'").get() as {
        n: number;
      }
    ).n;
    // As if these lessons had been recorded before migration 3 kept their plain facts.
    stores.db.prepare('DELETE FROM record_lessons').run();
    stores.db.close();
  });
  after(() => dir.remove());

  it('Given a quarter of Liverpool escalations, When the report is asked as JSON, Then it has every escalation raised and the figures the API computes, lessons recorded before their facts were kept included', async () => {
    const io = memoryIo(env);
    expect(await report(['--partnership', 'liverpool', '--from', FROM, '--to', TO], io)).to.equal(0);
    const json = JSON.parse(io.out) as Awaited<ReturnType<typeof partnershipReport>>;
    expect(json.raised).to.equal(60);
    expect(json.byRaisingAgency.reduce((a, r) => a + r.count, 0)).to.equal(60);
    expect(lessonsWithCategories).to.be.greaterThan(0);
    expect(json.lessons.withLessons).to.equal(lessonsWithCategories);
    const stores = openAppStores({ dataDir: dir.path, dataKey: key, mayCreateKey: false, uidDomain: 'x' });
    try {
      const liverpool = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
      const direct = await partnershipReport({
        db: stores.db,
        partnership: liverpool,
        period,
        now: new Date(),
      });
      expect(json).to.deep.equal(direct);
      const audit = stores.db
        .prepare("SELECT action, outcome, source, target FROM audit_entries WHERE action = 'report.read'")
        .all();
      expect(audit).to.deep.include({
        action: 'report.read',
        outcome: 'ok',
        source: 'cli',
        target: `partnership:liverpool:json:${period.from.toISOString()}/${period.to.toISOString()}`,
      });
    } finally {
      stores.db.close();
    }
  });

  it('Given --format csv and pdf with --out, Then the files are written (mode 0600), the CSV parses back with "<5" for small counts, and the PDF is a PDF', async () => {
    const csvFile = path.join(dir.path, 'q1.csv');
    const io = memoryIo(env);
    const argv = ['--partnership', 'liverpool', '--from', FROM, '--to', TO];
    expect(await report([...argv, '--format', 'csv', '--out', csvFile], io)).to.equal(0);
    expect(io.out.trim()).to.equal(csvFile);
    expect(statSync(csvFile).mode & 0o777).to.equal(0o600);
    const rows = parse(readFileSync(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.section === 'summary' && r.key === 'raised')?.value).to.equal('60');
    expect(rows.filter((r) => /^[1-4]$/.test(r.value!))).to.deep.equal([]);
    const pdfFile = path.join(dir.path, 'q1.pdf');
    expect(await report([...argv, '--format', 'pdf', '--out', pdfFile], memoryIo(env))).to.equal(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).to.equal('%PDF-');
  });

  it('Given bad usage, Then exit 2 with one line naming the option, and nothing is written', async () => {
    const cases: [string[], RegExp][] = [
      [['--from', FROM, '--to', TO], /--partnership/],
      [['--partnership', 'nowhere', '--from', FROM, '--to', TO], /--partnership: one of .*liverpool/],
      [['--partnership', 'liverpool', '--to', TO], /--from/],
      [['--partnership', 'liverpool', '--from', TO, '--to', FROM], /--to: after from/],
      [['--partnership', 'liverpool', '--from', '2025-02-30', '--to', TO], /--from: a real calendar date/],
      [['--partnership', 'liverpool', '--from', FROM, '--to', TO, '--format', 'xlsx'], /--format/],
      [['--partnership', 'liverpool', '--from', FROM, '--to', TO, '--format', 'pdf'], /pdf needs --out/],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIo(env);
      expect(await report(argv, io), argv.join(' ')).to.equal(2);
      expect(io.err).to.match(message);
      expect(io.err.trim().split('\n')).to.have.length(1);
      expect(io.out).to.equal('');
    }
  });
});
