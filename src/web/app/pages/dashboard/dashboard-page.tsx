/**
 * The dashboard (`/`): headline figures (open, overdue, due soon, your tasks), your tasks, what is
 * due soon, what is overdue, open escalations by stage, and every escalation you can see with the
 * API's filters and paging. Overdue is always the word "Overdue" in a tag, never colour alone.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorSummary, summaryOf } from '../../components/error-summary.js';
import { plural } from '../../format.js';
import { useResource } from '../../hooks/use-resource.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { dueSoon, loadSummary, myTasks, overdueRows, type DashboardSummary } from './dashboard-data.js';
import { EscalationList, LIST_ANCHOR, useEscalationList } from './escalation-list.js';
import { filtersOf } from './filters.js';
import { StageCounts } from './stage-counts.js';
import { StageTable } from './stage-table.js';
import { serverNow } from '../../api/server-clock.js';

const FILTER_FIELDS = ['partnership', 'agency', 'stage', 'status', 'raisedFrom', 'raisedTo'];

export function DashboardPage() {
  const { user } = useUser();
  const { query } = useLocation();
  const [filterErrors, setFilterErrors] = useState<Record<string, string>>({});
  const summary = useResource((signal) => loadSummary(user, signal), [user.username]);
  // Asked for beside the summary rather than once it is in: the list needs only the filters.
  const filters = filtersOf(query);
  const list = useEscalationList(filters);
  if (summary.state === 'failed') return <FailedPage error={summary.error} />;
  const errors = summaryOf(filterErrors, FILTER_FIELDS);
  return (
    <Page
      title="Dashboard"
      width="full"
      loading={summary.state === 'loading'}
      error={errors.length > 0}
      before={<ErrorSummary errors={errors} />}
    >
      {summary.state === 'ready' && <Overview summary={summary.data} />}
      {summary.state === 'ready' && (
        <EscalationList
          filters={filters}
          list={list}
          partnerships={summary.data.partnerships}
          errors={filterErrors}
          onErrors={setFilterErrors}
        />
      )}
    </Page>
  );
}

function Overview({ summary }: { summary: DashboardSummary }) {
  const { user } = useUser();
  // The browser's clock: "due soon" is about the person's now; overdue comes from the server.
  const soon = dueSoon(summary, serverNow());
  const tasks = myTasks(user, summary);
  const overdue = overdueRows(summary);
  const partial = summary.open.total > summary.open.items.length;
  return (
    <>
      <ul class="app-figures">
        <Figure count={summary.open.total} label="open" href={`/?status=open#${LIST_ANCHOR}`} />
        <Figure
          count={summary.overdue.total}
          label="overdue"
          alert={summary.overdue.total > 0}
          href={`/?status=open&overdue=true#${LIST_ANCHOR}`}
        />
        <Figure count={soon.length} label="due in the next 2 days" href="#due-soon-heading" />
        <Figure
          count={tasks.length}
          label={tasks.length === 1 ? 'task for your role' : 'tasks for your role'}
          href="#your-tasks-heading"
        />
      </ul>
      {partial && (
        <p class="govuk-inset-text">
          Tasks and deadlines below are from the {summary.open.items.length} most recently raised of{' '}
          {plural(summary.open.total, 'open escalation')}. Use the filters to find older ones.
        </p>
      )}
      <h2 class="govuk-heading-m" id="your-tasks-heading">
        Your tasks
      </h2>
      <p class="govuk-body">
        Open stages that your role completes. The escalation’s page says whether you can record the outcome.
      </p>
      <StageTable caption="Your tasks" rows={tasks} empty="You have no tasks." />
      <h2 class="govuk-heading-m" id="overdue-heading">
        Overdue
      </h2>
      <StageTable caption="Overdue stages" rows={overdue} empty="Nothing is overdue." />
      <h2 class="govuk-heading-m" id="due-soon-heading">
        Due in the next 2 days
      </h2>
      <StageTable
        caption="Stages due in the next 2 days"
        rows={soon}
        empty="Nothing is due in the next 2 days."
      />
      <h2 class="govuk-heading-m">Open escalations by stage</h2>
      <StageCounts counts={summary.stageCounts} severalPartnerships={summary.partnerships.length > 1} />
    </>
  );
}

function Figure(props: { count: number; label: string; href: string; alert?: boolean }) {
  return (
    <li class={`app-figure${props.alert ? ' app-figure--alert' : ''}`}>
      <a class="govuk-link govuk-link--no-visited-state" href={props.href}>
        <span class="app-figure__count">{props.count}</span>
        <span class="app-figure__label">{props.label}</span>
      </a>
    </li>
  );
}
