/**
 * Withdrawing an escalation (`/escalations/:id/withdraw`), one thing on its own page: why (required,
 * as the API requires: it goes on the record and every party is told), then "Withdraw escalation",
 * or back without changing anything. The API decides who may (the raiser or the raising party):
 * a 403 or 409 is said in plain words; an error in the reason goes next to the field and into the
 * error summary. Done, the escalation's page opens with a banner saying so.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { withdrawEscalation } from '../../api/escalation-actions.js';
import { getEscalation } from '../../api/escalations.js';
import { ApiError } from '../../api/problem.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { ErrorMessage } from '../../components/fields.js';
import { useResource } from '../../hooks/use-resource.js';
import { pathTo } from '../../route-paths.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { setFlash } from './flash.js';

export const REASON_MAX = 2000;

/** The reason's error before it is sent, in GOV.UK's words; null when it may be sent. */
export function reasonError(reason: string): string | null {
  if (!reason.trim()) return 'Enter why you are withdrawing the escalation';
  if (reason.trim().length > REASON_MAX)
    return `The reason must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`;
  return null;
}

export default function WithdrawPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const escalation = useResource((signal) => getEscalation(id, signal), [id]);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  if (escalation.state === 'loading') return <Page title="Withdraw the escalation" loading />;
  if (escalation.state === 'failed') return <FailedPage error={escalation.error} />;
  const e = escalation.data;
  const back = pathTo('escalation', { id: e.id });

  const submit = async (event: Event) => {
    event.preventDefault();
    const local = reasonError(reason);
    setFieldError(local);
    setProblem(null);
    if (local || sending) return;
    setSending(true);
    try {
      await withdrawEscalation(e.id, reason.trim());
      setFlash(e.id, {
        title: 'Escalation withdrawn',
        text: 'The open stage has ended, the reason is on the record and every party is being told.',
      });
      route(back);
    } catch (error) {
      const failure = error instanceof ApiError ? error : null;
      const reasonMessage = failure?.fieldErrors().reason;
      if (reasonMessage) setFieldError(reasonMessage);
      else setProblem(plainProblem(failure));
    } finally {
      setSending(false);
    }
  };

  const errors: SummaryError[] = [
    ...(fieldError ? [{ field: 'reason', message: fieldError }] : []),
    ...(problem ? [{ message: problem }] : []),
  ];
  return (
    <Page
      title="Withdraw the escalation"
      heading="Why are you withdrawing this escalation?"
      caption={`Escalation ${e.caseReference}`}
      error={errors.length > 0}
      before={<ErrorSummary errors={errors} />}
    >
      {e.status !== 'open' ? (
        <p class="govuk-body">This escalation has already ended, so there is nothing to withdraw.</p>
      ) : (
        <form noValidate onSubmit={submit}>
          <p class="govuk-body">
            The stage open now ends. Every party is told that the escalation was withdrawn, and your reason
            goes on its record. It cannot be undone: a new disagreement is raised as a new escalation.
          </p>
          <div class={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label govuk-label--s" for="reason">
              Reason
            </label>
            <div class="govuk-hint" id="reason-hint">
              For example, an agreement reached in a strategy discussion. Do not include the child’s or
              family’s names.
            </div>
            {fieldError && <ErrorMessage id="reason-error">{fieldError}</ErrorMessage>}
            <textarea
              class={`govuk-textarea${fieldError ? ' govuk-textarea--error' : ''}`}
              id="reason"
              name="reason"
              rows={5}
              value={reason}
              aria-describedby={`reason-hint${fieldError ? ' reason-error' : ''}`}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          </div>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button govuk-button--warning" disabled={sending}>
              Withdraw escalation
            </button>
            <a class="govuk-link" href={back}>
              Cancel, keep the escalation going
            </a>
          </div>
        </form>
      )}
    </Page>
  );
}

function plainProblem(error: ApiError | null): string {
  if (error?.status === 403)
    return 'You cannot withdraw this escalation. Only the professional who raised it, or their organisation, can withdraw it.';
  if (error?.status === 409)
    return 'This escalation has already ended or is being withdrawn, so there is nothing to withdraw.';
  return error?.problem.detail ?? 'The escalation could not be withdrawn. Try again.';
}
