/**
 * Every escalation the user can see, filtered as `GET /escalations` filters (partnership, agency,
 * stage, status, overdue, raised from/to) and paged. The filters are in the address; applying them
 * or turning a page focuses the results' heading, which says how many there are.
 */
import { TableWrapper } from '../../components/table-wrapper.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { listEscalations } from '../../api/escalations.js';
import type { EscalationFilters, EscalationSummary, Page, Partnership } from '../../api/types.js';
import { DateInput } from '../../components/date-input.js';
import { Checkbox, Select } from '../../components/fields.js';
import { Pagination } from '../../components/pagination.js';
import { partiesText } from '../../components/parties.js';
import { StageDue } from '../../components/stage-due.js';
import { StatusTag, STATUS_TEXT } from '../../components/tags.js';
import { formatDate, plural } from '../../format.js';
import { useFocusWhen } from '../../hooks/use-focus.js';
import { useResource, type Resource } from '../../hooks/use-resource.js';
import { pathTo } from '../../route-paths.js';
import { stagesOf } from './dashboard-data.js';
import { anyFilter, applyForm, dashboardHref, DATE_LABELS, formOf, type FilterForm } from './filters.js';
import { TableHead } from '../../components/table-head.js';

export const LIST_ANCHOR = 'escalations';

export interface EscalationListProps {
  filters: EscalationFilters;
  /** The list for `filters`, from {@link useEscalationList} (the page asks for it beside its summary). */
  list: Resource<Page<EscalationSummary>>;
  partnerships: Partnership[];
  /** Errors next to the filters (from this form or the API), shown in the page's summary too. */
  errors: Record<string, string>;
  onErrors: (errors: Record<string, string>) => void;
}

/** The escalations `filters` find, asked for again when the filters or the page change. */
export function useEscalationList(filters: EscalationFilters): Resource<Page<EscalationSummary>> {
  return useResource((signal) => listEscalations(filters, signal), [dashboardHref(filters, filters.page)]);
}

export function EscalationList({ filters, list, partnerships, errors, onErrors }: EscalationListProps) {
  const { route, url } = useLocation();
  const key = dashboardHref(filters, filters.page);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (list.state === 'failed' && list.error.status === 400) onErrors(list.error.fieldErrors());
  }, [list.state]);
  useFocusWhen(heading, list.state === 'ready' && url.endsWith(`#${LIST_ANCHOR}`), [list.state]);

  const apply = (form: FilterForm) => {
    const result = applyForm(form);
    if ('errors' in result) return onErrors(result.errors);
    onErrors({});
    route(`${dashboardHref(result.filters)}#${LIST_ANCHOR}`);
  };

  return (
    <section aria-labelledby="escalations-heading" aria-busy={list.state === 'loading'}>
      <h2 class="govuk-heading-m" id="escalations-heading">
        All escalations you can see
      </h2>
      <Filters key={key} filters={filters} partnerships={partnerships} errors={errors} onApply={apply} />
      <h3 class="govuk-heading-s" id={LIST_ANCHOR} tabIndex={-1} ref={heading}>
        {list.state === 'ready'
          ? `${plural(list.data.total, 'escalation')}${anyFilter(filters) ? ' match the filters' : ''}`
          : list.state === 'loading'
            ? 'Loading escalations…'
            : 'The list could not be loaded'}
      </h3>
      {list.state === 'ready' && (
        <>
          <Results
            items={list.data.items}
            severalPartnerships={partnerships.length > 1}
            partnerships={partnerships}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            label="Pages of escalations"
            href={(page) => `${dashboardHref(filters, page)}#${LIST_ANCHOR}`}
          />
        </>
      )}
    </section>
  );
}

