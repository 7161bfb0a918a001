/**
 * The dashboard list's filters live in the address (`/?status=open&stage=…&page=2`), so a filtered
 * list can be bookmarked, shared, reloaded and paged. They are exactly `GET /escalations`'s query.
 */
import { queryString } from '../../api/client.js';
import type { EscalationFilters, EscalationStatus } from '../../api/types.js';
import { datePartsOf, isoDateOf, type DateParts } from '../../components/date-input.js';

export const PAGE_SIZE = 25;
const STATUSES: EscalationStatus[] = ['open', 'resolved', 'closed-unresolved', 'withdrawn'];

/** The filter form's fields, as typed. */
export interface FilterForm {
  partnership: string;
  agency: string;
  stage: string;
  status: string;
  overdue: boolean;
  raisedFrom: DateParts;
  raisedTo: DateParts;
}

/** The API filters in the address (unknown or malformed values are left for the API to name). */
export function filtersOf(query: Record<string, string | undefined>): EscalationFilters {
  const page = Number(query.page);
  return {
    partnership: query.partnership || undefined,
    agency: query.agency || undefined,
    stage: query.stage || undefined,
    status: STATUSES.includes(query.status as EscalationStatus)
      ? (query.status as EscalationStatus)
      : undefined,
    overdue: query.overdue === 'true' ? 'true' : undefined,
    raisedFrom: query.raisedFrom || undefined,
    raisedTo: query.raisedTo || undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    pageSize: PAGE_SIZE,
  };
}

export function formOf(filters: EscalationFilters): FilterForm {
  return {
    partnership: filters.partnership ?? '',
    agency: filters.agency ?? '',
    stage: filters.stage ?? '',
    status: filters.status ?? '',
    overdue: filters.overdue === 'true',
    raisedFrom: datePartsOf(filters.raisedFrom),
    raisedTo: datePartsOf(filters.raisedTo),
  };
}

export const DATE_LABELS = { raisedFrom: 'Raised from', raisedTo: 'Raised to' } as const;

/** The form as filters, or the errors to show next to its date fields. */
export function applyForm(
  form: FilterForm,
): { filters: EscalationFilters } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const from = isoDateOf(form.raisedFrom);
  const to = isoDateOf(form.raisedTo);
  if (from === null)
    errors.raisedFrom = `${DATE_LABELS.raisedFrom} must be a real date, for example 2 11 2026`;
  if (to === null) errors.raisedTo = `${DATE_LABELS.raisedTo} must be a real date, for example 27 11 2026`;
  if (from && to && to < from)
    errors.raisedTo = `${DATE_LABELS.raisedTo} must be the same as or after ${DATE_LABELS.raisedFrom.toLowerCase()}`;
  if (Object.keys(errors).length) return { errors };
  return {
    filters: {
      partnership: form.partnership || undefined,
      agency: form.agency || undefined,
      stage: form.stage || undefined,
      status: (form.status as EscalationStatus) || undefined,
      overdue: form.overdue ? 'true' : undefined,
      raisedFrom: from || undefined,
      raisedTo: to || undefined,
    },
  };
}

/** The dashboard's address for these filters (page 1 is left out). */
export function dashboardHref(filters: EscalationFilters, page?: number): string {
  const { pageSize: _pageSize, page: _page, ...rest } = filters;
  return `/${queryString({ ...rest, page: page && page > 1 ? page : undefined })}`;
}

/** Whether any filter is set (for "Clear filters"). */
export function anyFilter(filters: EscalationFilters): boolean {
  const { pageSize: _pageSize, page: _page, ...rest } = filters;
  return Object.values(rest).some((v) => v !== undefined);
}
