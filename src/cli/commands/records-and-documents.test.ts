/**
 * The record, document and subject commands (issue 13) on a real DATA_DIR: `records verify` names
 * the first broken entry after a row is changed behind the trigger's back; exports are audited;
 * `subjects import` reads stdin only and never prints a personal value.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openAppDatabase } from '../../store/app-database.js';
import { dataFiles } from '../../store/data-files.js';
import { RecordStore } from '../../record/record-store.js';
import { DocumentStore } from '../../documents/document-store.js';
import { AuditLog } from '../../audit/audit-log.js';
import { memoryIo } from '../memory-io.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { run as records } from './records.js';
import { run as documents } from './documents.js';
import { run as subjects } from './subjects.js';
import { run as audit } from './audit.js';

const key = randomBytes(32);
const env = (dir: string) => ({ DATA_DIR: dir, DATA_KEY: key.toString('base64') });

function seed(dir: string): void {
  const db = openAppDatabase(dataFiles(dir).app);
  const record = new RecordStore(db, key);
  for (const kind of ['escalation-raised', 'stage-outcome', 'stage-outcome', 'resolution']) {
    record.append({
      externalTaskId: null,
      escalationId: 'esc-cli-0001',
      caseReference: 'CR-2026-00042',
      partnership: 'liverpool',
      processInstanceId: 'pi',
      stage: kind === 'stage-outcome' ? '1' : null,
      elementId: 'X',
      kind,
      actorRole: null,
      actorAgency: null,
      outcome: null,
      correctsSeq: null,
      recordedAt: new Date('2026-11-03T10:00:00Z'),
      payload: { agreedOutcome: 'Agreed "plan", with a comma' },
    });
  }
  new DocumentStore(db, key).put({
    externalTaskId: 't1',
    escalationId: 'esc-cli-0001',
    caseReference: 'CR-2026-00042',
    partnership: 'liverpool',
    form: 'liverpool-appendix-1-summary-log',
    elementId: 'Stage1_SummaryLog',
    createdAt: new Date('2026-11-03T10:00:00Z'),
    missing: [],
    pdf: Buffer.from('%PDF-1.3 Alex Example'),
    json: { fields: { child: 'Alex Example' } },
  });
  db.close();
}

describe('CLI: records, documents, subjects and audit (issue 13)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('cli-data');
    seed(dir.path);
  });
  afterEach(() => dir.remove());

  it('Given an intact record, When verified, Then it prints the count and exits 0; after a row is changed outside the trigger, exit 1 names it', async () => {
    const ok = memoryIo(env(dir.path));
    expect(await records(['verify'], ok)).to.equal(0);
    expect(ok.out).to.equal('Record verified: 4 entries, the chain is intact.\n');
    const db = openAppDatabase(dataFiles(dir.path).app);
    db.exec('DROP TRIGGER record_entries_append_only_update');
    db.prepare(`UPDATE record_entries SET kind = 'withdrawn' WHERE seq = 3`).run();
    db.close();
    const broken = memoryIo(env(dir.path));
    expect(await records(['verify'], broken)).to.equal(1);
    expect(broken.err).to.equal('Record broken at entry 3: its contents do not match its hash.\n');
  });

  it('Given an escalation, When its record is exported as CSV, Then quotes are doubled, payloads are JSON, and the export is audited', async () => {
    const io = memoryIo(env(dir.path));
    expect(await records(['export', '--escalation', 'esc-cli-0001', '--format', 'csv'], io)).to.equal(0);
    const lines = io.out.trimEnd().split('\r\n');
    expect(lines).to.have.length(5);
    expect(lines[1]).to.include('"{""agreedOutcome"":""Agreed \\""plan\\"", with a comma""}"');
    const db = openAppDatabase(dataFiles(dir.path).app);
    expect(
      new AuditLog(db).forEscalation('esc-cli-0001').map((e) => [e.action, e.outcome, e.source]),
    ).to.deep.equal([['record.export', 'ok', 'cli']]);
    db.close();
  });

  it('Given a document, When exported, Then PDF and JSON are written with mode 0600, and each export is audited', async () => {
    const out = path.join(dir.path, 'export');
    const io = memoryIo(env(dir.path));
    expect(await documents(['export', '--escalation', 'esc-cli-0001', '--dir', out], io)).to.equal(0);
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.replace(/-[0-9a-f-]{36}/, '-<id>'))).to.deep.equal([
      'liverpool-appendix-1-summary-log-<id>.json',
      'liverpool-appendix-1-summary-log-<id>.pdf',
    ]);
    expect(readFileSync(path.join(out, files[1]!), 'utf8')).to.equal('%PDF-1.3 Alex Example');
    expect(statSync(path.join(out, files[0]!)).mode & 0o777).to.equal(0o600);
    const list = memoryIo(env(dir.path));
    expect(await documents(['list', '--escalation', 'esc-cli-0001'], list)).to.equal(0);
    expect(list.out).to.match(
      /liverpool-appendix-1-summary-log {2}2026-11-03T10:00:00.000Z {2}0 not recorded/,
    );
    const verify = memoryIo(env(dir.path));
    expect(await audit(['verify'], verify)).to.equal(0);
    expect(verify.out).to.equal('Audit log verified: 1 entries, the chain is intact.\n');
  });

  it("Given children's details on stdin, When imported twice and once changed, Then new, unchanged and refused are counted and nothing personal is printed", async () => {
    const subject = {
      caseReference: 'CR-2026-00042',
      name: 'Alex Example',
      dateOfBirth: '2015-03-03',
      address: '1 Row',
    };
    const first = memoryIo(env(dir.path), JSON.stringify([subject]));
    expect(await subjects(['import', '--partnership', 'liverpool'], first)).to.equal(0);
    expect(first.out).to.equal('Imported 1: 1 new, 0 unchanged, 0 replaced, 0 refused.\n');
    const changed = memoryIo(
      env(dir.path),
      JSON.stringify([subject, { ...subject, caseReference: 'CR-2026-00043' }]).replace('1 Row', '2 Row'),
    );
    expect(await subjects(['import', '--partnership', 'liverpool'], changed)).to.equal(1);
    expect(changed.out).to.equal('Imported 2: 1 new, 0 unchanged, 0 replaced, 1 refused.\n');
    expect(changed.err).to.equal(
      'Already stored with different details (use --replace to overwrite): CR-2026-00042\n',
    );
    const bad = memoryIo(env(dir.path), JSON.stringify([{ ...subject, dateOfBirth: '03/03/2015' }]));
    expect(await subjects(['import', '--partnership', 'liverpool'], bad)).to.equal(2);
    expect(bad.err).to.equal('escalation subjects: entry 0.dateOfBirth: a date as YYYY-MM-DD\n');
    for (const io of [first, changed, bad]) expect(io.out + io.err).not.to.match(/Alex|Row|2015/);
  });

  it('Given no key and no data, When a command runs, Then it exits 2 saying what to set', async () => {
    const none = memoryIo({ DATA_DIR: path.join(dir.path, 'nothing') });
    expect(await records(['verify'], none)).to.equal(2);
    expect(none.err).to.match(/no application data in .*nothing \(set DATA_DIR/);
    const noKey = memoryIo({ DATA_DIR: dir.path });
    expect(await records(['verify'], noKey)).to.equal(2);
    expect(noKey.err).to.match(/set DATA_KEY/);
  });
});
