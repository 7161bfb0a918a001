/**
 * The index of escalations the API answers lists from, in the application database: one row per
 * escalation (written when it is raised through the API, or by the record worker when it records a
 * raise that came another way), the audience the procedure has told (written by the notify and form
 * workers), and the status derived from the record (resolved, closed unresolved, withdrawn, or open).
 */
import type { Database as Db } from 'better-sqlite3';
import type { AudienceEntry, EscalationAccess } from '../access/access-rule.js';
import type { SqlFilter } from '../access/visibility-sql.js';

export const STATUSES = ['open', 'resolved', 'closed-unresolved', 'withdrawn'] as const;
export type EscalationStatus = (typeof STATUSES)[number];

/** An escalation as the index holds it. */
export interface IndexedEscalation {
  id: string;
  partnership: string;
  caseReference: string;
  processInstanceId: string;
  definitionKey: string;
  disagreementContext: string;
  raisedAt: string;
  raisedBy: string | null;
  raisedByRole: string;
  raisedByAgency: string;
  raisedByOrganisation: string | null;
  otherAgency: string;
  otherOrganisation: string | null;
  status: EscalationStatus;
}

export type NewEscalation = Omit<IndexedEscalation, 'status'>;

interface Row {
  id: string;
  partnership: string;
  case_reference: string;
  process_instance_id: string;
  definition_key: string;
  disagreement_context: string;
  raised_at: string;
  raised_by: string | null;
  raised_by_role: string;
  raised_by_agency: string;
  raised_by_organisation: string | null;
  other_agency: string;
  other_organisation: string | null;
  status: EscalationStatus;
}

/** The record kinds that end an escalation, and the status each gives. */
const STATUS_SQL = `COALESCE((SELECT CASE r.kind WHEN 'resolution' THEN 'resolved' WHEN 'closed-unresolved' THEN 'closed-unresolved'
    WHEN 'withdrawn' THEN 'withdrawn' END FROM record_entries r WHERE r.escalation_id = e.id
    AND r.kind IN ('resolution', 'closed-unresolved', 'withdrawn') ORDER BY r.seq DESC LIMIT 1), 'open')`;

const toEscalation = (r: Row): IndexedEscalation => ({
  id: r.id,
  partnership: r.partnership,
  caseReference: r.case_reference,
  processInstanceId: r.process_instance_id,
  definitionKey: r.definition_key,
  disagreementContext: r.disagreement_context,
  raisedAt: r.raised_at,
  raisedBy: r.raised_by,
  raisedByRole: r.raised_by_role,
  raisedByAgency: r.raised_by_agency,
  raisedByOrganisation: r.raised_by_organisation,
  otherAgency: r.other_agency,
  otherOrganisation: r.other_organisation,
  status: r.status,
});

/** What a list may be filtered by (besides who may see). */
export interface ListFilter {
  partnership?: string | undefined;
  agency?: string | undefined;
  status?: EscalationStatus | undefined;
  raisedFrom?: Date | undefined;
  raisedTo?: Date | undefined;
  /** Only these ids (e.g. those with an overdue or a given stage's open task). */
  ids?: readonly string[] | undefined;
  /** Only the escalations of these process instances (e.g. those with an overdue or a given stage's open task). */
  processInstanceIds?: readonly string[] | undefined;
}

export class EscalationIndex {
  constructor(private readonly db: Db) {}

  /** Adds an escalation; one already indexed (by id) is left as it is. */
  add(e: NewEscalation): void {
    this.db
      .prepare(
        `INSERT INTO escalations (id, partnership, case_reference, process_instance_id, definition_key, disagreement_context,
           raised_at, raised_by, raised_by_role, raised_by_agency, raised_by_organisation, other_agency, other_organisation)
         VALUES (@id, @partnership, @caseReference, @processInstanceId, @definitionKey, @disagreementContext, @raisedAt,
           @raisedBy, @raisedByRole, @raisedByAgency, @raisedByOrganisation, @otherAgency, @otherOrganisation)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(e);
  }

  get(id: string): IndexedEscalation | undefined {
    const row = this.db
      .prepare(`SELECT e.*, ${STATUS_SQL} AS status FROM escalations e WHERE e.id = ?`)
      .get(id) as Row | undefined;
    return row && toEscalation(row);
  }

  /** The facts the access rule needs. */
  access(e: IndexedEscalation): EscalationAccess {
    return {
      partnership: e.partnership,
      raisedBy: e.raisedBy,
      raisedByParty: { agency: e.raisedByAgency, organisation: e.raisedByOrganisation },
      otherParty: { agency: e.otherAgency, organisation: e.otherOrganisation },
      audience: this.audience(e.id),
    };
  }

  audience(escalationId: string): AudienceEntry[] {
    return (
      this.db
        .prepare(
          'SELECT role, agency, organisation, documents FROM escalation_audience WHERE escalation_id = ?',
        )
        .all(escalationId) as { role: string; agency: string; organisation: string; documents: number }[]
    ).map((r) => ({ ...r, documents: r.documents === 1 }));
  }

  /** Records that the procedure told a role there (idempotent); `documents` once a document was sent. */
  addAudience(escalationId: string, entries: readonly AudienceEntry[]): void {
    const insert = this.db.prepare(
      `INSERT INTO escalation_audience (escalation_id, role, agency, organisation, documents) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (escalation_id, role, agency, organisation) DO UPDATE SET documents = MAX(documents, excluded.documents)`,
    );
    this.db.transaction(() => {
      for (const a of entries)
        insert.run(escalationId, a.role, a.agency, a.organisation, a.documents ? 1 : 0);
    })();
  }

  /** A page of the escalations `visible` lets through, newest raised first, and how many there are in all. */
  list(
    visible: SqlFilter,
    filter: ListFilter,
    page: { offset: number; limit: number },
  ): { items: IndexedEscalation[]; total: number } {
    const { clause, params } = whereOf(visible, filter);
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM escalations e WHERE ${clause}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT e.*, ${STATUS_SQL} AS status FROM escalations e WHERE ${clause} ORDER BY e.raised_at DESC, e.id LIMIT ? OFFSET ?`,
      )
      .all(...params, page.limit, page.offset) as Row[];
    return { items: rows.map(toEscalation), total };
  }

