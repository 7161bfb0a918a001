/**
 * Retention in the running product (issue 16, Operations: data protection). Liverpool keeps an
 * escalation's history for partnership.json's historyTimeToLive (2190 days) after it ends; when
 * that ends, the product's sweep erases the child's details, the documents and the messages with
 * the engine's history, and the record keeps every entry and a tombstone that verifies. Nothing
 * personal is left in DATA_DIR's files: not in plain text, and not as the ciphertext it was sealed
 * into (the key is still there, so a deleted row's ciphertext in a free page would still be readable).
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERASURE_KIND, type ErasurePayload } from '../../src/record/erasure.js';
import { OutboxStore } from '../../src/messaging/outbox-store.js';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { escalationCli } from './cli-run.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { raiseLiverpool, resolveAtStage1, startOpsProduct, type OpsProduct, type RaisedCase } from './product-harness.js'; // prettier-ignore

const DAY = 24 * 3_600_000;
/** Liverpool's historyTimeToLive (partnership.json): 2190 days. */
const TTL_DAYS = loadPartnerships().find((p) => p.settings.id === 'liverpool')!.settings.historyTimeToLive;
const CHILD_A = { name: 'Ottoline Vasquez-Brennagh', dateOfBirth: '2015-02-14', address: '41 Quinceway Mews, Harrowfold HF3 8RN' }; // prettier-ignore
const CONCERN_A = `Neglect: ${CHILD_A.name.split(' ')[0]} missed three appointments at ${CHILD_A.address.split(',')[0]}`;
const CHILD_B = { name: 'Leopold Abernathy-Yusuf', dateOfBirth: '2014-07-30', address: '9 Tallowgate Row, Emberleigh EL5 2TD' }; // prettier-ignore

/** Every file of DATA_DIR (databases, WAL and shared-memory files), concatenated. */
function dataDirBytes(dataDir: string): Buffer {
  return Buffer.concat(readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f))));
}

/** `what (file)` for each trace found in a file of DATA_DIR. */
function tracesFound(dataDir: string, traces: { what: string; bytes: Buffer }[]): string[] {
  const files = readdirSync(dataDir).map((f) => ({ f, bytes: readFileSync(join(dataDir, f)) }));
  return traces.flatMap((t) =>
    files.filter(({ bytes }) => bytes.includes(t.bytes)).map(({ f }) => `${t.what} (${f})`),
  );
}

