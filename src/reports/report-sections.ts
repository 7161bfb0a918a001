/**
 * The report as tables, for the exported files (CSV and PDF): each section has a title, the
 * paragraphs of the procedures that ask for it, its columns, and rows of cells. A cell knows what
 * it holds, so suppression is applied in one place ({@link cellText}): a count of 1 to 4 becomes
 * "<5", and a median or 90th percentile over 1 to 4 escalations is withheld (it would describe
 * those few cases), as UK official statistics do for children's data. The JSON and the in-app view
 * show exact counts.
 */
import type { Durations, PartnershipReport } from './report-schema.js';
import { periodText } from './period.js';

/** A count; hours with the number of durations they summarise; or words. */
export type Cell = { count: number } | { hours: number | null; basis: number } | { text: string };

export interface ReportRow {
  /** A stable key for machines (a stage, an agency id, …). */
  key: string;
  label: string;
  cells: Cell[];
}

export interface ReportSection {
  id: string;
  title: string;
  /** The procedures' paragraphs that ask for this figure. */
  cites: string;
  columns: string[];
  rows: ReportRow[];
  /** The chart drawn with it (report-charts.ts), if any. */
  chart?: string;
}

export const SUPPRESSED = '<5';
export const WITHHELD = 'withheld (fewer than 5)';

/** Whether a count is small enough to suppress in an exported file. */
export const isSmall = (n: number) => n >= 1 && n <= 4;

/** A cell as text: exact, or with small-number suppression (`suppress`). */
export function cellText(cell: Cell, suppress: boolean): string {
  if ('count' in cell) return suppress && isSmall(cell.count) ? SUPPRESSED : String(cell.count);
  if ('text' in cell) return cell.text;
  if (cell.hours === null) return '';
  if (suppress && isSmall(cell.basis)) return WITHHELD;
  return formatHours(cell.hours);
}

/** Hours as people read them: "5.5 hours" under two days, else "3.2 days (76.0 hours)". */
export function formatHours(hours: number): string {
  return hours < 48
    ? `${hours.toFixed(1)} hours`
    : `${(hours / 24).toFixed(1)} days (${hours.toFixed(1)} hours)`;
}

const c = (count: number): Cell => ({ count });
const median = (d: Durations): Cell => ({ hours: d.medianHours, basis: d.count });
const p90 = (d: Durations): Cell => ({ hours: d.p90Hours, basis: d.count });

const WILTSHIRE_26 = 'Wiltshire §2.6 (pattern of conflicts, themes, lack of escalations)';
const EAST_RIDING_4 = 'East Riding §3 and §4 (stages and timescales)';

/** Every section of the report, in the order the PDF prints them. */
export function reportSections(r: PartnershipReport): ReportSection[] {
  return [
    {
      id: 'summary',
      title: 'Escalations raised and where they stand',
      cites: `${WILTSHIRE_26}; Wiltshire §4.1 (conflicts raised and resolved)`,
      columns: ['Count'],
      rows: [
        { key: 'raised', label: 'Raised in the period', cells: [c(r.raised)] },
        { key: 'open', label: 'Still open', cells: [c(r.status.open)] },
        { key: 'resolved', label: 'Resolved', cells: [c(r.status.resolved)] },
        { key: 'closed-unresolved', label: 'Closed unresolved', cells: [c(r.status.closedUnresolved)] },
        { key: 'withdrawn', label: 'Withdrawn', cells: [c(r.status.withdrawn)] },
      ],
    },
    {
      id: 'raising-agencies',
      title: 'Raised by each agency',
      cites: `${WILTSHIRE_26}`,
      columns: ['Raised'],
      rows: r.byRaisingAgency.map((a) => ({ key: a.agency, label: a.name, cells: [c(a.count)] })),
      chart: 'agencies',
    },
    {
      id: 'agency-pairs',
      title: 'Raising agency and other agency',
      cites: `${WILTSHIRE_26}; Liverpool Appendix 1 (agency summary logs)`,
      columns: ['Raised'],
      rows: r.byAgencyPair.map((p) => ({
        key: `${p.raisingAgency}>${p.otherAgency}`,
        label: `${p.raisingAgencyName} to ${p.otherAgencyName}`,
        cells: [c(p.count)],
      })),
      chart: 'agency-pairs',
    },
    {
      id: 'contexts',
      title: 'Disagreement context (theme)',
      cites: `${WILTSHIRE_26}; East Riding §1 (where disagreements arise)`,
      columns: ['Raised'],
      rows: r.byContext.map((x) => ({ key: x.context, label: x.label, cells: [c(x.count)] })),
      chart: 'contexts',
    },
    ...stageSections(r),
    ...otherSections(r),
  ];
}

