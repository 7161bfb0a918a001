/**
 * What a chair's view shows, from the API alone: for each partnership where the user is the
 * partnership's own staff holding a chair's role (East Riding's conference chair, the Safeguarding
 * Unit's, the ERSCP Chair…), the diagrams' stages that role records, read from
 * `GET /partnerships/:id`, and the open escalations at each from `GET /escalations?stage=…`
 * (a partnership-scope role sees every escalation of its partnership; the list is the access rule).
 *
 * - An **adjournment** is a stage of the user's whose deadline is counted in hours of elapsed time:
 *   East Riding's adjourned conference, "adjourned for a maximum of 72 hours" (ERSCP, Resolving
 *   Inter-Agency Disagreements, §5), whose deadline (`adjournmentDue`) has a calendar invite.
 * - **Arbitration** is a stage that arbitrates ("If there is still no resolution, the ERSCP should be
 *   asked to arbitrate", §5): shown to its own chair, and to the chairs whose adjournments lead to it.
 * - Any other stage the user's chair role records is listed as one of their steps.
 */
import { listEscalations } from '../../api/escalations.js';
import { getPartnership } from '../../api/partnerships.js';
import type {
  EscalationSummary,
  Membership,
  OpenStage,
  Partnership,
  PartnershipSummary,
  StageDefinition,
  User,
} from '../../api/types.js';

export type ChairStageKind = 'adjournment' | 'arbitration' | 'step';

export interface ChairStage {
  partnership: Partnership;
  stage: StageDefinition;
  kind: ChairStageKind;
}

/** One escalation open at one of the chair's stages. */
export interface ChairRow {
  escalation: EscalationSummary;
  chairStage: ChairStage;
  open: OpenStage;
}

export interface ChairView {
  stages: ChairStage[];
  rows: ChairRow[];
  /** Some stage had more than the 100 open escalations read. */
  partial: boolean;
}

const PAGE = 100;

/** The user's memberships as the partnership's own staff with a chair's role. */
export function chairMemberships(user: User): Membership[] {
  return user.memberships.filter((m) => m.agency === null && m.roles.some((r) => /chair/.test(r)));
}

/** A deadline in hours of elapsed time (not working days): an adjournment's. */
export function isAdjournment(stage: StageDefinition): boolean {
  return /\bhours?\b/i.test(stage.timescale ?? '');
}

export function isArbitration(stage: StageDefinition): boolean {
  return /arbitrat/i.test(`${stage.elementId} ${stage.name}`);
}

/** The chair's stages in a partnership, by the roles they hold there. */
export function chairStages(membership: Membership, partnership: Partnership): ChairStage[] {
  const mine = (s: StageDefinition) => s.candidateRoles.some((r) => membership.roles.includes(r));
  const out: ChairStage[] = [];
  const seen = new Set<string>();
  for (const diagram of partnership.diagrams) {
    const adjourns = diagram.stages.some((s) => mine(s) && isAdjournment(s));
    for (const stage of diagram.stages) {
      const kind: ChairStageKind | null =
        mine(stage) && isAdjournment(stage)
          ? 'adjournment'
          : isArbitration(stage) && (mine(stage) || adjourns)
            ? 'arbitration'
            : mine(stage)
              ? 'step'
              : null;
      // The list filters by elementId across the partnership's diagrams: one query per elementId.
      if (kind && !seen.has(stage.elementId)) {
        seen.add(stage.elementId);
        out.push({ partnership, stage, kind });
      }
    }
  }
  return out;
}

/** Rows sorted soonest deadline first (none last), then by case reference. */
export function sortRows(rows: ChairRow[]): ChairRow[] {
  const due = (r: ChairRow) => (r.open.due ? Date.parse(r.open.due) : Number.POSITIVE_INFINITY);
  return [...rows].sort(
    (a, b) => due(a) - due(b) || a.escalation.caseReference.localeCompare(b.escalation.caseReference),
  );
}

export async function loadChairView(
  user: User,
  partnerships: PartnershipSummary[],
  signal: AbortSignal,
): Promise<ChairView> {
  const memberships = chairMemberships(user).filter((m) => partnerships.some((p) => p.id === m.partnership));
  const details = await Promise.all(memberships.map((m) => getPartnership(m.partnership, signal)));
  const stages = memberships.flatMap((m, i) => chairStages(m, details[i]!));
  const pages = await Promise.all(
    stages.map((s) =>
      listEscalations(
        { partnership: s.partnership.id, stage: s.stage.elementId, status: 'open', pageSize: PAGE },
        signal,
      ),
    ),
  );
  const rows = stages.flatMap((chairStage, i) =>
    pages[i]!.items.flatMap((escalation) =>
      escalation.currentStages
        .filter((open) => open.elementId === chairStage.stage.elementId)
        .map((open) => ({ escalation, chairStage, open })),
    ),
  );
  return { stages, rows: sortRows(rows), partial: pages.some((p) => p.total > p.items.length) };
}
