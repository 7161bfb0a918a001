/**
 * The report thread (issue 16: the report over a long period must not stop the server answering):
 * a report computed in the worker thread, on its own connection, is the report computed on the
 * server's connection; a failure in the thread rejects that report with its message and the next
 * one still runs.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openAppStores, type AppStores } from '../store/app-stores.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { seedLiverpool } from '../../bench/insight-report-seed.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { partnershipReport } from './partnership-report.js';
import { ReportRunner } from './report-runner.js';

const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00+01:00') };
const now = new Date('2025-06-01T00:00:00Z');

describe('Partnership report in its own thread (issue 16)', () => {
  const dir = tempDir('report-runner');
  let stores: AppStores;
  const runner = new ReportRunner();

  before(() => {
    const key = randomBytes(32).toString('base64');
    stores = openAppStores({ dataDir: dir.path, dataKey: key, mayCreateKey: false, uidDomain: 'x' });
    seedLiverpool(stores, 300, period.from, period.to);
  });
  after(async () => {
    await runner.close();
    stores.db.close();
    dir.remove();
  });

  it('Given a quarter of Liverpool escalations, When the report runs in the thread, Then it equals the report computed on the server’s connection', async () => {
    const liverpool = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
    const here = await partnershipReport({ db: stores.db, partnership: liverpool, period, now });
    const file = join(dir.path, 'escalations.sqlite');
    expect(stores.db.name).to.equal(file);
    const there = await runner.run({ dbFile: file, partnership: 'liverpool', period, now });
    expect(here.raised).to.equal(300);
    expect(there).to.deep.equal(here);
  });

  it('Given a report the thread cannot compute, Then that report fails with the reason, and the next one is computed', async () => {
    const file = stores.db.name;
    let failure: Error | null = null;
    await runner
      .run({ dbFile: file, partnership: 'nowhere', period, now })
      .catch((e: Error) => (failure = e));
    expect(failure!.message).to.equal('partnership report failed: no partnership nowhere');
    const missing = join(dir.path, 'missing.sqlite');
    await runner
      .run({ dbFile: missing, partnership: 'liverpool', period, now })
      .catch((e: Error) => (failure = e));
    expect(failure!.message).to.equal('partnership report failed: unable to open database file');
    expect((await runner.run({ dbFile: file, partnership: 'liverpool', period, now })).raised).to.equal(300);
  });
});
