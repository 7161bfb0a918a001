import { expect } from 'chai';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openAppDatabase } from '../store/app-database.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { RecordStore, type NewRecordEntry } from './record-store.js';
import { erasePayloads, ERASURE_KIND } from './erasure.js';

const key = randomBytes(32);
const entry = (over: Partial<NewRecordEntry> = {}): NewRecordEntry => ({
  externalTaskId: `task-${Math.random()}`,
  escalationId: 'esc-00000001',
  caseReference: 'CR-2026-00042',
  partnership: 'liverpool',
  processInstanceId: 'pi-1',
  stage: '1',
  elementId: 'Stage1_LogOutcome',
  kind: 'stage-outcome',
  actorRole: 'line-manager',
  actorAgency: 'school',
  outcome: 'unresolved',
  correctsSeq: null,
  recordedAt: new Date('2026-11-03T10:00:00Z'),
  payload: { unresolvedReason: 'Threshold still disputed' },
  ...over,
});

describe('The record: append-only and hash-chained (issue 13)', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  let store: RecordStore;
  let db: Database.Database;
  beforeEach(() => {
    dir = tempDir('record');
    file = join(dir.path, 'escalations.sqlite');
    db = openAppDatabase(file);
    store = new RecordStore(db, key);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('Given three entries, When the chain is verified, Then it counts them and each links to the one before', () => {
    const a = store.append(entry()).entry;
    const b = store.append(entry({ kind: 'stage-breached', outcome: 'breached' })).entry;
    store.append(entry({ kind: 'resolution', outcome: 'resolved' }));
    expect(b.prevHash).to.equal(a.hash);
    expect(store.verify()).to.deep.equal({ ok: true, count: 3 });
  });

  it('Given a redelivered task, When it appends again, Then the first entry is returned and nothing is added', () => {
    const first = store.append(entry({ externalTaskId: 'ext-1' }));
    const again = store.append(entry({ externalTaskId: 'ext-1', outcome: 'resolved' }));
    expect(first.created).to.equal(true);
    expect(again.created).to.equal(false);
    expect(again.entry.seq).to.equal(first.entry.seq);
    expect(again.entry.outcome).to.equal('unresolved');
    expect(store.forEscalation('esc-00000001')).to.have.length(1);
  });

  it('Given an entry, When SQL tries to update or delete it, Then the trigger refuses both', () => {
    store.append(entry());
    expect(() => db.prepare(`UPDATE record_entries SET outcome = 'resolved'`).run()).to.throw(/append-only/);
    expect(() => db.prepare('DELETE FROM record_entries').run()).to.throw(/append-only/);
  });

  it('Given a row changed outside the trigger, When verified, Then the first broken entry is named', () => {
    for (let i = 0; i < 4; i++) store.append(entry());
    db.exec('DROP TRIGGER record_entries_append_only_update');
    db.prepare(`UPDATE record_entries SET outcome = 'resolved' WHERE seq = 3`).run();
    expect(store.verify()).to.deep.equal({
      ok: false,
      count: 3,
      brokenAt: 3,
      reason: 'its contents do not match its hash',
    });
  });

  it('Given a payload swapped for another entry’s, When verified, Then that entry is named', () => {
    store.append(entry({ payload: { a: 1 } }));
    store.append(entry({ payload: { b: 2 } }));
    const second = db.prepare('SELECT sealed FROM record_payloads WHERE seq = 2').get() as { sealed: Buffer };
    db.prepare('UPDATE record_payloads SET sealed = ? WHERE seq = 1').run(second.sealed);
    const status = store.verify();
    expect(status.ok).to.equal(false);
    expect(status).to.include({ brokenAt: 1 });
  });

  it("Given a payload with a person's words, When stored, Then the database file holds no plaintext of it", () => {
    store.append(entry({ payload: { agreedOutcome: 'Mrs Example agreed to a visit' } }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT sealed FROM record_payloads').all() as { sealed: Buffer }[];
    raw.close();
    expect(rows[0]!.sealed.toString('latin1')).not.to.include('Mrs Example');
    expect(store.forEscalation('esc-00000001')[0]!.payload).to.deep.equal({
      agreedOutcome: 'Mrs Example agreed to a visit',
    });
  });

  it('Given retention erased a payload with an erasure entry naming it, When verified, Then the chain still verifies and the entry says so', () => {
    store.append(entry({ payload: { agreedOutcome: 'x' } }));
    db.transaction(() => {
      const erasedPayloads = erasePayloads(db, 'esc-00000001');
      store.append(entry({ externalTaskId: null, kind: ERASURE_KIND, payload: { erasedPayloads } }));
    })();
    expect(store.verify()).to.deep.equal({ ok: true, count: 2 });
    expect(store.get(1)).to.include({ payload: null, payloadErased: true });
    expect(store.checkedForEscalation('esc-00000001').map((c) => c.problem)).to.deep.equal([null, null]);
  });

  it('Given a payload deleted without an erasure entry (or one naming another escalation), When verified, Then that entry is named', () => {
    store.append(entry({ payload: { agreedOutcome: 'x' } }));
    db.prepare('DELETE FROM record_payloads WHERE seq = 1').run();
    const missing = 'its payload is missing and no erasure entry after it names it';
    expect(store.verify()).to.deep.equal({ ok: false, count: 1, brokenAt: 1, reason: missing });
    store.append(entry({ escalationId: 'esc-2', externalTaskId: null, kind: ERASURE_KIND, payload: { erasedPayloads: [1] } })); // prettier-ignore
    expect(store.verify()).to.deep.equal({ ok: false, count: 1, brokenAt: 1, reason: missing });
    expect(store.checkedForEscalation('esc-00000001')[0]!.problem).to.equal(missing);
  });

  it('Given a wrong entry, When a correction is appended, Then it points at the old one and both stay', () => {
    const wrong = store.append(entry({ outcome: 'resolved' })).entry;
    const fix = store.append(
      entry({ externalTaskId: null, kind: 'correction', correctsSeq: wrong.seq, outcome: 'unresolved' }),
    );
    expect(fix.entry.correctsSeq).to.equal(wrong.seq);
    expect(store.forEscalation('esc-00000001').map((e) => e.kind)).to.deep.equal([
      'stage-outcome',
      'correction',
    ]);
    expect(store.verify().ok).to.equal(true);
  });
});
