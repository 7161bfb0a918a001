/**
 * Small readers shared by the document definitions: a variable as text, a date as the day in
 * London, an agency id as its name, the record's entries of a stage.
 */
import { formatDay, londonDateOf } from '../../src/calendar/index.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { DocumentSources, FieldValue } from './document.js';

/** Text of a variable, or null when it is absent or blank. */
export function text(sources: DocumentSources, name: string): string | null {
  const v = sources.variable(name);
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return day(v);
  const s = typeof v === 'string' ? v.trim() : String(v);
  return s === '' ? null : s;
}

/** `Thu 5 Nov 2026`: the London day of an instant. */
export function day(instant: Date): string {
  return formatDay(londonDateOf(instant));
}

/** A date variable (a Date, or `YYYY-MM-DD` text from a Tasklist form) as its day, or null. */
export function dateField(sources: DocumentSources, name: string): string | null {
  const v = sources.variable(name);
  if (v instanceof Date) return day(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v))
    return day(new Date(`${v.slice(0, 10)}T12:00:00Z`));
  return null;
}

export function agencyName(partnership: PartnershipEntry, id: string): string {
  return partnership.roles.agencies.find((a) => a.id === id)?.name ?? id;
}

/** A Json list of `{ role, agency }` as lines `role, Agency`, or null. */
export function rolesAndAgencies(sources: DocumentSources, name: string): FieldValue {
  const v = sources.variable(name);
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.map((x: { role?: string; agency?: string }) =>
    [x.role, x.agency ? agencyName(sources.partnership, x.agency) : null].filter(Boolean).join(', '),
  );
}

/** A Json list of agency ids as their names, or null. */
export function agencies(sources: DocumentSources, name: string): FieldValue {
  const v = sources.variable(name);
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.map((id) => agencyName(sources.partnership, String(id)));
}

/** The chosen lessons categories in words, or null. */
export function lessons(sources: DocumentSources): FieldValue {
  const words: Record<string, string> = {
    training: 'Training needs',
    commissioning: 'Commissioning needs',
    'agency-guidance': 'New agency practice guidance',
    'partnership-guidance': 'New partnership practice guidance',
  };
  const v = sources.variable('lessons');
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.map((x) => words[String(x)] ?? String(x));
}

/** Lines `Stage N: <outcome> on <day>` from the record's stage outcomes and breaches of the given stages. */
export function stageOutcomes(sources: DocumentSources, stages: readonly string[]): FieldValue {
  const lines = sources.record
    .filter(
      (e) =>
        e.stage !== null && stages.includes(e.stage) && ['stage-outcome', 'stage-breached'].includes(e.kind),
    )
    .map(
      (e) =>
        `Stage ${e.stage}: ${e.kind === 'stage-breached' ? 'deadline passed, escalated' : (e.outcome ?? 'recorded')} on ${day(new Date(e.recordedAt))}`,
    );
  return lines.length === 0 ? null : lines;
}
