/**
 * The report's figures on the Reports page, exact: a summary, the files to download, then each
 * section with its heading, the server's chart (an image whose text alternative points to the table
 * after it) and a table of the same figures. Sections follow the PDF's order (src/reports/
 * report-sections.ts); docs/reports.md says what each figure means.
 */
import type { ComponentChildren } from 'preact';
import {
  chartHref,
  reportFileHref,
  summaryLogHref,
  type ChartId,
  type PartnershipReport,
  type ReportQuery,
} from '../../api/reports.js';
import { SummaryList } from '../../components/summary-list.js';
import { TableWrapper } from '../../components/table-wrapper.js';
import { formatDate, formatDateTime } from '../../format.js';
import { lastDayOf } from './report-query.js';
import { TableHead } from '../../components/table-head.js';

type Cell = string | number;

export function ReportView({ query, report: r }: { query: ReportQuery; report: PartnershipReport }) {
  const day = (iso: string) => formatDate(`${iso.slice(0, 10)}T12:00:00Z`);
  const period = `${day(query.from)} to ${day(lastDayOf(query.to))}`;
  return (
    <div aria-labelledby="report-heading">
      <h2 class="govuk-heading-l" id="report-heading">
        {r.partnership.name}: escalations raised {period}
      </h2>
      <SummaryList
        rows={[
          { key: 'Raised in the period', value: r.raised },
          { key: 'Still open', value: r.status.open },
          { key: 'Resolved', value: r.status.resolved },
          { key: 'Closed unresolved', value: r.status.closedUnresolved },
          { key: 'Withdrawn', value: r.status.withdrawn },
          { key: 'Record read as at', value: formatDateTime(r.asAt) },
        ]}
      />
      <Downloads query={query} report={r} />
      <Section id="agencies" title="Raised by each agency" query={query} chart="agencies">
        <Table
          caption="Escalations raised by each agency"
          head={['Agency', 'Raised']}
          rows={r.byRaisingAgency.map((a) => [a.name, a.count])}
        />
      </Section>
      <Section id="agency-pairs" title="Raising agency and other agency" query={query} chart="agency-pairs">
        <Table
          caption="Escalations by raising agency and the agency it disagreed with"
          head={['Raising agency', 'Other agency', 'Raised']}
          rows={r.byAgencyPair.map((p) => [p.raisingAgencyName, p.otherAgencyName, p.count])}
        />
      </Section>
      <Section id="contexts" title="Disagreement context (theme)" query={query} chart="contexts">
        <Table
          caption="Escalations by disagreement context"
          head={['Context', 'Raised']}
          rows={r.byContext.map((c) => [c.label, c.count])}
        />
      </Section>
      <StageSections query={query} report={r} />
      <OtherSections query={query} report={r} />
    </div>
  );
}

function Downloads({ query, report: r }: { query: ReportQuery; report: PartnershipReport }) {
  return (
    <>
      <h2 class="govuk-heading-m">Download</h2>
      <p class="govuk-body">In the files, counts of 1 to 4 are shown as “&lt;5”, to protect the children.</p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={reportFileHref(query, 'pdf')} download>
            Report (PDF, to print)
          </a>
        </li>
        <li>
          <a class="govuk-link" href={reportFileHref(query, 'csv')} download>
            Figures (CSV, for a spreadsheet)
          </a>
        </li>
        {r.partnership.id === 'liverpool' &&
          r.byRaisingAgency.map((a) => (
            <li key={a.agency}>
              <a class="govuk-link" href={summaryLogHref(query, a.agency)} download>
                Appendix 1 summary log: {a.name} (CSV)
              </a>
            </li>
          ))}
      </ul>
    </>
  );
}

