/**
 * `npx escalation subjects export` (issue 16, Operations: data protection) as its own process beside
 * the running product: one case reference's child's details, every record entry with its details,
 * every document (PDF and JSON), message and audit entry of every escalation about it, in one zip
 * of mode 0600; nothing about another case reference; audited; never written over an existing file.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutboxStore } from '../../src/messaging/outbox-store.js';
import { tempDir } from '../support/temp-dir.js';
import { readZip, type ZipEntry } from '../support/read-zip.js';
import { escalationCli } from './cli-run.js';
import { raiseLiverpool, resolveAtStage1, startOpsProduct, type OpsProduct, type RaisedCase } from './product-harness.js'; // prettier-ignore

const CHILD_A = {
  name: 'Zephyrine Quillfeather-Oduya',
  dateOfBirth: '2016-04-09',
  address: '17 Marrowbone Yard, Lanterntown LT9 4QZ',
};
const CHILD_B = {
  name: 'Balthazar Wrenfield-Okoro',
  dateOfBirth: '2013-10-27',
  address: '3 Cinderpath Close, Ashmere AM2 7XJ',
};
const REF_A = 'LCC/2026/70411';
const REF_B = 'LCC/2026/70422';

/** JSON as the export writes it (dates as strings). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const text = (entry: ZipEntry | undefined): string => {
  if (!entry) throw new Error('missing zip entry');
  return entry.bytes.toString('utf8');
};

describe('Subject access export: escalation subjects export (issue 16, Operations)', function () {
  this.timeout(120_000);
  let ops: OpsProduct;
  let out: ReturnType<typeof tempDir>;
  let a1: RaisedCase;
  let a2: RaisedCase;
  let b: RaisedCase;
  const cli = (args: string[]) => escalationCli(args, { DATA_DIR: ops.dataDir });
  /** `escalation subjects export` of a Liverpool case reference to `file`. */
  const exportCase = (caseReference: string, file: string) =>
    cli(['subjects', 'export', '--partnership', 'liverpool', '--case', caseReference, '--out', file]);

  before(async () => {
    ops = await startOpsProduct();
    out = tempDir('subject-access');
    // Case A: one escalation resolved at Stage 1 (Appendix 1 written), a second one still open.
    a1 = await raiseLiverpool(ops, REF_A, CHILD_A);
    await resolveAtStage1(ops, a1);
    a2 = await raiseLiverpool(ops, REF_A, CHILD_A);
    // Case B: another child, resolved too, so it has the same kinds of data.
    b = await raiseLiverpool(ops, REF_B, CHILD_B);
    await resolveAtStage1(ops, b);
  });
  after(async () => {
    await ops.stop();
    out.remove();
  });

  it("Given two escalations about case A and one about case B, When A is exported, Then the zip holds A's child, every record entry with its details, documents (PDF and JSON), messages and audit entries, each file as the manifest's hash says", async () => {
    const file = join(out.path, 'a.zip');
    const ran = await exportCase(REF_A, file);
    expect(ran.stderr).to.equal('');
    expect(ran.code).to.equal(0);
    expect(ran.stdout).to.match(/Wrote .*a\.zip \(mode 0600\): 2 escalation\(s\), 1 document\(s\)/);
    // Nothing personal on the terminal: the command prints counts only.
    expect(ran.stdout).not.to.include(CHILD_A.name);
    expect(statSync(file).mode & 0o777).to.equal(0o600);

    const zip = await readZip(file);
    const subject = JSON.parse(text(zip.get('subject.json')));
    expect(subject).to.deep.equal({ partnership: 'liverpool', caseReference: REF_A, details: CHILD_A });
    // Who touched the child's details outside an escalation: this export's own request among them.
    const subjectAudit = JSON.parse(text(zip.get('subject-audit.json'))) as {
      action: string;
      target: string;
      escalationId: string | null;
    }[];
    expect(subjectAudit.map((e) => e.action)).to.include('subject-access.export');
    for (const e of subjectAudit)
      expect([e.target, e.escalationId]).to.deep.equal([`liverpool/${REF_A}`, null]);

    const { stores } = ops.product;
    const outbox = new OutboxStore(stores.db);
    for (const run of [a1, a2]) {
      const dir = `escalations/${run.escalationId}`;
      const record = JSON.parse(text(zip.get(`${dir}/record.json`)));
      expect(record).to.deep.equal(asJson(stores.record.forEscalation(run.escalationId)));
      const kinds = record.map((e: { kind: string }) => e.kind);
      expect(kinds).to.include('escalation-raised');
      if (run === a1) expect(kinds).to.include('resolution');
      // The raise entry's details, decrypted.
      const raise = record.find((e: { kind: string }) => e.kind === 'escalation-raised');
      expect(Object.keys(raise?.payload ?? {})).to.have.length.greaterThan(0);
      const messages = JSON.parse(text(zip.get(`${dir}/messages.json`)));
      expect(messages).to.deep.equal(asJson(outbox.forEscalation(run.escalationId)));
      expect(messages.length).to.be.greaterThan(0);
      const audit = JSON.parse(text(zip.get(`${dir}/audit.json`)));
      expect(audit.length).to.be.greaterThan(0);
      expect(audit.every((e: { escalationId: string }) => e.escalationId === run.escalationId)).to.equal(
        true,
      );
      expect(audit.map((e: { action: string }) => e.action)).to.include('subject-access.export');
      expect(JSON.parse(text(zip.get(`${dir}/escalation.json`)))?.id).to.equal(run.escalationId);
    }
    // Appendix 1 of the resolved escalation, as the PDF the parties had and as its data.
    const [doc] = stores.documents.forEscalation(a1.escalationId);
    expect(doc, 'Appendix 1 written').to.not.equal(undefined);
    const pdf = zip.get(`escalations/${a1.escalationId}/documents/${doc!.form}-${doc!.id}.pdf`)!;
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(pdf.bytes.equals(stores.documents.pdf(doc!.id))).to.equal(true);
    const docJson = JSON.parse(text(zip.get(`escalations/${a1.escalationId}/documents/${doc!.form}-${doc!.id}.json`))); // prettier-ignore
    expect(docJson.data).to.deep.equal(asJson(stores.documents.json(doc!.id)));
    expect(JSON.stringify(docJson.data)).to.include(CHILD_A.name);

    const manifest = JSON.parse(text(zip.get('manifest.json')));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).to.deep.equal(
      [...zip.keys()].filter((p) => p !== 'manifest.json').sort(),
    );
    for (const f of manifest.files as { path: string; sha256: string }[])
      expect(createHash('sha256').update(zip.get(f.path)!.bytes).digest('hex'), f.path).to.equal(f.sha256);
    for (const [path, entry] of zip) expect(entry.mode & 0o777, path).to.equal(0o600);
  });

  it('Given the export of case A, When every file of it is read, Then nothing about case B is in it: not its child, case reference or escalation', async () => {
    const file = join(out.path, 'a-only.zip');
    expect((await exportCase(REF_A, file)).code).to.equal(0);
    const zip = await readZip(file);
    const all = Buffer.concat([...zip.values()].map((e) => e.bytes)).toString('utf8');
    expect(all).to.include(CHILD_A.name).and.to.include(a1.escalationId).and.to.include(a2.escalationId);
    for (const other of [
      CHILD_B.name,
      CHILD_B.address,
      CHILD_B.dateOfBirth,
      REF_B,
      b.escalationId,
      b.processInstanceId,
    ])
      // prettier-ignore
      expect(all, other).not.to.include(other);
    const dirs = new Set(
      [...zip.keys()].filter((p) => p.startsWith('escalations/')).map((p) => p.split('/')[1]),
    );
    expect([...dirs]).to.have.members([a1.escalationId, a2.escalationId]);
  });

  it('Given an export, When it is done, Then the audit log names the request (case reference, never the child) and each escalation exported', async () => {
    const file = join(out.path, 'audited.zip');
    const before = ops.product.stores.db
      .prepare('SELECT max(seq) FROM audit_entries')
      .pluck()
      .get() as number;
    expect((await exportCase(REF_A, file)).code).to.equal(0);
    const rows = ops.product.stores.db
      .prepare('SELECT action, target, escalation_id AS escalationId, outcome, source, actor FROM audit_entries WHERE seq > ? ORDER BY seq') // prettier-ignore
      .all(before) as { action: string; target: string; escalationId: string | null; outcome: string; source: string; actor: string }[]; // prettier-ignore
    expect(rows.map((r) => [r.action, r.target, r.escalationId, r.outcome, r.source])).to.deep.equal([
      ['subject-access.export', `liverpool/${REF_A}`, null, 'ok', 'cli'],
      ['subject-access.export', `escalation:${a1.escalationId}`, a1.escalationId, 'ok', 'cli'],
      ['subject-access.export', `escalation:${a2.escalationId}`, a2.escalationId, 'ok', 'cli'],
    ]);
    expect(rows.every((r) => r.actor.startsWith('cli:'))).to.equal(true);
    expect(JSON.stringify(rows)).not.to.include(CHILD_A.name);
  });

  it('Given a file already at --out, When export runs, Then it refuses (exit 2) and the file is untouched', async () => {
    const file = join(out.path, 'taken.zip');
    writeFileSync(file, 'somebody else’s file');
    const ran = await exportCase(REF_A, file);
    expect(ran.code).to.equal(2);
    expect(ran.stderr).to.include('already exists');
    expect(readFileSync(file, 'utf8')).to.equal('somebody else’s file');
  });

  it('Given a case reference nothing is held about, When exported, Then it says so (exit 1), writes no file and audits the request as not found', async () => {
    const file = join(out.path, 'none.zip');
    const ran = await exportCase('LCC/2026/99999', file);
    expect(ran.code).to.equal(1);
    expect(ran.stderr).to.include('nothing is held about case reference LCC/2026/99999');
    expect(existsSync(file)).to.equal(false);
    const last = ops.product.stores.db
      .prepare('SELECT target, outcome FROM audit_entries ORDER BY seq DESC LIMIT 1')
      .get() as { target: string; outcome: string };
    expect(last).to.deep.equal({ target: 'liverpool/LCC/2026/99999', outcome: 'not-found' });
  });

  it('Given no --case, or one that is not a case reference, When export runs, Then it is refused with the field named (exit 2)', async () => {
    for (const args of [[], ['--case', 'Jane Smith']]) {
      const ran = await cli(['subjects', 'export', '--partnership', 'liverpool', ...args]);
      expect(ran.code, args.join(' ')).to.equal(2);
      expect(ran.stderr).to.include('--case');
    }
  });
});