function Filters(props: {
  filters: EscalationFilters;
  partnerships: Partnership[];
  errors: Record<string, string>;
  onApply: (form: FilterForm) => void;
}) {
  const [form, setForm] = useState<FilterForm>(() => formOf(props.filters));
  const set =
    <K extends keyof FilterForm>(name: K) =>
    (value: FilterForm[K]) =>
      setForm({ ...form, [name]: value });
  const agencies = new Map(props.partnerships.flatMap((p) => p.agencies.map((a) => [a.id, a.name] as const)));
  const several = props.partnerships.length > 1;
  const stages = stagesOf(props.partnerships).filter(
    (s) => !form.partnership || s.partnership.id === form.partnership,
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply(form);
      }}
    >
      <div class="app-filters">
        {several && (
          <Select
            name="partnership"
            label="Partnership"
            value={form.partnership}
            onChange={set('partnership')}
            options={[
              { value: '', text: 'All your partnerships' },
              ...props.partnerships.map((p) => ({ value: p.id, text: p.name })),
            ]}
          />
        )}
        <Select
          name="agency"
          label="Agency"
          value={form.agency}
          onChange={set('agency')}
          error={props.errors.agency}
          options={[
            { value: '', text: 'Any agency' },
            ...[...agencies].map(([value, text]) => ({ value, text })),
          ]}
        />
        <Select
          name="stage"
          label="Stage open now"
          value={form.stage}
          onChange={set('stage')}
          error={props.errors.stage}
          options={[
            { value: '', text: 'Any stage' },
            ...stages.map((s) => ({
              value: s.elementId,
              text: several ? `${s.partnership.name}: ${s.name}` : s.name,
            })),
          ]}
        />
        <Select
          name="status"
          label="Status"
          value={form.status}
          onChange={set('status')}
          error={props.errors.status}
          options={[
            { value: '', text: 'Any status' },
            ...Object.entries(STATUS_TEXT).map(([value, text]) => ({ value, text })),
          ]}
        />
      </div>
      <div class="app-filters">
        <DateInput
          name="raisedFrom"
          legend={DATE_LABELS.raisedFrom}
          value={form.raisedFrom}
          onChange={set('raisedFrom')}
          error={props.errors.raisedFrom}
        />
        <DateInput
          name="raisedTo"
          legend={DATE_LABELS.raisedTo}
          value={form.raisedTo}
          onChange={set('raisedTo')}
          error={props.errors.raisedTo}
        />
      </div>
      <Checkbox
        name="overdue"
        label="Only escalations with an overdue stage"
        checked={form.overdue}
        onChange={set('overdue')}
      />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        {anyFilter(props.filters) && (
          <a class="govuk-link" href={`/#${LIST_ANCHOR}`}>
            Clear filters
          </a>
        )}
      </div>
    </form>
  );
}

function Results(props: {
  items: EscalationSummary[];
  severalPartnerships: boolean;
  partnerships: Partnership[];
}) {
  if (!props.items.length) return <p class="govuk-body">There are no escalations to show.</p>;
  const name = (id: string) => props.partnerships.find((p) => p.id === id)?.name ?? id;
  return (
    <TableWrapper label="Escalations">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Escalations</caption>
        <TableHead columns={['Case reference', 'Between', 'Stage now', 'Status', 'Raised']} />
        <tbody class="govuk-table__body">
          {props.items.map((e) => (
            <tr class="govuk-table__row" key={e.id}>
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={pathTo('escalation', { id: e.id })}>
                  {e.caseReference}
                </a>
                {props.severalPartnerships && (
                  <span class="govuk-body-s govuk-!-display-block">{name(e.partnership)}</span>
                )}
              </th>
              <td class="govuk-table__cell">{partiesText(e.parties)}</td>
              <td class="govuk-table__cell">
                {e.currentStages.length === 0
                  ? 'None open'
                  : e.currentStages.map((s) => (
                      <p class="govuk-body-s govuk-!-margin-bottom-1" key={s.elementId}>
                        {s.name}: <StageDue due={s.due} overdue={s.overdue} />
                      </p>
                    ))}
              </td>
              <td class="govuk-table__cell">
                <StatusTag status={e.status} />
              </td>
              <td class="govuk-table__cell">{formatDate(e.raisedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}
