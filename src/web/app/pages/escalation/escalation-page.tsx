/**
 * One escalation (`/escalations/:id`), the start of the escalation page: what it is, where it
 * stands and its open stages. The diagram (bpmn-js), the stage forms (form-js), the timeline,
 * documents and messages come with the escalation page's own work. An escalation the user may not
 * see answers 404 from the API and shows the not-found page, exactly as one that does not exist.
 * Loaded on demand (a chunk of its own), as heavy pages should be.
 */
import { useRoute } from 'preact-iso';
import { getEscalation } from '../../api/escalations.js';
import { partiesText } from '../../components/parties.js';
import { StageDue } from '../../components/stage-due.js';
import { SummaryList } from '../../components/summary-list.js';
import { StatusTag } from '../../components/tags.js';
import { formatDateTime } from '../../format.js';
import { useResource } from '../../hooks/use-resource.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';

export default function EscalationPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const escalation = useResource((signal) => getEscalation(id, signal), [id]);
  if (escalation.state === 'loading') return <Page title="Escalation" loading />;
  if (escalation.state === 'failed') return <FailedPage error={escalation.error} />;
  const e = escalation.data;
  return (
    <Page title={`Escalation ${e.caseReference}`} heading={e.caseReference} caption="Escalation" width="full">
      <SummaryList
        rows={[
          { key: 'Status', value: <StatusTag status={e.status} /> },
          { key: 'Raised', value: formatDateTime(e.raisedAt) },
          { key: 'Between', value: partiesText(e.parties) },
        ]}
      />
      <h2 class="govuk-heading-m">Open stages</h2>
      {e.openTasks.length === 0 ? (
        <p class="govuk-body">No stage is open.</p>
      ) : (
        <ul class="govuk-list">
          {e.openTasks.map((t) => (
            <li key={t.id}>
              <strong>{t.name}</strong>: <StageDue due={t.due} overdue={t.overdue} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