/** Waits for a condition the sweep (running in the background on the fake clock's wake-up) makes true. */
async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Retention: the sweep erases an ended escalation when its history time to live ends (issue 16, Operations)', function () {
  this.timeout(180_000);
  let ops: OpsProduct;
  let a: RaisedCase;
  let b: RaisedCase;
  /** Ciphertexts and plain texts of A's personal data, taken before the sweep. */
  const traces: { what: string; bytes: Buffer }[] = [];
  let entriesBefore: number;

  before(async () => {
    ops = await startOpsProduct({ retentionIntervalMs: 30 * DAY });
    a = await raiseLiverpool(ops, 'LCC/2026/80101', CHILD_A);
    // A professional's answer that names the child: it is in the engine's history (a process variable).
    await resolveAtStage1(ops, a, { concern: CONCERN_A });
    b = await raiseLiverpool(ops, 'LCC/2026/80202', CHILD_B);
    const db = ops.product.stores.db;
    const sealed = (sql: string, ...args: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .all(...args) as Buffer[];
    for (const s of sealed('SELECT sealed FROM subjects WHERE case_reference = ?', a.caseReference))
      traces.push({ what: "A's sealed details", bytes: s });
    for (const s of sealed(
      'SELECT p.sealed FROM record_payloads p JOIN record_entries e USING (seq) WHERE e.escalation_id = ?',
      a.escalationId,
    ))
      // prettier-ignore
      traces.push({ what: "a sealed payload of A's record", bytes: s });
    for (const s of sealed(
      'SELECT pdf FROM documents WHERE escalation_id = ? UNION ALL SELECT json FROM documents WHERE escalation_id = ?',
      a.escalationId,
      a.escalationId,
    ))
      // prettier-ignore
      traces.push({ what: "a sealed document of A's", bytes: s });
    for (const m of new OutboxStore(db).forEscalation(a.escalationId))
      traces.push({ what: `A's message ${m.template} (text)`, bytes: Buffer.from(m.text, 'utf8') });
    traces.push({ what: "a professional's answer about A (engine history)", bytes: Buffer.from(CONCERN_A, 'utf8') }); // prettier-ignore
    for (const text of [CHILD_A.name, CHILD_A.address])
      traces.push({ what: `A's ${text === CHILD_A.name ? 'name' : 'address'} in plain text`, bytes: Buffer.from(text, 'utf8') }); // prettier-ignore
    expect(
      traces.filter((t) => t.what.includes('sealed document')).length,
      'Appendix 1, PDF and JSON',
    ).to.equal(2);
    expect(traces.filter((t) => t.what.includes('message')).length).to.be.greaterThan(0);
    entriesBefore = ops.product.stores.record.forEscalation(a.escalationId).length;
    expect(dataDirBytes(ops.dataDir).includes(Buffer.from(CONCERN_A, 'utf8')), 'the answer is in the engine history').to.equal(true); // prettier-ignore

    // The time to live and a month on the fake clock: the sweep runs every 30 days.
    await ops.clock.advance((TTL_DAYS + 31) * DAY);
    await eventually('A erased', () => db.prepare('SELECT 1 FROM record_entries WHERE escalation_id = ? AND kind = ?').get(a.escalationId, ERASURE_KIND) !== undefined); // prettier-ignore
    await eventually('A gone from the engine history', async () => (await ops.product.engine.listHistoricProcessInstances({ processInstanceId: a.processInstanceId })).length === 0); // prettier-ignore
  });
  after(() => ops.stop());

  it("Given A ended and B still open, When A's time to live ends, Then A's child's details, documents and messages are erased and B's are untouched", () => {
    const { subjects, documents } = ops.product.stores;
    const outbox = new OutboxStore(ops.product.stores.db);
    expect(subjects.get('liverpool', a.caseReference)).to.equal(null);
    expect(documents.forEscalation(a.escalationId)).to.deep.equal([]);
    expect(outbox.forEscalation(a.escalationId)).to.deep.equal([]);
    expect(subjects.get('liverpool', b.caseReference)).to.deep.equal(CHILD_B);
    expect(outbox.forEscalation(b.escalationId).length).to.be.greaterThan(0);
  });

  it("Given the sweep, When it ran, Then the engine's history of A went with it, and B still runs", async () => {
    const { engine } = ops.product;
    expect(
      await engine.listHistoricProcessInstances({ processInstanceId: a.processInstanceId }),
    ).to.deep.equal([]);
    expect(await engine.countProcessInstances({ processInstanceIds: [b.processInstanceId] })).to.equal(1);
  });

  it('Given the erasure, When the record is read, Then every entry of A is kept without its details, with a tombstone naming what went', () => {
    const entries = ops.product.stores.record.forEscalation(a.escalationId);
    expect(entries).to.have.length(entriesBefore + 1);
    const tombstone = entries.at(-1)!;
    expect(tombstone.kind).to.equal(ERASURE_KIND);
    const erased = tombstone.payload as unknown as ErasurePayload;
    expect(erased.erasedPayloads).to.deep.equal(entries.slice(0, -1).map((e) => e.seq));
    expect(erased).to.include({ documents: 1, subject: 'erased', basis: 'engine removal time', historyTimeToLiveDays: TTL_DAYS }); // prettier-ignore
    expect(erased.messages).to.be.greaterThan(0);
    expect(entries.slice(0, -1).every((e) => e.payload === null)).to.equal(true);
    const audit = ops.product.stores.db
      .prepare(
        "SELECT actor, outcome FROM audit_entries WHERE action = 'retention.erase' AND escalation_id = ?",
      )
      .all(a.escalationId);
    expect(audit).to.deep.equal([{ actor: 'retention-sweep', outcome: 'erased-with-subject' }]);
  });

  it('Given the erasure, When `escalation records verify` runs beside the product, Then the chain is intact', async () => {
    const ran = await escalationCli(['records', 'verify'], { DATA_DIR: ops.dataDir });
    expect(ran.stderr).to.equal('');
    expect(ran.code).to.equal(0);
    expect(ran.stdout).to.match(/^Record verified: \d+ entries, the chain is intact\.\n$/);
  });

  it("Given the erasure, When DATA_DIR's files are searched byte by byte, Then neither A's name, address, sealed details, sealed payloads, sealed documents nor message texts are anywhere", () => {
    const bytes = dataDirBytes(ops.dataDir);
    // B's details are still there, sealed: the search would find a sealed value that is still held.
    const bSealed = ops.product.stores.db.prepare('SELECT sealed FROM subjects WHERE case_reference = ?').pluck().get(b.caseReference) as Buffer; // prettier-ignore
    expect(bytes.includes(bSealed), "B's sealed details are found").to.equal(true);
    expect(tracesFound(ops.dataDir, traces)).to.deep.equal([]);
  });
});