  /**
   * How many of the escalations `visible` and `filter` let through have each stage open, by
   * partnership and stage, given the open stages (process instance, stage's element id) the engine
   * holds: an escalation with several open stages counts once at each, and once at a stage however
   * many of its tasks are open there. So a stage's count is what {@link list} totals with
   * `processInstanceIds` those with that stage open. `total`: the escalations with any stage open.
   */
  countByOpenStage(
    visible: SqlFilter,
    filter: Omit<ListFilter, 'processInstanceIds'>,
    openStages: readonly OpenStage[],
  ): { items: StageCount[]; total: number } {
    const { clause, params } = whereOf(visible, filter);
    // Who may see what first (the list's own WHERE, which the access rule's indexes make fast), then
    // the open stages joined to those alone: { stage: [process instance ids] }, each id once a stage
    // (the engine may hold several tasks of one stage for an instance).
    const byStage = new Map<string, Set<string>>();
    for (const { processInstanceId, stage } of openStages) {
      const ids = byStage.get(stage) ?? byStage.set(stage, new Set()).get(stage)!;
      ids.add(processInstanceId);
    }
    const stages = JSON.stringify(Object.fromEntries([...byStage].map(([stage, ids]) => [stage, [...ids]])));
    const rows = this.db
      .prepare(
        `WITH v AS MATERIALIZED (SELECT e.id, e.partnership, e.process_instance_id FROM escalations e WHERE ${clause}),
           j AS MATERIALIZED (SELECT v.id, v.partnership, o.key AS stage
             FROM json_each(?) o CROSS JOIN json_each(o.value) p CROSS JOIN v ON v.process_instance_id = p.value)
         SELECT partnership, stage, count(*) AS count, (SELECT count(DISTINCT id) FROM j) AS total FROM j
         GROUP BY partnership, stage ORDER BY partnership, stage`,
      )
      .all(...params, stages) as (StageCount & { total: number })[];
    const items = rows.map(({ partnership, stage, count }) => ({ partnership, stage, count }));
    const total = rows[0]?.total ?? 0;
    return { items, total };
  }
}

/** A stage open in an escalation's process instance (one of its user tasks' definition key). */
export interface OpenStage {
  processInstanceId: string;
  stage: string;
}

/** How many escalations of a partnership have a stage open. */
export interface StageCount {
  partnership: string;
  stage: string;
  count: number;
}

/** The WHERE clause on `escalations e` of a list's visibility and filters, and its parameters. */
function whereOf(visible: SqlFilter, filter: ListFilter): { clause: string; params: (string | number)[] } {
  const where = [visible.where];
  const params: (string | number)[] = [...visible.params];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.partnership) add('e.partnership = ?', filter.partnership);
  if (filter.agency) add('(e.raised_by_agency = ? OR e.other_agency = ?)', filter.agency, filter.agency);
  if (filter.raisedFrom) add('e.raised_at >= ?', filter.raisedFrom.toISOString());
  if (filter.raisedTo) add('e.raised_at < ?', filter.raisedTo.toISOString());
  if (filter.ids) add('e.id IN (SELECT value FROM json_each(?))', JSON.stringify(filter.ids));
  if (filter.processInstanceIds)
    add(
      'e.process_instance_id IN (SELECT value FROM json_each(?))',
      JSON.stringify(filter.processInstanceIds),
    );
  if (filter.status) add(`${STATUS_SQL} = ?`, filter.status);
  return { clause: where.join(' AND '), params };
}
