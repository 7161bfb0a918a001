/**
 * Reports (`/reports`): the partnership report for the business office (issue 16), for those with
 * the `reports` permission in a partnership. The period is chosen by its first and last day (the
 * API's [from, to) takes the day after the last); the figures are the API's JSON with exact counts,
 * each chart the server's own SVG (the same ECharts drawing as the PDF, unsuppressed) beside a table
 * of the same figures; the CSV and PDF to keep or send on have small numbers suppressed.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getReport, type ReportQuery } from '../../api/reports.js';
import { serverNow } from '../../api/server-clock.js';
import { fieldErrorsOf, type FieldErrors } from '../../api/problem.js';
import { datePartsOf, DateInput, isoDateOf, type DateParts } from '../../components/date-input.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { Select } from '../../components/fields.js';
import { useResource } from '../../hooks/use-resource.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { dayAfter, lastDayOf, reportQueryOf, reportsHref } from './report-query.js';
import { ReportView } from './report-view.js';

export default function ReportsPage() {
  const { user, partnerships } = useUser();
  const { query, route } = useLocation();
  const reportable = partnerships.filter((p) =>
    user.memberships.some((m) => m.partnership === p.id && m.reports),
  );
  const [formErrors, setFormErrors] = useState<FieldErrors>({});
  const q = reportQueryOf(
    query,
    reportable.map((p) => p.id),
    serverNow(),
  );
  const key = q ? reportsHref(q) : '';
  const report = useResource((signal) => (q ? getReport(q, signal) : Promise.resolve(null)), [key]);
  if (!q)
    return (
      <Page title="Reports">
        <p class="govuk-body">
          Reports show a partnership’s escalations over a period. You need the reports permission in a
          partnership to see them: ask your partnership’s business office.
        </p>
      </Page>
    );
  const apiErrors: FieldErrors =
    report.state === 'failed' && report.error.status === 400 ? fieldErrorsOf(report.error.problem) : {};
  // The form's own errors (a day that is not a date) over the API's (a period it refused).
  const errors = { ...apiErrors, ...formErrors };
  if (report.state === 'failed' && report.error.status !== 400) return <FailedPage error={report.error} />;
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  return (
    <Page
      title="Reports"
      width="full"
      error={summary.length > 0}
      loading={report.state === 'loading'}
      before={<ErrorSummary errors={summary} />}
    >
      <p class="govuk-body">
        The escalations raised in a period, where they went and how long they took: for the partnership’s
        quality assurance and monitoring of disagreements. Counts here are exact; the files to download show
        counts of 1 to 4 as “&lt;5”.
      </p>
      <PeriodForm
        key={key}
        query={q}
        partnerships={reportable.map((p) => ({ value: p.id, text: p.name }))}
        errors={errors}
        onErrors={setFormErrors}
        onApply={(next) => route(reportsHref(next))}
      />
      {report.state === 'ready' && report.data && <ReportView query={q} report={report.data} />}
    </Page>
  );
}

interface PeriodFormProps {
  query: ReportQuery;
  partnerships: { value: string; text: string }[];
  errors: FieldErrors;
  onErrors: (errors: FieldErrors) => void;
  onApply: (query: ReportQuery) => void;
}

/** The partnership and the period's first and last day; a day that is not a real date is said next to it. */
function PeriodForm(props: PeriodFormProps) {
  const [partnership, setPartnership] = useState(props.query.partnership);
  const [from, setFrom] = useState<DateParts>(datePartsOf(props.query.from));
  const [last, setLast] = useState<DateParts>(datePartsOf(lastDayOf(props.query.to)));
  const shown = props.errors;
  const apply = (event: Event) => {
    event.preventDefault();
    const [first, end] = [isoDateOf(from), isoDateOf(last)];
    const found: FieldErrors = {};
    if (!first) found.from = 'Enter the first day of the period as a real date, for example 1 10 2026';
    if (!end) found.to = 'Enter the last day of the period as a real date, for example 31 12 2026';
    else if (first && end < first) found.to = 'The last day must be the same as or after the first day';
    props.onErrors(found);
    if (Object.keys(found).length === 0) props.onApply({ partnership, from: first!, to: dayAfter(end!) });
  };
  return (
    <form noValidate onSubmit={apply}>
      {props.partnerships.length > 1 && (
        <Select
          name="partnership"
          label="Partnership"
          value={partnership}
          onChange={setPartnership}
          options={props.partnerships}
        />
      )}
      <div class="app-filters">
        <DateInput name="from" legend="First day" value={from} onChange={setFrom} error={shown.from} />
        <DateInput
          name="to"
          legend="Last day"
          hint="Included"
          value={last}
          onChange={setLast}
          error={shown.to}
        />
        <div class="govuk-form-group">
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Show report
          </button>
        </div>
      </div>
    </form>
  );
}
