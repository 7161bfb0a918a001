/**
 * The plain facts of lessons entries (issue 16): written with the entry in its own transaction,
 * once however often the record worker's task is redelivered, only the known categories in East
 * Riding §6's order with the multi-agency answer, and backfilled from the sealed payload for entries
 * recorded before the table existed.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { openAppDatabase } from '../store/app-database.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { RecordStore, type NewRecordEntry } from './record-store.js';
import { backfillLessonFacts, lessonFactsOf } from './lesson-facts.js';

const key = randomBytes(32);
const lessons = (externalTaskId: string, payload: Record<string, unknown>): NewRecordEntry => ({
  externalTaskId,
  escalationId: 'esc-00000001',
  caseReference: 'CR-2026-00042',
  partnership: 'east-riding',
  processInstanceId: 'pi-1',
  stage: '4',
  elementId: 'Lessons_Record',
  kind: 'lessons',
  actorRole: null,
  actorAgency: null,
  outcome: null,
  correctsSeq: null,
  recordedAt: new Date('2026-11-03T10:00:00Z'),
  payload,
});

const facts = (db: Db) =>
  db.prepare('SELECT seq, categories, multi_agency AS multi FROM record_lessons ORDER BY seq').all();

describe('Lessons learned as plain facts beside the record (issue 16: East Riding §6, Liverpool Appendix 2)', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let store: RecordStore;
  beforeEach(() => {
    dir = tempDir('lesson-facts');
    db = openAppDatabase(join(dir.path, 'escalations.sqlite'));
    store = new RecordStore(db, key);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('Given a lessons payload, Then only the four known categories are kept, in East Riding §6’s order, with the multi-agency answer when given', () => {
    expect(
      lessonFactsOf({ lessons: ['partnership-guidance', 'cake', 'training'], multiAgencyLessons: true }),
    ).to.deep.equal({ categories: ['training', 'partnership-guidance'], multiAgency: true });
    expect(lessonFactsOf({ lessons: 'training' })).to.deep.equal({ categories: [], multiAgency: null });
    expect(lessonFactsOf(null)).to.deep.equal({ categories: [], multiAgency: null });
  });

  it('Given a lessons entry appended twice (a redelivered task), Then its facts are written once, with it', () => {
    const payload = { lessons: ['commissioning'], multiAgencyLessons: false, lessonsDetails: 'Free text' };
    const first = store.append(lessons('task-1', payload));
    store.append(lessons('task-1', payload));
    expect(facts(db)).to.deep.equal([{ seq: first.entry.seq, categories: '["commissioning"]', multi: 0 }]);
  });

  it('Given lessons entries recorded before the table existed, When backfilled with the key, Then each gets its facts from the sealed payload, once', () => {
    const a = store.append(lessons('task-a', { lessons: ['agency-guidance', 'training'] }));
    const b = store.append(lessons('task-b', { lessons: [], multiAgencyLessons: true }));
    db.prepare('DELETE FROM record_lessons').run();
    expect(backfillLessonFacts(db, store)).to.equal(2);
    expect(backfillLessonFacts(db, store)).to.equal(0);
    expect(facts(db)).to.deep.equal([
      { seq: a.entry.seq, categories: '["training","agency-guidance"]', multi: null },
      { seq: b.entry.seq, categories: '[]', multi: 1 },
    ]);
  });
});
