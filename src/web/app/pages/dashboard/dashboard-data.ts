/**
 * What the dashboard's top half shows, from `GET /partnerships/:id` and `GET /escalations`: the
 * user's partnerships (stages, agencies), the open escalations (up to 100, newest first), the
 * overdue ones, and how many are open at each stage. Tasks and "due soon" are worked out from the
 * open stages; counts by stage come from the open list when it is complete, otherwise one count
 * query per stage (`stage=…&pageSize=1`, reading `total`).
 */
import { listEscalations } from '../../api/escalations.js';
import { getPartnership } from '../../api/partnerships.js';
import type { EscalationSummary, OpenStage, Page, Partnership, User } from '../../api/types.js';

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
  const [partnerships, open, overdue] = await Promise.all([
    Promise.all(ids.map((id) => getPartnership(id, signal))),
    listEscalations({ status: 'open', pageSize: OPEN_SAMPLE }, signal),
    listEscalations({ status: 'open', overdue: 'true', pageSize: 20 }, signal),
  ]);
  return { partnerships, open, overdue, stageCounts: await countByStage(partnerships, open, signal) };
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

async function countByStage(
  partnerships: Partnership[],
  open: Page<EscalationSummary>,
  signal: AbortSignal,
): Promise<StageCount[]> {
  const stages = stagesOf(partnerships);
  if (open.total <= open.items.length) {
    return stages.map((s) => ({
      ...s,
      open: open.items.filter(
        (e) => e.partnership === s.partnership.id && e.currentStages.some((c) => c.elementId === s.elementId),
      ).length,
    }));
  }
  const counts: StageCount[] = [];
  // A few at a time: the dashboard must not flood the API of a partnership with many stages.
  for (let i = 0; i < stages.length; i += 4) {
    const batch = stages.slice(i, i + 4);
    const totals = await Promise.all(
      batch.map((s) =>
        listEscalations(
          { status: 'open', partnership: s.partnership.id, stage: s.elementId, pageSize: 1 },
          signal,
        ),
      ),
    );
    batch.forEach((s, j) => counts.push({ ...s, open: totals[j]!.total }));
  }
  return counts;
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