describe('escalation retention run: the sweep now, from the command line beside the running product (issue 16, Operations)', function () {
  this.timeout(180_000);
  let ops: OpsProduct;
  let a: RaisedCase;
  let b: RaisedCase;
  const cli = (args: string[]) => escalationCli(['retention', ...args], { DATA_DIR: ops.dataDir });

  before(async () => {
    // The command uses the real clock: this product's fake clock starts the time to live and ten
    // days before today, so A, resolved at once, reached the end of its time to live ten days ago.
    ops = await startOpsProduct({ clock: new FakeClock(Date.now() - (TTL_DAYS + 10) * DAY) });
    a = await raiseLiverpool(ops, 'LCC/2026/80303', CHILD_A);
    await resolveAtStage1(ops, a);
    b = await raiseLiverpool(ops, 'LCC/2026/80404', CHILD_B);
  });
  after(() => ops.stop());

  it('Given A past its time to live, When run with --dry-run, Then it lists A and erases nothing', async () => {
    const ran = await cli(['run', '--dry-run']);
    expect(ran.stderr).to.equal('');
    expect(ran.code).to.equal(0);
    expect(ran.stdout).to.match(/^Retention \(dry run: nothing erased\): would erase 1 escalation\(s\)/);
    expect(ran.stdout).to.include(`would erase ${a.escalationId} (liverpool; time to live ended `);
    expect(ran.stdout).not.to.include(b.escalationId);
    expect(ops.product.stores.subjects.get('liverpool', a.caseReference)).to.deep.equal(CHILD_A);
    expect(ops.product.stores.documents.forEscalation(a.escalationId)).to.have.length(1);
  });

  it("Given A past its time to live and B open, When run, Then A's details, document and messages are erased, audited as the CLI's, and B is untouched", async () => {
    const ran = await cli(['run']);
    expect(ran.stderr).to.equal('');
    expect(ran.code).to.equal(0);
    expect(ran.stdout).to.match(/^Retention: erased 1 escalation\(s\)/);
    expect(ran.stdout).to.match(new RegExp(`erased ${a.escalationId} \\(liverpool; .*engine removal time\\): \\d+ record details, 1 document\\(s\\), [1-9]\\d* message\\(s\\), \\d+ invite\\(s\\), the child's details`)); // prettier-ignore
    expect(ran.stdout).not.to.include(CHILD_A.name);
    const { subjects, documents, db } = ops.product.stores;
    expect(subjects.get('liverpool', a.caseReference)).to.equal(null);
    expect(documents.forEscalation(a.escalationId)).to.deep.equal([]);
    expect(new OutboxStore(db).forEscalation(a.escalationId)).to.deep.equal([]);
    expect(subjects.get('liverpool', b.caseReference)).to.deep.equal(CHILD_B);
    const audit = db.prepare("SELECT actor, source FROM audit_entries WHERE action = 'retention.erase'").all() as { actor: string; source: string }[]; // prettier-ignore
    expect(audit).to.have.length(1);
    expect(audit[0]!.actor).to.match(/^cli:/);
    expect(audit[0]!.source).to.equal('cli');
  });

  it('Given the erasure, When records verify runs and retention runs again, Then the chain is intact and nothing more is erased', async () => {
    const verify = await escalationCli(['records', 'verify'], { DATA_DIR: ops.dataDir });
    expect(verify.code, verify.stderr).to.equal(0);
    expect(verify.stdout).to.include('the chain is intact');
    const again = await cli(['run']);
    expect(again.code).to.equal(0);
    expect(again.stdout).to.match(/^Retention: erased 0 escalation\(s\)/);
  });

  it('Given no action or an unknown one, When run, Then it is refused with the usage (exit 2)', async () => {
    for (const args of [[], ['sweep'], ['run', 'now']]) {
      const ran = await cli(args);
      expect(ran.code, args.join(' ')).to.equal(2);
      expect(ran.stderr).to.include('give run');
    }
  });
});
