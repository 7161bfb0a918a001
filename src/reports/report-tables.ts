/**
 * The SQL working set of one partnership report, as temporary tables of the report's own
 * connection: the escalations raised in the period (`rc`, from the escalations index), their record
 * entries up to the report's instant (`re`, plain columns only, with each entry's diagram group),
 * the stages in order (`rs`), and the stage ends (`rend`) each marked met or breached. Every figure
 * is then one SQL query over these (report-queries.ts). Entries up to the end of the period count
 * (none is recorded after now, so a period still running reads all there is). Built and read inside one transaction, so
 * the whole report sees one snapshot while the workers go on writing.
 */
import type { Database as Db } from 'better-sqlite3';

export interface TableParams {
  partnership: string;
  /** RFC 3339 (UTC, as the index and record store instants). */
  from: string;
  to: string;
}

/** Kinds that end a stage. */
export const STAGE_ENDS = "('stage-outcome', 'stage-breached')";

const DROP = ['rc', 're', 'rs', 'rend', 'rdur'].map((t) => `DROP TABLE IF EXISTS temp.${t};`).join('\n');

/**
 * Creates the working set (dropping any left over) for `params`, with the stages in `known` order
 * followed by any other stage the record holds; returns that whole order.
 */
export function createReportTables(db: Db, params: TableParams, known: readonly string[]): string[] {
  db.exec(DROP);
  db.prepare(
    `CREATE TEMP TABLE rc AS
       SELECT id, raised_at, raised_by_agency, other_agency, disagreement_context FROM escalations
       WHERE partnership = @partnership AND raised_at >= @from AND raised_at < @to`,
  ).run(params);
  db.exec('CREATE UNIQUE INDEX temp.rc_id ON rc (id)');
  db.prepare(
    `CREATE TEMP TABLE re AS
       SELECT r.seq, r.escalation_id, r.stage, r.kind, r.element_id, r.recorded_at,
              substr(r.element_id, 1, instr(r.element_id || '_', '_') - 1) AS grp
       FROM rc JOIN record_entries r ON r.escalation_id = rc.id
       WHERE r.recorded_at < @to`,
  ).run({ to: params.to });
  db.exec('CREATE INDEX temp.re_escalation ON re (escalation_id, seq)');
  db.exec('CREATE INDEX temp.re_kind ON re (kind, escalation_id, seq)');
  const seen = db
    .prepare('SELECT stage FROM re WHERE stage IS NOT NULL GROUP BY stage ORDER BY min(seq)')
    .pluck()
    .all() as string[];
  const order = [...new Set([...known, ...seen])];
  db.exec('CREATE TEMP TABLE rs (stage TEXT PRIMARY KEY, rank INTEGER NOT NULL)');
  const rank = db.prepare('INSERT INTO rs (stage, rank) VALUES (?, ?)');
  order.forEach((stage, i) => rank.run(stage, i));
  createStageEnds(db);
  return order;
}

/**
 * `rend`: every stage end, `late` when the stage ended after its deadline: a deadline timer cut it
 * off (`stage-breached`), or its reminder date passed first (a `stage-reminder` entry of the same
 * group since that group's previous end: Wiltshire's and the safeguarding unit's stages, whose
 * procedures set no timescale, remind rather than cut off).
 */
function createStageEnds(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE rend AS
      SELECT e.seq, e.escalation_id, e.stage, e.grp, e.recorded_at,
        CASE WHEN e.kind = 'stage-breached' THEN 1
             WHEN EXISTS (
               SELECT 1 FROM re m WHERE m.kind = 'stage-reminder' AND m.escalation_id = e.escalation_id
                 AND m.grp = e.grp AND m.seq < e.seq
                 AND m.seq > COALESCE((SELECT max(p.seq) FROM re p WHERE p.escalation_id = e.escalation_id
                   AND p.grp = e.grp AND p.kind IN ${STAGE_ENDS} AND p.seq < e.seq), 0)
             ) THEN 1 ELSE 0 END AS late
      FROM re e WHERE e.kind IN ${STAGE_ENDS} AND e.stage IS NOT NULL;
    CREATE INDEX temp.rend_escalation ON rend (escalation_id, seq);
    CREATE TEMP TABLE rdur (key TEXT NOT NULL, hours REAL NOT NULL);
  `);
}

/** Drops the working set. */
export function dropReportTables(db: Db): void {
  db.exec(DROP);
}
