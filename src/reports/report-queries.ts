/**
 * The report's figures, each one SQL query over the working set of report-tables.ts. Durations are
 * in hours; their median and 90th percentile are taken in SQL by nearest rank (the value at
 * position ⌈p·n⌉ of the sorted durations: a time that at least that share of escalations took no
 * longer than).
 */
import type { Database as Db } from 'better-sqlite3';
import { STAGE_ENDS } from './report-tables.js';

export interface Keyed {
  key: string;
  n: number;
}
export interface Percentiles {
  key: string;
  count: number;
  median: number;
  p90: number;
}

const all = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

export const raisedCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM rc').get() as { n: number }).n;

export const byRaisingAgency = (db: Db) =>
  all<Keyed>(db, 'SELECT raised_by_agency AS key, count(*) AS n FROM rc GROUP BY 1');

export const byAgencyPair = (db: Db) =>
  all<{ raising: string; other: string; n: number }>(
    db,
    'SELECT raised_by_agency AS raising, other_agency AS other, count(*) AS n FROM rc GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2',
  );

export const byContext = (db: Db) =>
  all<Keyed>(db, 'SELECT disagreement_context AS key, count(*) AS n FROM rc GROUP BY 1');

/** How each escalation stood at the report's instant: the last ending entry's kind, or open. */
export const statusCounts = (db: Db) =>
  all<Keyed>(
    db,
    `SELECT COALESCE((SELECT kind FROM re WHERE re.escalation_id = rc.id
         AND re.kind IN ('resolution', 'closed-unresolved', 'withdrawn') ORDER BY re.seq DESC LIMIT 1), 'open') AS key,
       count(*) AS n FROM rc GROUP BY 1`,
  );

/** Escalations with any entry of each stage. */
export const reachedByStage = (db: Db) =>
  all<Keyed>(
    db,
    'SELECT stage AS key, count(DISTINCT escalation_id) AS n FROM re WHERE stage IS NOT NULL GROUP BY 1',
  );

/** Each escalation's furthest stage (in the procedure's order), counted per stage. */
export const furthestByStage = (db: Db) =>
  all<Keyed>(
    db,
    `SELECT rs.stage AS key, count(*) AS n
     FROM (SELECT max(rs.rank) AS rank FROM re JOIN rs ON rs.stage = re.stage GROUP BY re.escalation_id) f
     JOIN rs ON rs.rank = f.rank GROUP BY 1`,
  );

/**
 * Time at each stage: per escalation and stage, from the end of the stage before the stage's first
 * end (or the raise) to its last end (a stage of several steps, Liverpool's workers then line
 * managers or Northamptonshire's Stage 3 levels, counts once, whole).
 */
export function timeAtStage(db: Db): Percentiles[] {
  db.exec(`DELETE FROM rdur;
    INSERT INTO rdur (key, hours)
      SELECT s.stage, (julianday(s.ended_at) - julianday(COALESCE(
          (SELECT max(p.recorded_at) FROM rend p WHERE p.escalation_id = s.escalation_id AND p.seq < s.first_seq),
          rc.raised_at))) * 24.0
      FROM (SELECT escalation_id, stage, min(seq) AS first_seq, max(recorded_at) AS ended_at
            FROM rend GROUP BY escalation_id, stage) s
      JOIN rc ON rc.id = s.escalation_id;`);
  return percentiles(db);
}

/** Escalations ended by `kind`, each with the stage of the last stage end before it (null: none). */
function endingsTable(db: Db, kind: string): void {
  db.exec('DELETE FROM rdur');
  db.prepare(
    `INSERT INTO rdur (key, hours)
       SELECT COALESCE((SELECT e.stage FROM rend e WHERE e.escalation_id = x.escalation_id AND e.seq < x.seq
                 ORDER BY e.seq DESC LIMIT 1), ''),
              (julianday(x.recorded_at) - julianday(rc.raised_at)) * 24.0
       FROM (SELECT escalation_id, min(seq) AS seq, min(recorded_at) AS recorded_at FROM re WHERE kind = ?
             GROUP BY escalation_id) x
       JOIN rc ON rc.id = x.escalation_id`,
  ).run(kind);
}

/**
 * Resolved escalations by the stage that resolved them, with the time from raise to resolution, and
 * the same over every resolved escalation (`all`; undefined when none): one pass over the endings.
 */
