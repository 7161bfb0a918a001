/**
 * Small readers shared by the document definitions: a variable as text, a date as the day in
 * London, an agency id as its name, a role as its title in an agency, the child's date of birth and
 * age. The record's readers (stage outcomes, a stage's own form data) are in `record-values.ts`.
 */
import { DateTime } from 'luxon';
import { formatDay, londonDateOf } from '../../src/calendar/index.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { DocumentSources, FieldValue } from './document.js';

/** A value as text (a Date as its day), or null when it is absent or blank. */
export function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return day(v);
  const s = typeof v === 'string' ? v.trim() : String(v);
  return s === '' ? null : s;
}

/** Text of a variable, or null when it is absent or blank. */
export function text(sources: DocumentSources, name: string): string | null {
  return textOf(sources.variable(name));
}

/** `Thu 5 Nov 2026`: the London day of an instant. */
export function day(instant: Date): string {
  return formatDay(londonDateOf(instant));
}

/**
 * A calendar date as its day, or null: a Date, `YYYY-MM-DD` text from a Tasklist form, or the ISO
 * text a Date becomes in a record entry's payload (calendar dates are stored at midnight UTC).
 */
export function dateOf(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : day(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v))
    return day(new Date(`${v.slice(0, 10)}T12:00:00Z`));
  return null;
}

/** A date variable as its day, or null. */
export function dateField(sources: DocumentSources, name: string): string | null {
  return dateOf(sources.variable(name));
}

/** An agency id as its name in `roles.json` (the id itself when unknown). */
export function agencyName(partnership: PartnershipEntry, id: string): string {
  return partnership.roles.agencies.find((a) => a.id === id)?.name ?? id;
}

/** A role's title in an agency from `roles.json` (the `*` title otherwise), or the role's id. */
export function roleTitle(partnership: PartnershipEntry, role: string, agency: string | null): string {
  const r = partnership.roles.roles.find((x) => x.role === role);
  return (agency ? r?.titles[agency] : undefined) ?? r?.titles['*'] ?? role;
}

/** An agency by name, with the named organisation within it when there is one: `School (st-annes)`. */
export function agencyWithOrganisation(
  partnership: PartnershipEntry,
  agency: string | null,
  organisation: string | null,
): string | null {
  if (agency === null) return null;
  return organisation
    ? `${agencyName(partnership, agency)} (${organisation})`
    : agencyName(partnership, agency);
}

/** The raising professional's agency (and organisation), from the start variables. */
export function raisingAgency(sources: DocumentSources): string | null {
  return agencyWithOrganisation(
    sources.partnership,
    text(sources, 'raisedByAgency'),
    text(sources, 'raisedByOrganisation'),
  );
}

/** The raising professional's title in their agency (`roles.json`), or null without a role. */
export function raisingRoleTitle(sources: DocumentSources): string | null {
  const role = text(sources, 'raisedByRole');
  return role === null ? null : roleTitle(sources.partnership, role, text(sources, 'raisedByAgency'));
}

/** A Json list of `{ role, agency }` as lines `role, Agency`, or null. */
export function rolesAndAgenciesOf(partnership: PartnershipEntry, v: unknown): FieldValue {
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.map((x: { role?: string; agency?: string }) =>
    [x.role, x.agency ? agencyName(partnership, x.agency) : null].filter(Boolean).join(', '),
  );
}

/** A variable holding a Json list of `{ role, agency }` as lines `role, Agency`, or null. */
export function rolesAndAgencies(sources: DocumentSources, name: string): FieldValue {
  return rolesAndAgenciesOf(sources.partnership, sources.variable(name));
}

/** A Json list of agency ids as their names, or null. */
export function agenciesOf(partnership: PartnershipEntry, v: unknown): FieldValue {
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.map((id) => agencyName(partnership, String(id)));
}

/** A variable holding a Json list of agency ids as their names, or null. */
export function agencies(sources: DocumentSources, name: string): FieldValue {
  return agenciesOf(sources.partnership, sources.variable(name));
}

/** The agencies in the dispute (both parties'), then any others listed (a Json list of ids), by name. */
export function agenciesInvolved(sources: DocumentSources, listed: unknown): FieldValue {
  const ids = [
    text(sources, 'raisedByAgency'),
    text(sources, 'otherAgency'),
    ...(Array.isArray(listed) ? listed.map(String) : []),
  ].filter((id): id is string => id !== null);
  return ids.length === 0 ? null : [...new Set(ids)].map((id) => agencyName(sources.partnership, id));
}

/** What the disagreement is about and the outcome sought, as given when it was raised, or null. */
export function disagreementLines(sources: DocumentSources): FieldValue {
  const sought = text(sources, 'outcomeSought');
  const lines = [text(sources, 'disagreement'), sought === null ? null : `Outcome sought: ${sought}`];
  const present = lines.filter((l): l is string => l !== null);
  return present.length === 0 ? null : present;
}

/** The lessons categories in the words of the shared lessons form; a partnership may pass its own. */
export const LESSONS_WORDS: Readonly<Record<string, string>> = {
  training: 'Training needs',
  commissioning: 'Commissioning needs',
  'agency-guidance': 'New agency practice guidance',
  'partnership-guidance': 'New partnership practice guidance',
};

/** The chosen lessons categories in words, then the details typed with them, or null. */
export function lessons(sources: DocumentSources, words = LESSONS_WORDS): FieldValue {
  const v = sources.variable('lessons');
  const chosen = Array.isArray(v) ? v.map((x) => words[String(x)] ?? String(x)) : [];
  const details = text(sources, 'lessonsDetails');
  const lines = details === null ? chosen : [...chosen, details];
  return lines.length === 0 ? null : lines;
}

/** `3 Mar 2015`: a date of birth (`YYYY-MM-DD`), without a weekday. */
export function birthDate(dateOfBirth: string): string {
  return DateTime.fromISO(dateOfBirth, { zone: 'utc' }).toFormat('d MMM yyyy');
}

/** Whole years from a date of birth to the London day of `at` (born on 29 Feb: a year older on 1 Mar). */
export function ageInYears(dateOfBirth: string, at: Date): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = londonDateOf(at).split('-').map(Number) as [number, number, number];
  return ty - by - (tm * 100 + td < bm * 100 + bd ? 1 : 0);
}