function StageSections({ query, report: r }: { query: ReportQuery; report: PartnershipReport }) {
  const resolvedAt = (stage: string) => r.resolvedAtStage.find((s) => s.stage === stage);
  return (
    <>
      <Section id="stages" title="Stages reached and resolved" query={query} chart="stages">
        <Table
          caption="Stages reached, furthest and resolved, and the time at each stage"
          head={[
            'Stage',
            'Reached',
            'Furthest stage',
            'Resolved here',
            'Time at stage: median',
            '90th percentile',
          ]}
          rows={[
            ...r.stages.map((s) => [
              s.label,
              s.reached,
              s.furthest,
              resolvedAt(s.stage)?.count ?? 0,
              hours(s.timeAtStage.medianHours),
              hours(s.timeAtStage.p90Hours),
            ]),
            ['No stage recorded yet', '', r.noStageRecorded, '', '', ''],
          ]}
        />
        <SummaryList
          rows={[
            { key: 'Time to resolve: median', value: hours(r.timeToResolve.medianHours) || 'None resolved' },
            {
              key: 'Time to resolve: 90th percentile',
              value: hours(r.timeToResolve.p90Hours) || 'None resolved',
            },
            ...r.closedUnresolvedAtStage.map((s) => ({
              key: `Closed unresolved: ${s.label}`,
              value: s.count,
            })),
          ]}
        />
      </Section>
      <Section id="deadlines" title="Deadlines met and breached" query={query} chart="deadlines">
        <Table
          caption="Deadlines met and breached, by stage"
          head={['Stage', 'Met', 'Breached']}
          rows={r.deadlines.byStage.map((s) => [s.label, s.met, s.breached])}
        />
        <Table
          caption="Deadlines met and breached, by agency (the escalations it is a party to)"
          head={['Agency', 'Met', 'Breached']}
          rows={r.deadlines.byAgency.map((a) => [a.name, a.met, a.breached])}
        />
      </Section>
    </>
  );
}

function OtherSections({ query, report: r }: { query: ReportQuery; report: PartnershipReport }) {
  return (
    <>
      <h2 class="govuk-heading-m">Immediate risk, conferences and withdrawals</h2>
      <SummaryList
        rows={[
          { key: 'Taken into child protection procedures', value: r.immediateRisk.routings },
          { key: 'of which when raised', value: r.immediateRisk.atRaise },
          { key: 'of which at a later stage', value: r.immediateRisk.later },
          ...r.conferences.byContext.map((c) => ({ key: c.label, value: c.count })),
          { key: 'Sent to the Dissent Procedure', value: r.conferences.referredToDissentProcedure },
          ...r.withdrawals.byStage.map((s) => ({ key: `Withdrawn: ${s.label}`, value: s.count })),
          { key: 'All withdrawals', value: r.withdrawals.total },
        ]}
      />
      <Section id="lessons" title="Lessons learned" query={query} chart="lessons">
        <Table
          caption={`Lessons learned by category (${r.lessons.withLessons} of ${r.lessons.entries} considered had lessons)`}
          head={['Category', 'Count']}
          rows={r.lessons.byCategory.map((l) => [l.label, l.count])}
        />
        <Table
          caption="Where the lessons went"
          head={['Route', 'Procedure', 'Count']}
          rows={r.lessons.routes.map((x) => [x.label, x.citation, x.count])}
        />
      </Section>
      <h2 class="govuk-heading-m" id="without-escalations">
        Agencies that raised no escalations
      </h2>
      <p class="govuk-body">
        A lack of escalations may mean a lack of appropriate challenge. Each agency is set against the periods
        before.
      </p>
      <Table
        caption="Agencies that raised none in the period, and what they raised in the periods before"
        head={[
          'Agency',
          ...(r.agenciesWithoutEscalations[0]?.previousPeriods ?? []).map((p) => periodText(p)),
        ]}
        rows={r.agenciesWithoutEscalations.map((a) => [a.name, ...a.previousPeriods.map((p) => p.raised)])}
      />
    </>
  );
}

function periodText(p: { from: string; to: string }): string {
  const last = new Date(Date.parse(p.to) - 1).toISOString();
  return `${formatDate(p.from)} to ${formatDate(last)}`;
}

interface SectionProps {
  id: string;
  title: string;
  query: ReportQuery;
  chart: ChartId;
  children: ComponentChildren;
}

/** A heading, the server's chart, and the tables of the same figures. */
function Section(props: SectionProps) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      <img
        class="app-chart"
        src={chartHref(props.query, props.chart)}
        alt={`Bar chart: ${props.title.toLowerCase()}. The table below gives the same figures.`}
      />
      {props.children}
    </section>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Cell[][] }) {
  if (rows.length === 0) return <p class="govuk-body">{caption}: none in this period.</p>;
  return (
    <TableWrapper label={caption}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead
          columns={head.map((h, i) => (typeof rows[0]![i] === 'number' ? { text: h, numeric: true } : h))}
        />
        <tbody class="govuk-table__body">
          {rows.map((row, i) => (
            <tr class="govuk-table__row" key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th scope="row" class="govuk-table__header" key={j}>
                    {cell}
                  </th>
                ) : (
                  <td
                    class={`govuk-table__cell${typeof cell === 'number' ? ' govuk-table__cell--numeric' : ''}`}
                    key={j}
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}

/** Hours as people read them: "5.5 hours" under two days, else "3.2 days"; '' for none. */
function hours(value: number | null): string {
  if (value === null) return '';
  return value < 48 ? `${value.toFixed(1)} hours` : `${(value / 24).toFixed(1)} days`;
}
