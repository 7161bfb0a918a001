/**
 * Liverpool's Appendix 1 "Agency Escalation Summary Log" for one agency, as CSV: "A summary of
 * cases escalated for resolution should be collated and retained by all organisations … LSCB will
 * collate agency summaries for LSCB monitoring purposes" (LSCB Resolution & Escalation Procedure,
 * version 180501, Stage 2 and Appendix 1). One row per escalation raised in the period that the
 * agency is a party to (raising it or challenged by it) and that the user may see, with the
 * Appendix's columns in its order, filled by the very definition that fills the Appendix 1
 * document (forms/documents), from the record alone (no engine query).
 *
 * The Appendix's "Child Name / DOB / Age" column holds the case reference instead: this is a file
 * for collating and emailing to the LSCB Team, and the child's details belong in the protected store
 * (and the Appendix 1 PDFs, which only the procedure's recipients may open), never in a spreadsheet
 * that leaves the service. The free-text columns (concern, disagreement, actions) come from the
 * sealed record and are filled only where the user may read that escalation's Appendix 1 (the
 * access rule's `canReadSubject`, with the roles of the stages its record shows reached); otherwise
 * they say so.
 */
import { stringify } from 'csv-stringify/sync';
import { canReadSubject } from '../access/access-rule.js';
import type { RolesOf } from '../access/access-rule.js';
import type { Principal } from '../identity/principal.js';
import type { IndexedEscalation, EscalationIndex } from '../escalations/escalation-index.js';
import type { RecordEntry, RecordStore } from '../record/record-store.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { FormCatalogue } from '../../processes/forms-catalogue.js';
import { groupOf } from '../../processes/stage-ids.js';
import { liverpoolAppendix1SummaryLog } from '../../forms/documents/liverpool-appendix-1-summary-log.js';
import type { DocumentSources, FieldValue } from '../../forms/documents/document.js';
import type { SqlFilter } from '../access/visibility-sql.js';
import type { ReportPeriod } from './period.js';
import { SummaryLogTooLong } from './errors/summary-log-too-long.js';

/** The partnerships whose procedure has an agency summary log. */
export const SUMMARY_LOG_PARTNERSHIPS = ['liverpool'];

export const RESTRICTED =
  'Not shown: only the people the procedure sends this escalation’s Appendix 1 to may read it';

export interface SummaryLogRequest {
  partnership: PartnershipEntry;
  agency: string;
  period: ReportPeriod;
  principal: Principal;
  visible: SqlFilter;
  escalations: EscalationIndex;
  record: RecordStore;
  forms: FormCatalogue;
  roles: RolesOf;
  now: Date;
}

const STAGES = ['1', '2'];

/** The summary log's CSV and how many rows it has. */
export function summaryLogCsv(request: SummaryLogRequest): { csv: string; rows: number } {
  const def = liverpoolAppendix1SummaryLog;
  const fields = def.sections.flatMap((s) => s.fields);
  const header = [
    'Raised',
    'This agency',
    ...fields.map((f) => (f.key === 'child' ? 'Case reference' : f.label)),
  ];
  const rows = escalationsOf(request).map((e) => {
    const record = request.record.forEscalation(e.id);
    const data = def.build(sourcesOf(request, e, record));
    const access = request.escalations.access(e);
    const mayRead = canReadSubject(
      request.principal,
      access,
      reachedRoles(request.forms, e, record),
      request.roles,
    );
    return [
      e.raisedAt,
      e.raisedByAgency === request.agency ? 'Raised it' : 'The other party',
      ...fields.map((f) => {
        if (f.key === 'child') return e.caseReference;
        if (!mayRead && FREE_TEXT.includes(f.key)) return RESTRICTED;
        return text(data[f.key] ?? null);
      }),
    ];
  });
  return { csv: stringify([header, ...rows], { record_delimiter: 'windows' }), rows: rows.length };
}

/** The Appendix's free-text columns, sealed in the record. */
const FREE_TEXT = ['concern', 'disagreement', 'actionsUndertaken'];

/** The agency's escalations raised in the period that the user may see, oldest first. */
function escalationsOf(request: SummaryLogRequest): IndexedEscalation[] {
  const { items } = request.escalations.list(
    request.visible,
    {
      partnership: request.partnership.settings.id,
      agency: request.agency,
      raisedFrom: request.period.from,
      raisedTo: request.period.to,
    },
    { offset: 0, limit: MAX_ROWS + 1 },
  );
  if (items.length > MAX_ROWS) throw new SummaryLogTooLong(MAX_ROWS);
  return [...items].reverse();
}

/** More rows than an agency raises in years; a period that would hold more is refused. */
export const MAX_ROWS = 20_000;

/** The document's sources from the index and the record: a variable is the last value recorded for it. */
function sourcesOf(
  request: SummaryLogRequest,
  e: IndexedEscalation,
  record: readonly RecordEntry[],
): DocumentSources {
  const fromIndex: Record<string, unknown> = {
    raisedByAgency: e.raisedByAgency,
    raisedByOrganisation: e.raisedByOrganisation,
    raisedByRole: e.raisedByRole,
  };
  const lastStage = [...record]
    .reverse()
    .find((x) => x.stage !== null && STAGES.includes(x.stage) && /^stage-(outcome|breached)$/.test(x.kind));
  return {
    escalationId: e.id,
    caseReference: e.caseReference,
    partnership: request.partnership,
    generatedAt: request.now,
    subject: null,
    record,
    variable(name) {
      if (name === 'stage') return lastStage?.stage;
      if (name in fromIndex) return fromIndex[name] ?? undefined;
      for (let i = record.length - 1; i >= 0; i--) {
        const value = record[i]!.payload?.[name];
        if (value !== undefined && value !== null) return value;
      }
      return undefined;
    },
  };
}

/** The candidate roles of the user tasks of every step the record shows reached. */
function reachedRoles(forms: FormCatalogue, e: IndexedEscalation, record: readonly RecordEntry[]): string[] {
  const tasks = [...(forms.userTasks.get(e.definitionKey)?.values() ?? [])];
  const groups = new Set(record.map((x) => groupOf(x.elementId)));
  return [...new Set(tasks.filter((t) => groups.has(t.group)).flatMap((t) => t.candidateRoles))];
}

function text(value: FieldValue): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join('\n') : value;
}
