/**
 * The partnership report (issue 16): for a partnership and a period, computed in SQL from the
 * written record and the escalations index alone (no engine query), so it is the same with the
 * embedded engine and with ENGINE_URL on Camunda 7 / Operaton. The cohort is the escalations raised
 * in [from, to); their record is read as it stood at `asAt` (the end of the period, or now if that
 * is sooner), so a past period's report gives the same figures whenever it is run.
 */
import type { Database as Db } from 'better-sqlite3';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import { LESSON_CATEGORIES } from '../record/lesson-facts.js';
import { previousPeriods, type ReportPeriod } from './period.js';
import type { Durations, PartnershipReport } from './report-schema.js';
import { createReportTables, dropReportTables } from './report-tables.js';
import * as q from './report-queries.js';
import { stageLabel, stageOrderOf } from './stage-order.js';
import { CONFERENCE_CONTEXTS, CONTEXT_LABELS, LESSON_LABELS, lessonRoute } from './report-words.js';

export interface ReportRequest {
  db: Db;
  partnership: PartnershipEntry;
  period: ReportPeriod;
  /** The clock's now. */
  now: Date;
}

/** Computes the report (one read snapshot; temporary tables of the connection, dropped after). */
export async function partnershipReport(request: ReportRequest): Promise<PartnershipReport> {
  const known = await stageOrderOf(request.partnership);
  const { db, partnership, period } = request;
  const asAt = new Date(Math.min(period.to.getTime(), request.now.getTime()));
  const id = partnership.settings.id;
  const run = db.transaction(() => {
    try {
      const order = createReportTables(
        db,
        { partnership: id, from: iso(period.from), to: iso(period.to) },
        known,
      );
      return figures(db, request, order, asAt);
    } finally {
      dropReportTables(db);
    }
  });
  return run();
}

const iso = (d: Date) => d.toISOString();
const countOf = (rows: readonly q.Keyed[]) => new Map(rows.map((r) => [r.key, r.n]));

function figures(db: Db, request: ReportRequest, order: string[], asAt: Date): PartnershipReport {
  const { partnership, period } = request;
  const agencies = partnership.roles.agencies;
  const nameOf = (agency: string) => agencies.find((a) => a.id === agency)?.name ?? agency;
  const status = countOf(q.statusCounts(db));
  const raisedBy = countOf(q.byRaisingAgency(db));
  return {
    partnership: { id: partnership.settings.id, name: partnership.settings.name },
    period: { from: iso(period.from), to: iso(period.to) },
    asAt: iso(asAt),
    raised: q.raisedCount(db),
    status: {
      open: status.get('open') ?? 0,
      resolved: status.get('resolution') ?? 0,
      closedUnresolved: status.get('closed-unresolved') ?? 0,
      withdrawn: status.get('withdrawn') ?? 0,
    },
    byRaisingAgency: agencies.map((a) => ({ agency: a.id, name: a.name, count: raisedBy.get(a.id) ?? 0 })),
    byAgencyPair: q.byAgencyPair(db).map((p) => ({
      raisingAgency: p.raising,
      raisingAgencyName: nameOf(p.raising),
      otherAgency: p.other,
      otherAgencyName: nameOf(p.other),
      count: p.n,
    })),
    byContext: contexts(db, partnership),
    ...stageFigures(db, order),
    deadlines: deadlines(db, order, nameOf, agencies),
    immediateRisk: immediateRisk(db),
    conferences: conferences(db),
    withdrawals: endings(db, 'withdrawn', order, 'Before any stage ended'),
    lessons: lessons(db, partnership.settings.id),
    agenciesWithoutEscalations: withoutEscalations(db, request, raisedBy),
  };
}

function contexts(db: Db, partnership: PartnershipEntry): PartnershipReport['byContext'] {
  const counts = countOf(q.byContext(db));
  const handled = [...new Set(partnership.settings.diagrams.flatMap((d) => d.contexts))];
  return [...new Set([...handled, ...counts.keys()])].map((context) => ({
    context,
    label: CONTEXT_LABELS[context] ?? context,
    count: counts.get(context) ?? 0,
  }));
}

const durations = (p: q.Percentiles | undefined): Durations => ({
  count: p?.count ?? 0,
  medianHours: p ? round(p.median) : null,
  p90Hours: p ? round(p.p90) : null,
});
const round = (hours: number) => Math.round(hours * 100) / 100;

function stageFigures(db: Db, order: string[]) {
  const reached = countOf(q.reachedByStage(db));
  const furthest = countOf(q.furthestByStage(db));
  const times = new Map(q.timeAtStage(db).map((p) => [p.key, p]));
  const resolved = q.resolutions(db);
  const byResolved = new Map(resolved.byStage.map((p) => [p.key, p]));
  const stageRank = (s: string) => order.indexOf(s);
  return {
    stages: order.map((stage) => ({
      stage,
      label: stageLabel(stage),
      reached: reached.get(stage) ?? 0,
      furthest: furthest.get(stage) ?? 0,
      timeAtStage: durations(times.get(stage)),
    })),
    noStageRecorded: q.raisedCount(db) - [...furthest.values()].reduce((a, b) => a + b, 0),
    resolvedAtStage: [...byResolved.keys()]
      .filter((k) => k !== '')
      .sort((a, b) => stageRank(a) - stageRank(b))
      .map((stage) => ({
        stage,
        label: stageLabel(stage),
        count: byResolved.get(stage)!.count,
        timeToResolve: durations(byResolved.get(stage)),
      })),
    closedUnresolvedAtStage: endings(db, 'closed-unresolved', order, 'Before any stage ended').byStage,
    timeToResolve: durations(resolved.all),
  };
}

