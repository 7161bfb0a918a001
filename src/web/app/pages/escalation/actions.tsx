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
const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : 0);

/**
 * One button's request to the API: `busy` while it runs (the button is disabled), and what went
 * wrong, in the plain words `failure` gives for the error, shown by `<Problem>`.
 */
function useRequest() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (request: () => Promise<void>, failure: (error: unknown) => string) => {
    setBusy(true);
    setProblem(null);
    try {
      await request();
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p class="govuk-body app-action-problem" role="alert">
      {text}
    </p>
  ) : null;
}

export function ImmediateRisk({ escalation, announce }: { escalation: Escalation; announce: Announce }) {
  const { busy, problem, run } = useRequest();
  const open = escalation.status === 'open';
  const report = () =>
    run(
      async () => {
        const answer = await reportImmediateRisk(escalation.id);
        announce(
          'Immediate risk reported',
          `${answer.detail} Child protection procedures still apply today.`,
        );
      },
      (error) =>
        explain(error, 'The report could not be sent. Act under your child protection procedures now.'),
    );
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
          <button type="button" class="govuk-button govuk-button--warning" disabled={busy} onClick={report}>
            Report immediate risk
          </button>
        </>
      ) : (
        <p class="govuk-body">This escalation has ended, so it cannot pass the concern on: act directly.</p>
      )}
      <Problem text={problem} />
    </section>
  );
}

/** Wiltshire: log a matter of serious concern with the Chair of the QA&P Sub Group (WSCB protocol §3.1(a)). */
export function SeriousConcern({ escalation, announce }: { escalation: Escalation; announce: Announce }) {
  const { busy, problem, run } = useRequest();
  const log = () =>
    run(
      async () => {
        const answer = await logSeriousConcern(escalation.id);
        announce('Serious concern logged', answer.detail);
      },
      (error) =>
        statusOf(error) === 403
          ? 'You cannot log a serious concern on this escalation: only its parties and the partnership’s own people can.'
          : explain(error, 'The concern could not be logged. Try again.'),
    );
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
      <button type="button" class="govuk-button govuk-button--secondary" disabled={busy} onClick={log}>
        Log a serious concern
      </button>
      <Problem text={problem} />
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
  const { busy, problem, run } = useRequest();
  const show = () =>
    run(
      async () => setDetails(await getChildDetails(escalation.id)),
      (error) =>
        statusOf(error) === 403
          ? 'You cannot see the child’s details. Only those acting on this escalation’s stages, or sent its documents, may see them. Your request has been recorded.'
          : statusOf(error) === 404
            ? 'No child’s details are stored for this escalation’s case reference.'
            : 'The child’s details cannot be shown just now. Try again.',
    );
  return (
    <section aria-labelledby="child-heading" aria-busy={busy}>
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
          <button type="button" class="govuk-button govuk-button--secondary" disabled={busy} onClick={show}>
            Show child’s details
          </button>
        </>
      )}
      <Problem text={problem} />
    </section>
  );
}
