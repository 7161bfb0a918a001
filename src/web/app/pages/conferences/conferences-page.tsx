/**
 * The conference chair's view (`/conferences`): adjourned conferences with the time left to each
 * adjournment's expiry (a countdown against the service's clock, once a minute, never announced),
 * its calendar invite (`GET /escalations/:id/invites/:dueVariable.ics`, the same event as the
 * emailed one), what has gone to arbitration, and the other steps the chair's role records; each
 * row links to the escalation's page, where the step's form is. The countdowns are plain text; one
 * polite live region ({@link AdjournmentStatus}) speaks only when an adjournment enters its last
 * hour or runs out while the page is open.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { API_BASE } from '../../api/client.js';
import { partiesText } from '../../components/parties.js';
import { StageDue } from '../../components/stage-due.js';
import { TableWrapper } from '../../components/table-wrapper.js';
import { useResource } from '../../hooks/use-resource.js';
import { pathTo } from '../../route-paths.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { AdjournmentStatus } from './adjournment-status.js';
import { loadChairView, type ChairRow, type ChairStageKind, type ChairView } from './conference-data.js';
import { Countdown } from './countdown-text.js';
import { TableHead } from '../../components/table-head.js';

/** Where on the escalation's page its open steps (and their forms) are. */
const OPEN_STEPS_ANCHOR = 'now-heading';

export default function ConferencesPage() {
  const { user, partnerships } = useUser();
  const [loads, setLoads] = useState(0);
  const view = useResource((signal) => loadChairView(user, partnerships, signal), [user.username, loads]);
  if (view.state === 'failed') return <FailedPage error={view.error} />;
  return (
    <Page title="Conferences" width="full" loading={view.state === 'loading'}>
      {view.state === 'ready' && <ChairSections view={view.data} onRefresh={() => setLoads((n) => n + 1)} />}
    </Page>
  );
}

function ChairSections({ view, onRefresh }: { view: ChairView; onRefresh: () => void }) {
  const has = (kind: ChairStageKind) => view.stages.some((s) => s.kind === kind);
  const rows = (kind: ChairStageKind) => view.rows.filter((r) => r.chairStage.kind === kind);
  const several = new Set(view.stages.map((s) => s.partnership.id)).size > 1;
  if (!view.stages.length)
    return <p class="govuk-body">Your roles record no conference or chair’s steps in your partnerships.</p>;
  return (
    <>
      <p class="govuk-body">
        The escalations waiting for a chair: adjourned conferences and the time left, what has gone to
        arbitration, and the other steps your role records.
      </p>
      {view.partial && (
        <p class="govuk-inset-text">
          Each list shows the 100 most recently raised escalations at that step. Use the dashboard’s filters
          to find older ones.
        </p>
      )}
      {has('adjournment') && (
        <Section
          id="adjourned"
          heading="Adjourned conferences"
          empty="No conference is adjourned now."
          rows={rows('adjournment')}
          intro={adjournmentIntro(view)}
          status={<AdjournmentStatus rows={rows('adjournment')} onRefresh={onRefresh} />}
          several={several}
        />
      )}
      {has('arbitration') && (
        <Section
          id="arbitration"
          heading="Arbitration"
          empty="Nothing is waiting for arbitration."
          rows={rows('arbitration')}
          intro={
            <p class="govuk-body">
              Escalations whose conference went to arbitration, at the arbitration step.
            </p>
          }
          several={several}
        />
      )}
      {has('step') && (
        <Section
          id="steps"
          heading="Other steps for your role"
          empty="Nothing is waiting for you."
          rows={rows('step')}
          several={several}
        />
      )}
    </>
  );
}

function adjournmentIntro(view: ChairView): ComponentChildren {
  const stage = view.stages.find((s) => s.kind === 'adjournment')!.stage;
  const arbitration = view.stages.some((s) => s.kind === 'arbitration');
  return (
    <p class="govuk-body">
      A conference that cannot agree is adjourned for at most {stage.timescale}, while the chair talks to each
      agency’s named senior manager. In the meantime the child is the subject of a Child Protection Plan.
      {arbitration ? ' If it is still not resolved, or the time runs out, it goes to arbitration.' : ''} Add
      an adjournment’s expiry to your calendar with its invite: it is the same event as the one emailed to
      you, so it updates that event rather than adding another.
    </p>
  );
}

interface SectionProps {
  id: string;
  heading: string;
  empty: string;
  rows: ChairRow[];
  intro?: ComponentChildren;
  /** The adjournments' live region, after the intro. */
  status?: ComponentChildren;
  /** The user chairs in several partnerships: each row names its partnership. */
  several: boolean;
}

function Section({ id, heading, empty, rows, intro, status, several }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 class="govuk-heading-m" id={`${id}-heading`}>
        {heading}
      </h2>
      {intro}
      {status}
      {rows.length === 0 ? (
        <p class="govuk-body">{empty}</p>
      ) : (
        <ChairTable caption={heading} rows={rows} several={several} />
      )}
    </section>
  );
}

function ChairTable({ caption, rows, several }: { caption: string; rows: ChairRow[]; several: boolean }) {
  const adjourned = rows[0]!.chairStage.kind === 'adjournment';
  const headings = adjourned
    ? ['Case reference', 'Between', 'Time left', 'Calendar', 'Outcome']
    : ['Case reference', 'Between', 'Step', 'Deadline', 'Go to it'];
  return (
    <TableWrapper label={caption}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
        <TableHead columns={headings} />
        <tbody class="govuk-table__body">
          {rows.map((r) => (
            <Row
              key={`${r.escalation.id}:${r.open.elementId}`}
              row={r}
              adjourned={adjourned}
              several={several}
            />
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}

function Row({ row, adjourned, several }: { row: ChairRow; adjourned: boolean; several: boolean }) {
  const { escalation: e, chairStage, open } = row;
  const ref = e.caseReference;
  const page = pathTo('escalation', { id: e.id });
  const dueVariable = chairStage.stage.dueVariable;
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">
        <a class="govuk-link" href={page}>
          {ref}
        </a>
        {several && <span class="govuk-body-s govuk-!-display-block">{chairStage.partnership.name}</span>}
      </th>
      <td class="govuk-table__cell">{partiesText(e.parties)}</td>
      {adjourned ? (
        <>
          <td class="govuk-table__cell">{open.due ? <Countdown due={open.due} /> : 'No deadline'}</td>
          <td class="govuk-table__cell">
            {dueVariable && (
              <a
                class="govuk-link"
                href={`${API_BASE}/escalations/${encodeURIComponent(e.id)}/invites/${dueVariable}.ics`}
                download
              >
                Download the invite (.ics)<span class="govuk-visually-hidden"> for {ref}’s adjournment</span>
              </a>
            )}
          </td>
        </>
      ) : (
        <>
          <td class="govuk-table__cell">{open.name}</td>
          <td class="govuk-table__cell">
            <StageDue due={open.due} overdue={open.overdue} />
          </td>
        </>
      )}
      <td class="govuk-table__cell">
        <a class="govuk-link" href={`${page}#${OPEN_STEPS_ANCHOR}`}>
          {adjourned ? 'Record the outcome' : 'Go to the step'}
          <span class="govuk-visually-hidden"> for {ref}</span>
        </a>
      </td>
    </tr>
  );
}
