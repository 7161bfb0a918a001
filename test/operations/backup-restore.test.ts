/**
 * Backup and restore as docs/operations.md (and the README's "Backup and restore") tell IT to do it:
 * `escalation backup <dir>` as its own process beside the running product (SQLite's online backup
 * of DATA_DIR's databases), a copy of the key kept apart, then the files and the key copied into a
 * new, empty DATA_DIR and the product started on it. The restored product has the escalations as
 * they were at the backup (not one raised after it), reads the children's details and documents
 * with the key, its record verifies, and the restored escalations go on.
 */
import { expect } from 'chai';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { EscalationIndex } from '../../src/escalations/escalation-index.js';
import { tempDir } from '../support/temp-dir.js';
import { escalationCli } from './cli-run.js';
import { raiseLiverpool, resolveAtStage1, startOpsProduct, settled, type OpsProduct, type RaisedCase } from './product-harness.js'; // prettier-ignore

const CHILD = { name: 'Wilhelmina Oyelaran-Fitch', dateOfBirth: '2016-08-03', address: '22 Brambling Court, Nowhere NX3 3CC' }; // prettier-ignore
const OTHER = { name: 'Caspian Thorne-Adeyemi', dateOfBirth: '2012-12-12', address: '5 Wychwood Lane, Nowhere NX4 4DD' }; // prettier-ignore

describe('Backup of a running product and restore into a new DATA_DIR (issue 16, Operations; docs/operations.md)', function () {
  this.timeout(180_000);
  let dir: ReturnType<typeof tempDir>;
  let running: OpsProduct | null = null;
  let restored: OpsProduct | null = null;
  let resolvedCase: RaisedCase;
  let openCase: RaisedCase;
  let afterBackup: RaisedCase;
  let entriesAtBackup: number;
  const clock = new FakeClock('2026-11-02T10:00:00.000Z');

  before(async () => {
    dir = tempDir('backup-restore');
    const dataDir = join(dir.path, 'data');
    running = await startOpsProduct({ dataDir, clock });
    resolvedCase = await raiseLiverpool(running, 'LCC/OPS/30001', CHILD);
    await resolveAtStage1(running, resolvedCase);
    openCase = await raiseLiverpool(running, 'LCC/OPS/30002', OTHER);
    entriesAtBackup = running.product.stores.db.prepare('SELECT count(*) FROM record_entries').pluck().get() as number; // prettier-ignore

    // 1. The backup, while the product runs, and the key kept apart (docs/operations.md, "Backup").
    const backup = await escalationCli(['backup', join(dir.path, 'backups', '2026-11-02')], {
      DATA_DIR: dataDir,
    });
    expect(backup.stderr).to.equal('');
    expect(backup.code).to.equal(0);
    expect(backup.stdout).to.include('The encryption key is not in the backup');
    mkdirSync(join(dir.path, 'keys'), { mode: 0o700 });
    copyFileSync(join(dataDir, 'data.key'), join(dir.path, 'keys', 'data.key'));
    // Work goes on after the backup: this one is not in it.
    afterBackup = await raiseLiverpool(running, 'LCC/OPS/30003', OTHER);
    // The server is lost.
    await running.stop();
    running = null;

    // 2. Restore into a new, empty DATA_DIR (docs/operations.md, "Restore").
    const fresh = join(dir.path, 'restored');
    mkdirSync(fresh, { mode: 0o700 });
    for (const file of readdirSync(join(dir.path, 'backups', '2026-11-02')))
      copyFileSync(join(dir.path, 'backups', '2026-11-02', file), join(fresh, file));
    copyFileSync(join(dir.path, 'keys', 'data.key'), join(fresh, 'data.key'));
    restored = await startOpsProduct({ dataDir: fresh, clock });
  });
  after(async () => {
    await running?.stop();
    await restored?.stop();
    dir?.remove();
  });

  it('Given the backup directory, When listed, Then it holds both databases and never the key', () => {
    const files = readdirSync(join(dir.path, 'backups', '2026-11-02')).sort();
    expect(files).to.deep.equal(['engine.sqlite', 'escalations.sqlite']);
    expect(statSync(join(dir.path, 'backups', '2026-11-02')).mode & 0o777).to.equal(0o700);
  });

  it('Given the restored DATA_DIR, When the product starts on it, Then it finds the escalations of the backup (not the one raised after it), in the engine and in the index', async () => {
    const { engine, stores } = restored!.product;
    const index = new EscalationIndex(stores.db);
    for (const run of [resolvedCase, openCase]) expect(index.get(run.escalationId)?.id, run.escalationId).to.equal(run.escalationId); // prettier-ignore
    expect(index.get(afterBackup.escalationId)).to.equal(undefined);
    expect(await engine.countProcessInstances({ processInstanceIds: [openCase.processInstanceId] })).to.equal(
      1,
    );
    const [history] = await engine.listHistoricProcessInstances({
      processInstanceId: resolvedCase.processInstanceId,
    });
    expect(history?.endTime).to.be.instanceOf(Date);
    expect(
      await engine.countProcessInstances({ processInstanceIds: [afterBackup.processInstanceId] }),
    ).to.equal(0);
  });

  it("Given the key put back, When the restored stores are read, Then the children's details and Appendix 1 open", () => {
    const { stores } = restored!.product;
    expect(stores.subjects.get('liverpool', resolvedCase.caseReference)).to.deep.equal(CHILD);
    const [doc] = stores.documents.forEscalation(resolvedCase.escalationId);
    expect(stores.documents.pdf(doc!.id).subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(stores.record.forEscalation(openCase.escalationId)[0]?.payload).to.not.equal(null);
  });

  it('Given the restored DATA_DIR, When `escalation records verify` runs beside it, Then the chain of the backup is intact', async () => {
    const ran = await escalationCli(['records', 'verify'], { DATA_DIR: restored!.dataDir });
    expect(ran.stderr).to.equal('');
    expect(ran.code).to.equal(0);
    expect(ran.stdout).to.equal(`Record verified: ${entriesAtBackup} entries, the chain is intact.\n`);
  });

  it('Given the restored product, When the open escalation is resolved at Stage 1, Then the workers record it on the restored record, which still verifies', async () => {
    await resolveAtStage1(restored!, openCase);
    await settled(restored!.product, openCase.processInstanceId);
    const kinds = restored!.product.stores.record.forEscalation(openCase.escalationId).map((e) => e.kind);
    expect(kinds).to.include('resolution');
    expect(restored!.product.stores.record.verify().ok).to.equal(true);
  });
});
