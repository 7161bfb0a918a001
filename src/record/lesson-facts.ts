/**
 * The plain facts of a `lessons` record entry: which categories of lessons were learned (East
 * Riding §6: training needs, commissioning needs, new agency practice guidance, new partnership
 * practice guidance; the same list on Liverpool's Appendix 2 and Northamptonshire's Stage 4 form)
 * and East Riding's "lessons on a multi-agency level". The entry's payload is sealed (its details
 * are free text that may name people); these facts are not personal, so they sit in the plain
 * table `record_lessons` beside the entry and the partnership report counts them in SQL.
 *
 * `RecordStore.append` writes them in the entry's own transaction. Entries written before the
 * table existed get theirs from their sealed payload ({@link backfillLessonFacts}, run with the
 * key when the application stores open).
 */
import type { Database as Db } from 'better-sqlite3';
import type { RecordStore } from './record-store.js';

/** The categories of lessons, in the order East Riding §6 lists them. */
export const LESSON_CATEGORIES = [
  'training',
  'commissioning',
  'agency-guidance',
  'partnership-guidance',
] as const;
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

/** What a lessons entry says in plain facts. */
export interface LessonFacts {
  categories: LessonCategory[];
  /** East Riding §6: whether the agencies think there are lessons on a multi-agency level; null when not asked. */
  multiAgency: boolean | null;
}

/** The facts of a lessons payload: known categories only (in the canonical order), the flag when given. */
export function lessonFactsOf(payload: Record<string, unknown> | null): LessonFacts {
  const given = Array.isArray(payload?.lessons) ? (payload.lessons as unknown[]) : [];
  const flag = payload?.multiAgencyLessons;
  return {
    categories: LESSON_CATEGORIES.filter((c) => given.includes(c)),
    multiAgency: typeof flag === 'boolean' ? flag : null,
  };
}

/** Stores the facts of lessons entry `seq` (idempotent: an entry's facts are written once). */
export function writeLessonFacts(db: Db, seq: number, payload: Record<string, unknown> | null): void {
  const facts = lessonFactsOf(payload);
  db.prepare('INSERT OR IGNORE INTO record_lessons (seq, categories, multi_agency) VALUES (?, ?, ?)').run(
    seq,
    JSON.stringify(facts.categories),
    facts.multiAgency === null ? null : facts.multiAgency ? 1 : 0,
  );
}

/**
 * Writes the facts of every lessons entry that has none yet, from its sealed payload; returns how
 * many. An entry whose payload retention erased, or that no longer unseals, gets none (the report
 * counts it as a lessons entry without categories).
 */
export function backfillLessonFacts(db: Db, record: RecordStore): number {
  const missing = db
    .prepare(
      `SELECT e.seq FROM record_entries e LEFT JOIN record_lessons l ON l.seq = e.seq
       WHERE e.kind = 'lessons' AND l.seq IS NULL ORDER BY e.seq`,
    )
    .pluck()
    .all() as number[];
  let written = 0;
  for (const seq of missing) {
    let entry;
    try {
      entry = record.get(seq);
    } catch {
      continue; // A payload that no longer unseals: `records verify` names it; no facts are made up.
    }
    if (!entry || entry.payloadErased) continue;
    writeLessonFacts(db, seq, entry.payload);
    written += 1;
  }
  return written;
}
