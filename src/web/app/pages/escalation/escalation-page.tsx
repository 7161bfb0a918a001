/**
 * One escalation (`/escalations/:id`): where it stands, what needs doing now (the open stage's form
 * for whoever may record its outcome), the partnership's diagram with the path taken and the
 * current stage marked, every stage's deadline with its explanation, the documents, the messages,
 * what anyone acting on it may do (immediate risk, a Wiltshire serious concern, withdraw, the
 * child's details), the record with its chain status and the timeline. An escalation the user may
 * not see answers 404 from the API and shows the not-found page, exactly as one that does not exist.
 * A chunk of its own (bpmn-js and form-js are further chunks, fetched as soon as this one runs).
 */
import { useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Completed } from '../../api/escalation-actions.js';
import type { Escalation } from '../../api/types.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { partiesText } from '../../components/parties.js';
import { SummaryList } from '../../components/summary-list.js';
import { StatusTag } from '../../components/tags.js';
import { formatDateTime } from '../../format.js';
import { useFocusWhen } from '../../hooks/use-focus.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { ChildDetails, ImmediateRisk, SeriousConcern, Withdraw } from './actions.js';
import { loadViewer, ProcedureDiagram } from './diagram.js';
import { inRaisingParty } from './escalation-view.js';
import { takeFlash, type Flash } from './flash.js';
import { Documents, Messages, Record, Timeline } from './history.js';
import { OpenTasks } from './open-tasks.js';
import { Stages } from './stages.js';
import { loadFormJs } from './task-form.js';
import { useEscalation } from './use-escalation.js';

// Fetched alongside the escalation rather than after it.
void loadViewer().catch(() => undefined);
void loadFormJs().catch(() => undefined);

export default function EscalationPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const { resource, replace, follow } = useEscalation(id);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [banner, setBanner] = useState<Flash | null>(() => takeFlash(id));
  const bannerRef = useRef<HTMLDivElement>(null);
  const { user } = useUser();

  useFocusWhen(bannerRef, banner !== null, [banner]);

  if (resource.state === 'loading') return <Page title="Escalation" loading />;
  if (resource.state === 'failed') return <FailedPage error={resource.error} />;
  const e = resource.data;

  const announce = (title: string, text: string) => {
    setErrors([]);
    setBanner({ title, text });
    follow((now) => now.timeline.length > e.timeline.length);
  };
  const completed = (answer: Completed) => {
    replace(answer.escalation);
    setBanner({
      title: 'Outcome recorded',
      text: answer.pending
        ? 'The next step is being started. This page shows it in a moment.'
        : 'The escalation has moved on.',
    });
    follow((now) => moved(now, answer.completed.taskId));
  };

  return (
    <Page
      title={`Escalation ${e.caseReference}`}
      heading={e.caseReference}
      caption="Escalation"
      width="full"
      error={errors.length > 0}
      before={
        <>
          <ErrorSummary errors={errors} />
          {banner && (
            <div tabIndex={-1} ref={bannerRef} class="app-banner-focus">
              <NotificationBanner type="success">
                <p class="govuk-notification-banner__heading">{banner.title}</p>
                <p class="govuk-body">{banner.text}</p>
              </NotificationBanner>
            </div>
          )}
        </>
      }
    >
      <SummaryList
        rows={[
          { key: 'Status', value: <StatusTag status={e.status} /> },
          { key: 'Raised', value: formatDateTime(e.raisedAt) },
          { key: 'Between', value: partiesText(e.parties) },
          {
            key: 'Current stage',
            value: e.openTasks.length ? e.openTasks.map((t) => t.name).join(', ') : 'None',
          },
        ]}
      />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <OpenTasks escalation={e} onErrors={setErrors} onCompleted={completed} />
        </div>
      </div>
      <ProcedureDiagram escalation={e} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Stages escalation={e} />
          <Documents documents={e.documents} />
        </div>
      </div>
      <Messages messages={e.messages} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ImmediateRisk escalation={e} announce={announce} />
          {e.partnership === 'wiltshire' && e.status === 'open' && (
            <SeriousConcern escalation={e} announce={announce} />
          )}
          {e.status === 'open' && inRaisingParty(user, e) && <Withdraw escalation={e} />}
          <ChildDetails escalation={e} />
        </div>
      </div>
      <Record records={e.records} parties={e.parties} />
      <Timeline timeline={e.timeline} />
    </Page>
  );
}

/** The page has something new after a completion: another stage open, or the escalation ended. */
function moved(now: Escalation, completedTaskId: string): boolean {
  return now.status !== 'open' || now.openTasks.some((t) => t.id !== completedTaskId);
}
