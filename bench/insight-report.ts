/**
 * The partnership report part of `npm run bench:insight` (issue 16): BENCH_REPORT_ESCALATIONS
 * (default 100,000) Liverpool escalations raised evenly over 2026, seeded into a fresh application
 * database through the real RecordStore (bench/insight-report-seed.ts: hash chain, sealed payloads,
 * about 4.4 record entries each), then the report computed as the API computes it, for the whole
 * year (every escalation) and for one quarter, BENCH_REPORT_RUNS times (default 5) after a warm-up:
 * median and fastest wall-clock time, the heap it leaves and the process's peak RSS; then the CSV
 * and the PDF of the year. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { openAppStores } from '../src/store/app-stores.js';
import { loadPartnerships } from '../processes/catalogue.js';
import { partnershipReport } from '../src/reports/partnership-report.js';
import type { ReportPeriod } from '../src/reports/period.js';
import { reportCsv } from '../src/reports/report-csv.js';
import { reportPdf } from '../src/reports/report-pdf.js';
import { seedLiverpool } from './insight-report-seed.js';
import { fmt, ms, pct } from './figures.js';

const COUNT = Number(process.env.BENCH_REPORT_ESCALATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const YEAR: ReportPeriod = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
const QUARTER: ReportPeriod = { from: new Date('2026-10-01T00:00:00+01:00'), to: YEAR.to };
/** The clock's now: after the year, so its record is read as it stood at its end. */
const NOW = new Date('2027-03-01T00:00:00Z');

const mib = (bytes: number) => fmt(bytes / 1024 / 1024, 0);
const peakRss = () => mib(resourceUsage().maxRSS * 1024);

export async function benchReport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  try {
    const stores = openAppStores({ dataDir: dir, dataKey: null, mayCreateKey: true, uidDomain: 'bench' });
    let t0 = performance.now();
    const entries = seedLiverpool(stores, COUNT, YEAR.from, YEAR.to);
    const seeded = ms(t0);
    const size = statSync(join(dir, 'escalations.sqlite')).size;
    console.log(
      `\n## report: ${fmt(COUNT, 0)} escalations, ${fmt(entries, 0)} record entries seeded in ${fmt(seeded / 1000)} s ` +
        `(database ${mib(size)} MiB, peak RSS ${peakRss()} MiB)`,
    );
    const liverpool = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
    const run = (period: ReportPeriod) =>
      partnershipReport({ db: stores.db, partnership: liverpool, period, now: NOW });
    console.log('| period | raised | median ms | fastest ms | heap after MiB | peak RSS MiB |');
    console.log('| ------ | -----: | --------: | ---------: | -------------: | -----------: |');
    for (const [name, period] of [
      ['2026 (year)', YEAR],
      ['2026 Q4', QUARTER],
    ] as const) {
      const first = await run(period); // warm-up: the stage order is read from the diagram once
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        t0 = performance.now();
        await run(period);
        times.push(ms(t0));
      }
      const heap = process.memoryUsage().heapUsed;
      console.log(
        `| ${name} | ${fmt(first.raised, 0)} | ${fmt(pct(times, 50), 0)} | ${fmt(Math.min(...times), 0)} | ${mib(heap)} | ${peakRss()} |`,
      );
    }
    const year = await run(YEAR);
    t0 = performance.now();
    const csv = reportCsv(year, NOW);
    const csvMs = ms(t0);
    t0 = performance.now();
    const pdf = await reportPdf(year, NOW);
    console.log(
      `CSV of the year ${fmt(csvMs, 0)} ms (${fmt(csv.length / 1024, 0)} KiB); PDF ${fmt(ms(t0), 0)} ms ` +
        `(${fmt(pdf.length / 1024, 0)} KiB); peak RSS ${peakRss()} MiB`,
    );
    stores.db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
