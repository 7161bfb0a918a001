/**
 * What anyone acting on the escalation may need at any stage (docs/api-acting-on-escalations.md):
 * report immediate risk (child protection procedures apply today, whatever this escalation does),
 * log a matter of serious concern (Wiltshire), withdraw it (its own page), and see the child's
 * details: fetched only when asked for (audited by the API), kept in this component's state only,
 * never cached or shown anywhere else. A refusal (403, 409) is said in plain words.
 */
import { useState } from 'preact/hooks';
import {
  getChildDetails,
  logSeriousConcern,
  reportImmediateRisk,
  type ChildDetails as Details,
} from '../../api/escalation-actions.js';
import { ApiError } from '../../api/problem.js';
import type { Escalation } from '../../api/types.js';
import { SummaryList } from '../../components/summary-list.js';
import { WarningText } from '../../components/warning-text.js';
import { formatDate } from '../../format.js';
import { pathTo } from '../../route-paths.js';

/** Tells the page what happened, for its banner. */
export type Announce = (title: string, text: string) => void;

const explain = (error: unknown, fallback: string) =>
  error instanceof ApiError && error.problem.detail ? error.problem.detail : fallback;

export function ImmediateRisk({ escalation, announce }: { escalation: Escalation; announce: Announce }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const open = escalation.status === 'open';
  const report = async () => {
    setSending(true);
    setProblem(null);
    try {
      const answer = await reportImmediateRisk(escalation.id);
      announce('Immediate risk reported', `${answer.detail} Child protection procedures still apply today.`);
    } catch (error) {
      setProblem(
        explain(error, 'The report could not be sent. Act under your child protection procedures now.'),
      );
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="immediate-risk-heading">
      <h2 class="govuk-heading-m" id="immediate-risk-heading">
        Immediate risk
      </h2>
      <WarningText>
        If a child is at immediate risk of significant harm, child protection procedures apply today. Contact
        Children’s Social Care (or the police on 999 in an emergency) and your designated safeguarding lead
        the same working day. Do not wait for this escalation.
      </WarningText>
      {open ? (
        <>
          <p class="govuk-body">
            Reporting it here also tells the designated safeguarding leads at once. The escalation carries on
            at its stage.
          </p>
          <button
            type="button"
            class="govuk-button govuk-button--warning"
            disabled={sending}
            onClick={report}
          >
            Report immediate risk
          </button>
        </>
      ) : (
        <p class="govuk-body">This escalation has ended, so it cannot pass the concern on: act directly.</p>
      )}
      {problem && (
        <p class="govuk-body app-action-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Wiltshire: log a matter of serious concern with the Chair of the QA&P Sub Group (WSCB protocol §3.1(a)). */
export function SeriousConcern({ escalation, announce }: { escalation: Escalation; announce: Announce }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const log = async () => {
    setSending(true);
    setProblem(null);
    try {
      const answer = await logSeriousConcern(escalation.id);
      announce('Serious concern logged', answer.detail);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setProblem(
        status === 403
          ? 'You cannot log a serious concern on this escalation: only its parties and the partnership’s own people can.'
          : explain(error, 'The concern could not be logged. Try again.'),
      );
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="serious-concern-heading">
      <h2 class="govuk-heading-m" id="serious-concern-heading">
        Serious concern
      </h2>
      <p class="govuk-body">
        Some cases raise matters of such serious concern that they should be logged with the Chair of the
        Quality Assurance and Performance Sub Group at once, at any level. The Chair decides whether the
        issues need a broader deep dive. The escalation carries on at its level.
      </p>
      <button type="button" class="govuk-button govuk-button--secondary" disabled={sending} onClick={log}>
        Log a serious concern
      </button>
      {problem && (
        <p class="govuk-body app-action-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

export function Withdraw({ escalation }: { escalation: Escalation }) {
  return (
    <section aria-labelledby="withdraw-heading">
      <h2 class="govuk-heading-m" id="withdraw-heading">
        Withdraw
      </h2>
      <p class="govuk-body">
        If the disagreement no longer needs to go on, your agency can withdraw it. You will be asked why.
      </p>
      <a
        class="govuk-button govuk-button--secondary"
        href={pathTo('escalationWithdraw', { id: escalation.id })}
      >
        Withdraw this escalation
      </a>
    </section>
  );
}

export function ChildDetails({ escalation }: { escalation: Escalation }) {
  const [details, setDetails] = useState<Details | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const show = async () => {
    setLoading(true);
    setProblem(null);
    try {
      setDetails(await getChildDetails(escalation.id));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setProblem(
        status === 403
          ? 'You cannot see the child’s details. Only those acting on this escalation’s stages, or sent its documents, may see them. Your request has been recorded.'
          : status === 404
            ? 'No child’s details are stored for this escalation’s case reference.'
            : 'The child’s details cannot be shown just now. Try again.',
      );
    } finally {
      setLoading(false);
    }
  };
  return (
    <section aria-labelledby="child-heading" aria-busy={loading}>
      <h2 class="govuk-heading-m" id="child-heading">
        The child’s details
      </h2>
      {details ? (
        <>
          <SummaryList
            rows={[
              { key: 'Name', value: details.name },
              { key: 'Date of birth', value: formatDate(details.dateOfBirth) },
              { key: 'Address', value: details.address },
              ...(details.parents ? [{ key: 'Parents or carers', value: details.parents }] : []),
            ]}
          />
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => setDetails(null)}>
            Hide child’s details
          </button>
        </>
      ) : (
        <>
          <p class="govuk-body">
            Shown only to those the procedure gives them to. Every time they are shown, it is recorded who
            asked.
          </p>
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            disabled={loading}
            onClick={show}
          >
            Show child’s details
          </button>
        </>
      )}
      {problem && (
        <p class="govuk-body app-action-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
