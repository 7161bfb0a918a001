/**
 * What the dashboard's top half shows, from `GET /partnerships/:id` and `GET /escalations`: the
 * user's partnerships (stages, agencies), the open escalations (up to 100, newest first), the
 * overdue ones, and how many are open at each stage. Tasks and "due soon" are worked out from the
 * open stages; counts by stage from `GET /escalations/counts` (each the list's total with that
 * stage). The four kinds of request are independent, so all go at once: the page waits for the
 * slowest, not for their sum.
 */
import { countOpenStages, listEscalations } from '../../api/escalations.js';
import { getPartnership } from '../../api/partnerships.js';
import type { EscalationSummary, OpenStage, Page, Partnership, StageCounts, User } from '../../api/types.js';

/** Open escalations read for tasks and due-soon (the API's largest page). */
export const OPEN_SAMPLE = 100;
/** "Due soon": due within this long from now. */
export const DUE_SOON_MS = 2 * 24 * 60 * 60 * 1000;

export interface StageCount {
  partnership: Partnership;
  elementId: string;
  name: string;
  open: number;
}

export interface DashboardSummary {
  partnerships: Partnership[];
  open: Page<EscalationSummary>;
  overdue: Page<EscalationSummary>;
  stageCounts: StageCount[];
}

/** A stage of an escalation, with the escalation it belongs to. */
export interface StageRow {
  escalation: EscalationSummary;
  stage: OpenStage;
}

export async function loadSummary(user: User, signal: AbortSignal): Promise<DashboardSummary> {
  const ids = [...new Set(user.memberships.map((m) => m.partnership))];
  // The counts are asked for even when the open list will turn out complete (and could give them):
  // waiting for the list to know would put the counts after it instead of beside it.
  const [partnerships, open, overdue, counts] = await Promise.all([
    Promise.all(ids.map((id) => getPartnership(id, signal))),
    listEscalations({ status: 'open', pageSize: OPEN_SAMPLE }, signal),
    listEscalations({ status: 'open', overdue: 'true', pageSize: 20 }, signal),
    countOpenStages({ status: 'open' }, signal),
  ]);
  return { partnerships, open, overdue, stageCounts: stageCountsOf(partnerships, counts) };
}

/** Each stage of the user's partnerships' diagrams once, by partnership and element id. */
export function stagesOf(
  partnerships: Partnership[],
): { partnership: Partnership; elementId: string; name: string; candidateRoles: string[] }[] {
  return partnerships.flatMap((partnership) => {
    const seen = new Set<string>();
    return partnership.diagrams
      .flatMap((d) => d.stages)
      .filter((s) => !seen.has(s.elementId) && seen.add(s.elementId))
      .map((s) => ({ partnership, elementId: s.elementId, name: s.name, candidateRoles: s.candidateRoles }));
  });
}

/**
 * Every stage of the user's partnerships' diagrams with its count (0 when none is open there), in
 * the diagrams' order; then any stage open that no current diagram has (an escalation still
 * running on an older version), by its element id, so that nothing open goes uncounted.
 */
export function stageCountsOf(partnerships: Partnership[], counts: StageCounts): StageCount[] {
  const byStage = new Map(counts.items.map((c) => [`${c.partnership} ${c.stage}`, c.count]));
  const known = stagesOf(partnerships).map((s) => {
    const key = `${s.partnership.id} ${s.elementId}`;
    const open = byStage.get(key) ?? 0;
    byStage.delete(key);
    return { partnership: s.partnership, elementId: s.elementId, name: s.name, open };
  });
  const others = counts.items.flatMap((c) => {
    const partnership = partnerships.find((p) => p.id === c.partnership);
    if (!partnership || !byStage.has(`${c.partnership} ${c.stage}`)) return [];
    return [{ partnership, elementId: c.stage, name: c.stage, open: c.count }];
  });
  return [...known, ...others];
}

/** The open stages one of the user's roles completes, on a side the user is on. */
export function myTasks(user: User, summary: DashboardSummary): StageRow[] {
  const stages = new Map(
    stagesOf(summary.partnerships).map((s) => [`${s.partnership.id} ${s.elementId}`, s]),
  );
  return stageRows(summary.open.items).filter(({ escalation, stage }) => {
    const definition = stages.get(`${escalation.partnership} ${stage.elementId}`);
    const partnership = summary.partnerships.find((p) => p.id === escalation.partnership);
    if (!definition || !partnership) return false;
    return user.memberships
      .filter((m) => m.partnership === escalation.partnership)
      .some((m) =>
        m.roles.some((role) => {
          if (!definition.candidateRoles.includes(role)) return false;
          const scope = partnership.roles.find((r) => r.role === role)?.scope;
          return scope === 'partnership' || escalation.parties.some((p) => isMyParty(m, p));
        }),
      );
  });
}

function isMyParty(m: User['memberships'][number], p: EscalationSummary['parties'][number]): boolean {
  if (p.organisation) return m.organisation === p.organisation.id;
  return m.agency === p.agency.id;
}

/** Open stages due within {@link DUE_SOON_MS} of `now` and not yet overdue, soonest first. */
export function dueSoon(summary: DashboardSummary, now: number): StageRow[] {
  return stageRows(summary.open.items)
    .filter(({ stage }) => stage.due && !stage.overdue && Date.parse(stage.due) - now <= DUE_SOON_MS)
    .sort((a, b) => Date.parse(a.stage.due!) - Date.parse(b.stage.due!));
}

/** The overdue stages of the overdue escalations, longest overdue first. */
export function overdueRows(summary: DashboardSummary): StageRow[] {
  return stageRows(summary.overdue.items)
    .filter(({ stage }) => stage.overdue)
    .sort((a, b) => Date.parse(a.stage.due ?? '') - Date.parse(b.stage.due ?? ''));
}

export function stageRows(items: EscalationSummary[]): StageRow[] {
  return items.flatMap((escalation) => escalation.currentStages.map((stage) => ({ escalation, stage })));
}