/** Escalations ended by `kind`, per the last stage recorded before (null: none), in stage order. */
function endings(db: Db, kind: 'closed-unresolved' | 'withdrawn', order: string[], none: string) {
  const rows = q.endedByStage(db, kind);
  const rank = (k: string) => (k === '' ? -1 : order.indexOf(k));
  const byStage = [...rows]
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map((r) => ({
      stage: r.key === '' ? null : r.key,
      label: r.key === '' ? none : stageLabel(r.key),
      count: r.n,
    }));
  return { total: rows.reduce((a, r) => a + r.n, 0), byStage };
}

function deadlines(
  db: Db,
  order: string[],
  nameOf: (agency: string) => string,
  agencies: readonly { id: string }[],
): PartnershipReport['deadlines'] {
  const stages = new Map(q.deadlinesByStage(db).map((r) => [r.key, r]));
  const byAgency = new Map(q.deadlinesByAgency(db).map((r) => [r.key, r]));
  const agencyIds = [...new Set([...agencies.map((a) => a.id), ...byAgency.keys()])];
  const byStage = order.map((stage) => ({
    stage,
    label: stageLabel(stage),
    met: stages.get(stage)?.met ?? 0,
    breached: stages.get(stage)?.breached ?? 0,
  }));
  return {
    met: byStage.reduce((a, s) => a + s.met, 0),
    breached: byStage.reduce((a, s) => a + s.breached, 0),
    byStage,
    byAgency: agencyIds.map((agency) => ({
      agency,
      name: nameOf(agency),
      met: byAgency.get(agency)?.met ?? 0,
      breached: byAgency.get(agency)?.breached ?? 0,
    })),
  };
}

function immediateRisk(db: Db): PartnershipReport['immediateRisk'] {
  const r = q.immediateRisk(db);
  return {
    routings: r.routings,
    escalations: r.escalations,
    atRaise: r.atRaise,
    later: r.routings - r.atRaise,
  };
}

function conferences(db: Db): PartnershipReport['conferences'] {
  const counts = countOf(q.byContext(db));
  const byContext = CONFERENCE_CONTEXTS.map((context) => ({
    context,
    label: CONTEXT_LABELS[context]!,
    count: counts.get(context) ?? 0,
  }));
  return {
    total: byContext.reduce((a, c) => a + c.count, 0),
    byContext,
    referredToDissentProcedure: q.kindCount(db, 'referred-to-dissent-procedure'),
  };
}

function lessons(db: Db, partnership: string): PartnershipReport['lessons'] {
  const { entries, withLessons } = q.lessonEntries(db);
  const flag = (multi: number) => (multi === -1 ? null : multi === 1);
  const byCategory = q.lessonsByCategory(db);
  const routes = new Map<string, { route: string; label: string; citation: string; count: number }>();
  for (const row of q.lessonsByFlag(db)) {
    const route = lessonRoute(partnership, flag(row.multi));
    const known = routes.get(route.route) ?? { ...route, count: 0 };
    routes.set(route.route, { ...known, count: known.count + row.n });
  }
  return {
    entries,
    withLessons,
    byCategory: LESSON_CATEGORIES.map((category) => {
      const rows = byCategory.filter((r) => r.category === category);
      const perRoute = new Map<string, number>();
      for (const r of rows) {
        const route = lessonRoute(partnership, flag(r.multi)).route;
        perRoute.set(route, (perRoute.get(route) ?? 0) + r.n);
      }
      return {
        category,
        label: LESSON_LABELS[category],
        count: rows.reduce((a, r) => a + r.n, 0),
        routes: [...perRoute].map(([route, count]) => ({ route, count })),
      };
    }),
    routes: [...routes.values()],
  };
}

function withoutEscalations(
  db: Db,
  request: ReportRequest,
  raisedBy: Map<string, number>,
): PartnershipReport['agenciesWithoutEscalations'] {
  const quiet = request.partnership.roles.agencies.filter((a) => !raisedBy.get(a.id));
  if (quiet.length === 0) return [];
  const before = previousPeriods(request.period).map((p) => ({
    from: iso(p.from),
    to: iso(p.to),
    counts: countOf(q.raisedByAgencyBetween(db, request.partnership.settings.id, iso(p.from), iso(p.to))),
  }));
  return quiet.map((a) => ({
    agency: a.id,
    name: a.name,
    previousPeriods: before.map((p) => ({ from: p.from, to: p.to, raised: p.counts.get(a.id) ?? 0 })),
  }));
}