function stageSections(r: PartnershipReport): ReportSection[] {
  return [
    {
      id: 'stages',
      title: 'Stages reached and time at each stage',
      cites: `${EAST_RIDING_4}; Liverpool Appendix 2 (Stages 3 and 4); Northamptonshire Stages 1 to 5`,
      columns: ['Reached', 'Furthest stage', 'Time at stage: median', 'Time at stage: 90th percentile'],
      rows: [
        ...r.stages.map((s) => ({
          key: s.stage,
          label: s.label,
          cells: [c(s.reached), c(s.furthest), median(s.timeAtStage), p90(s.timeAtStage)],
        })),
        {
          key: '',
          label: 'No stage recorded yet',
          cells: [{ text: '' }, c(r.noStageRecorded), { text: '' }, { text: '' }],
        },
      ],
      chart: 'stages',
    },
    {
      id: 'resolved-at-stage',
      title: 'Resolved at each stage, and time to resolve',
      cites: 'Liverpool Appendix 2 ("Disagreement resolved at"); Wiltshire §4.1',
      columns: ['Resolved', 'Time to resolve: median', 'Time to resolve: 90th percentile'],
      rows: [
        ...r.resolvedAtStage.map((s) => ({
          key: s.stage,
          label: s.label,
          cells: [c(s.count), median(s.timeToResolve), p90(s.timeToResolve)],
        })),
        {
          key: 'all',
          label: 'All resolved',
          cells: [c(r.timeToResolve.count), median(r.timeToResolve), p90(r.timeToResolve)],
        },
      ],
    },
    {
      id: 'closed-unresolved',
      title: 'Closed unresolved, by the last stage recorded',
      cites: 'Wiltshire §3.1(b) (formally logged with the QA&P Sub Group)',
      columns: ['Closed unresolved'],
      rows: r.closedUnresolvedAtStage.map((s) => ({
        key: s.stage ?? '',
        label: s.label,
        cells: [c(s.count)],
      })),
    },
    {
      id: 'deadlines-stage',
      title: 'Deadlines met and breached, by stage',
      cites: `${EAST_RIDING_4}; Liverpool Process and Timescales; Northamptonshire Stages 1 to 5`,
      columns: ['Met', 'Breached'],
      rows: r.deadlines.byStage.map((s) => ({
        key: s.stage,
        label: s.label,
        cells: [c(s.met), c(s.breached)],
      })),
      chart: 'deadlines',
    },
    {
      id: 'deadlines-agency',
      title: 'Deadlines met and breached, by agency (escalations it is a party to)',
      cites: EAST_RIDING_4,
      columns: ['Met', 'Breached'],
      rows: r.deadlines.byAgency.map((a) => ({
        key: a.agency,
        label: a.name,
        cells: [c(a.met), c(a.breached)],
      })),
    },
  ];
}

function otherSections(r: PartnershipReport): ReportSection[] {
  return [
    {
      id: 'immediate-risk',
      title: 'Immediate risk: taken into child protection procedures',
      cites: 'Liverpool p.3 (same working day); East Riding §1 and §5; Safeguarding unit 1.5',
      columns: ['Count'],
      rows: [
        { key: 'routings', label: 'Routings', cells: [c(r.immediateRisk.routings)] },
        { key: 'escalations', label: 'Escalations', cells: [c(r.immediateRisk.escalations)] },
        { key: 'at-raise', label: 'When raised', cells: [c(r.immediateRisk.atRaise)] },
        { key: 'later', label: 'At a later stage', cells: [c(r.immediateRisk.later)] },
      ],
    },
    {
      id: 'conferences',
      title: 'Conference-related disagreements',
      cites: 'Wiltshire §2.7 and "Please note" (Dissent Procedure); East Riding §5',
      columns: ['Count'],
      rows: [
        ...r.conferences.byContext.map((x) => ({ key: x.context, label: x.label, cells: [c(x.count)] })),
        { key: 'total', label: 'All conference-related', cells: [c(r.conferences.total)] },
        {
          key: 'dissent-procedure',
          label: 'Sent to the Dissent Procedure',
          cells: [c(r.conferences.referredToDissentProcedure)],
        },
      ],
    },
    {
      id: 'withdrawals',
      title: 'Withdrawals, by the last stage recorded',
      cites: 'The written record of every stage (East Riding §2; Liverpool RECORD)',
      columns: ['Withdrawn'],
      rows: [
        ...r.withdrawals.byStage.map((s) => ({ key: s.stage ?? '', label: s.label, cells: [c(s.count)] })),
        { key: 'total', label: 'All withdrawals', cells: [c(r.withdrawals.total)] },
      ],
    },
    {
      id: 'lessons',
      title: 'Lessons learned, by category',
      cites: 'East Riding §6; Liverpool Appendix 2; Northamptonshire Stage 4',
      columns: ['Count'],
      rows: [
        { key: 'entries', label: 'Lessons considered', cells: [c(r.lessons.entries)] },
        { key: 'with-lessons', label: 'With lessons learned', cells: [c(r.lessons.withLessons)] },
        ...r.lessons.byCategory.map((l) => ({ key: l.category, label: l.label, cells: [c(l.count)] })),
      ],
      chart: 'lessons',
    },
    {
      id: 'lesson-routes',
      title: 'Where the lessons went',
      cites: 'East Riding §6; Liverpool Appendix 2; Northamptonshire Stage 4',
      columns: ['Procedure', 'Count'],
      rows: r.lessons.routes.map((x) => ({
        key: x.route,
        label: x.label,
        cells: [{ text: x.citation }, c(x.count)],
      })),
    },
    {
      id: 'without-escalations',
      title: 'Agencies that raised no escalations in the period',
      cites: 'Wiltshire §2.6 ("the lack of escalations … might indicate a lack of appropriate challenge")',
      columns:
        r.agenciesWithoutEscalations[0]?.previousPeriods.map((p) => `Raised ${periodText(p.from, p.to)}`) ??
        [],
      rows: r.agenciesWithoutEscalations.map((a) => ({
        key: a.agency,
        label: a.name,
        cells: a.previousPeriods.map((p) => c(p.raised)),
      })),
    },
  ];
}
