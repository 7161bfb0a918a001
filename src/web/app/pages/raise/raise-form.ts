/**
 * The raise form's logic, apart from its markup (and tested in Node): the fields as typed, the body
 * of `POST /escalations` built from them, and the API's field errors in plain words. Empty required
 * answers are sent as they are, so that the API names every missing or wrong field in one answer
 * and nothing is checked twice in two places; only optional fields left empty are left out.
 */
import type { z } from 'zod';
import type { raiseBody } from '../../../../api/escalations/raise.js';
import type { FieldErrors } from '../../api/problem.js';
import { ApiError } from '../../api/problem.js';
import { isoDateOf, NO_DATE, type DateParts } from '../../components/date-input.js';

/** What `POST /escalations` takes (the API's own schema). */
export type RaiseBody = z.input<typeof raiseBody>;
/** The body as the form sends it: the API's fields, some perhaps still empty or wrong. */
export type RaiseRequest = { [K in keyof RaiseBody]?: unknown };

export interface ChildForm {
  name: string;
  dateOfBirth: DateParts;
  address: string;
  parents: string;
}

/** The form's fields, as typed or chosen (empty string: not answered). */
export interface RaiseForm {
  partnership: string;
  caseReference: string;
  raisedByRole: string;
  otherAgency: string;
  otherOrganisation: string;
  otherAgencyRole: string;
  disagreementContext: string;
  disagreement: string;
  outcomeSought: string;
  timescaleSought: string;
  immediateRisk: boolean;
  childStatus: string;
  levelOfNeed: string;
  seriousConcern: boolean;
  child: ChildForm;
}

/** The questions only some partnerships' procedures ask at raise. */
export interface PartnershipQuestions {
  /** Liverpool Appendices 1 and 2: "Please indicate level of need". */
  levelOfNeed: boolean;
  /** Wiltshire §3.1(a): a matter of serious concern, logged with the QA&P Chair at once. */
  seriousConcern: boolean;
  /** East Riding Appendix A "Family Details": the parents. */
  parents: boolean;
}

export function questionsFor(partnership: string): PartnershipQuestions {
  return {
    levelOfNeed: partnership === 'liverpool',
    seriousConcern: partnership === 'wiltshire',
    parents: partnership === 'east-riding',
  };
}

/** The fields in the order the page shows them (the error summary's order). */
export const FIELD_ORDER = [
  'partnership',
  'caseReference',
  'immediateRisk',
  'seriousConcern',
  'disagreementContext',
  'childStatus',
  'levelOfNeed',
  'raisedByRole',
  'otherAgency',
  'otherOrganisation',
  'otherAgencyRole',
  'disagreement',
  'outcomeSought',
  'timescaleSought',
  'subject.name',
  'subject.dateOfBirth',
  'subject.address',
  'subject.parents',
] as const;

/** Each field's label, as the page shows it (and as errors name it). */
export const LABELS: Record<(typeof FIELD_ORDER)[number], string> = {
  partnership: 'Partnership',
  caseReference: 'Case reference',
  immediateRisk: 'Immediate risk',
  seriousConcern: 'Serious concern',
  disagreementContext: 'What the disagreement is about',
  childStatus: 'The child’s status',
  levelOfNeed: 'Level of need',
  raisedByRole: 'Your role',
  otherAgency: 'Other agency',
  otherOrganisation: 'Other organisation',
  otherAgencyRole: 'The other professional’s role',
  disagreement: 'What you disagree about',
  outcomeSought: 'Outcome you want',
  timescaleSought: 'Timescale you want',
  'subject.name': 'Child’s full name',
  'subject.dateOfBirth': 'Date of birth',
  'subject.address': 'Child’s address',
  'subject.parents': 'Parents',
};

/** What to say when a field was left empty. */
const MISSING: Partial<Record<string, string>> = {
  partnership: 'Select the partnership you are raising it in',
  caseReference: 'Enter the case reference',
  disagreementContext: 'Select what the disagreement is about',
  childStatus: 'Select whether the child is on a child protection plan or looked after',
  raisedByRole: 'Select your role',
  otherAgency: 'Select the other agency',
  otherAgencyRole: 'Select the other professional’s role',
  disagreement: 'Enter what you disagree about',
  outcomeSought: 'Enter the outcome you want',
  timescaleSought: 'Enter the timescale you want',
  'subject.name': 'Enter the child’s full name, or leave all the child’s details empty',
  'subject.dateOfBirth': 'Enter the child’s date of birth, or leave all the child’s details empty',
  'subject.address': 'Enter the child’s address, or leave all the child’s details empty',
};