export function resolutions(db: Db): { byStage: Percentiles[]; all: Percentiles | undefined } {
  endingsTable(db, 'resolution');
  const byStage = percentiles(db);
  db.exec("UPDATE rdur SET key = ''");
  return { byStage, all: percentiles(db)[0] };
}

/** Escalations ended by `kind` (closed-unresolved, withdrawn) per last stage recorded before it ('' none). */
export function endedByStage(db: Db, kind: 'closed-unresolved' | 'withdrawn'): Keyed[] {
  endingsTable(db, kind);
  return all<Keyed>(db, 'SELECT key, count(*) AS n FROM rdur GROUP BY key');
}

/** Median and p90 by nearest rank of `rdur` per key. */
function percentiles(db: Db): Percentiles[] {
  return all<Percentiles>(
    db,
    `SELECT key, n AS count,
       max(CASE WHEN rn = (n + 1) / 2 THEN hours END) AS median,
       max(CASE WHEN rn = (9 * n + 9) / 10 THEN hours END) AS p90
     FROM (SELECT key, hours, row_number() OVER (PARTITION BY key ORDER BY hours) AS rn,
             count(*) OVER (PARTITION BY key) AS n FROM rdur)
     GROUP BY key, n`,
  );
}

/** Deadlines met and breached per stage. */
export const deadlinesByStage = (db: Db) =>
  all<{ key: string; met: number; breached: number }>(
    db,
    'SELECT stage AS key, sum(1 - late) AS met, sum(late) AS breached FROM rend GROUP BY 1',
  );

/** Deadlines met and breached per agency, over the escalations each agency is a party to. */
export const deadlinesByAgency = (db: Db) =>
  all<{ key: string; met: number; breached: number }>(
    db,
    `SELECT p.agency AS key, sum(1 - e.late) AS met, sum(e.late) AS breached
     FROM rend e JOIN (SELECT id, raised_by_agency AS agency FROM rc
                       UNION SELECT id, other_agency FROM rc) p ON p.id = e.escalation_id
     GROUP BY 1`,
  );

/** Immediate-risk routings: all, escalations, and those made when raised (a `Raise_…` element). */
export const immediateRisk = (db: Db) =>
  db
    .prepare(
      `SELECT count(*) AS routings, count(DISTINCT escalation_id) AS escalations,
         coalesce(sum(grp = 'Raise'), 0) AS atRaise
       FROM re WHERE kind = 'immediate-risk-routed'`,
    )
    .get() as { routings: number; escalations: number; atRaise: number };

/** Entries of one kind (e.g. `referred-to-dissent-procedure`). */
export const kindCount = (db: Db, kind: string) =>
  (db.prepare('SELECT count(*) AS n FROM re WHERE kind = ?').get(kind) as { n: number }).n;

/** Lessons entries, and those with at least one category. */
export const lessonEntries = (db: Db) =>
  db
    .prepare(
      `SELECT count(*) AS entries, coalesce(sum(l.categories <> '[]'), 0) AS withLessons
       FROM re LEFT JOIN record_lessons l ON l.seq = re.seq WHERE re.kind = 'lessons'`,
    )
    .get() as { entries: number; withLessons: number };

/** Lessons per category and multi-agency flag (-1: not asked). */
export const lessonsByCategory = (db: Db) =>
  all<{ category: string; multi: number; n: number }>(
    db,
    `SELECT c.value AS category, coalesce(l.multi_agency, -1) AS multi, count(*) AS n
     FROM re JOIN record_lessons l ON l.seq = re.seq, json_each(l.categories) c
     WHERE re.kind = 'lessons' GROUP BY 1, 2`,
  );

/** Lessons entries per multi-agency flag (-1: not asked). */
export const lessonsByFlag = (db: Db) =>
  all<{ multi: number; n: number }>(
    db,
    `SELECT coalesce(l.multi_agency, -1) AS multi, count(*) AS n
     FROM re LEFT JOIN record_lessons l ON l.seq = re.seq WHERE re.kind = 'lessons' GROUP BY 1`,
  );

/** Escalations each agency raised in [from, to) (straight from the index). */
export const raisedByAgencyBetween = (db: Db, partnership: string, from: string, to: string) =>
  all<Keyed>(
    db,
    `SELECT raised_by_agency AS key, count(*) AS n FROM escalations
     WHERE partnership = ? AND raised_at >= ? AND raised_at < ? GROUP BY 1`,
    partnership,
    from,
    to,
  );

export { STAGE_ENDS };