export function emptyForm(defaults: Partial<RaiseForm> = {}): RaiseForm {
  return {
    partnership: '',
    caseReference: '',
    raisedByRole: '',
    otherAgency: '',
    otherOrganisation: '',
    otherAgencyRole: '',
    disagreementContext: '',
    disagreement: '',
    outcomeSought: '',
    timescaleSought: '',
    immediateRisk: false,
    childStatus: '',
    levelOfNeed: '',
    seriousConcern: false,
    child: { name: '', dateOfBirth: NO_DATE, address: '', parents: '' },
    ...defaults,
  };
}

/** Whether any of the child's details was typed (then all three are needed). */
export function childGiven(child: ChildForm): boolean {
  const { day, month, year } = child.dateOfBirth;
  return [child.name, child.address, child.parents, day, month, year].some((v) => v.trim() !== '');
}

/**
 * The body of `POST /escalations`. `partnership` only when the user belongs to several; the
 * questions of other partnerships never. A date of birth that is not a real date is sent as typed
 * (`2015-02-30`), for the API to name.
 */
export function raiseRequestOf(form: RaiseForm, sendPartnership: boolean): RaiseRequest {
  const q = questionsFor(form.partnership);
  const body: RaiseRequest = {
    caseReference: form.caseReference.trim(),
    raisedByRole: form.raisedByRole,
    otherAgency: form.otherAgency,
    otherAgencyRole: form.otherAgencyRole,
    disagreementContext: form.disagreementContext,
    disagreement: form.disagreement,
    outcomeSought: form.outcomeSought,
    timescaleSought: form.timescaleSought,
    immediateRisk: form.immediateRisk,
    childStatus: form.childStatus,
  };
  if (sendPartnership) body.partnership = form.partnership;
  if (form.otherOrganisation.trim()) body.otherOrganisation = form.otherOrganisation.trim();
  if (q.levelOfNeed && form.levelOfNeed) body.levelOfNeed = form.levelOfNeed;
  if (q.seriousConcern) body.seriousConcern = form.seriousConcern;
  if (childGiven(form.child)) {
    const c = form.child;
    body.subject = {
      name: c.name,
      dateOfBirth: dateAsTyped(c.dateOfBirth),
      address: c.address,
      ...(q.parents && c.parents.trim() ? { parents: c.parents } : {}),
    };
  }
  return body;
}

function dateAsTyped(parts: DateParts): string {
  const iso = isoDateOf(parts);
  if (iso !== null) return iso;
  const [d, m, y] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** The API's message for a field, in plain words, knowing what was typed there. */
export function plainMessage(field: string, message: string, form: RaiseForm): string {
  const label = (LABELS as Record<string, string>)[field] ?? field;
  if (isEmpty(field, form) && MISSING[field]) return MISSING[field]!;
  const tooLong = /<=\s*([\d,]+)/.exec(message);
  if (/^Too big/.test(message) && tooLong)
    return `${label} must be ${Number(tooLong[1]).toLocaleString('en-GB')} characters or fewer`;
  if (field === 'subject.dateOfBirth') return 'Date of birth must be a real date, for example 27 3 2015';
  if (field === 'caseReference') {
    if (/digit/.test(message))
      return 'Case reference must include at least one number: use the case’s reference, never the child’s name';
    return 'Case reference must be 3 to 40 letters, numbers, hyphens (-), slashes (/) or full stops (.)';
  }
  if (field === 'otherOrganisation' && /^an organisation id/.test(message))
    return 'Other organisation must be its short name in lower case, with hyphens, for example alder-hey';
  if (/^(Invalid|Too small|Required)/.test(message)) return MISSING[field] ?? `Check ${label.toLowerCase()}`;
  return `${label}: ${message}`;
}

function isEmpty(field: string, form: RaiseForm): boolean {
  if (field === 'subject.dateOfBirth') {
    const { day, month, year } = form.child.dateOfBirth;
    return !day.trim() && !month.trim() && !year.trim();
  }
  const value = field.startsWith('subject.')
    ? form.child[field.slice('subject.'.length) as keyof ChildForm]
    : form[field as keyof RaiseForm];
  return typeof value === 'string' && value.trim() === '';
}

/** What the page shows for a failed raise, by field (`_`: the page). Nothing was raised or stored. */
export function raiseErrors(error: unknown, form: RaiseForm): FieldErrors {
  if (!(error instanceof ApiError))
    return { _: 'Sorry, the escalation could not be raised. Nothing was saved. Try again.' };
  if (error.status === 400 && error.problem.errors?.length) {
    const errors: FieldErrors = {};
    for (const [field, message] of Object.entries(error.fieldErrors()))
      errors[field === 'subject' ? 'subject.name' : field] ??= plainMessage(field, message, form);
    return errors;
  }
  // 409: another child's details are stored under this case reference (nothing was raised).
  if (error.status === 409) return { caseReference: error.problem.detail ?? 'Check the case reference' };
  if (error.status === 403 || error.status === 0)
    return { _: error.problem.detail ?? 'You cannot raise an escalation here.' };
  return { _: 'Sorry, the escalation could not be raised. Nothing was saved. Try again.' };
}
