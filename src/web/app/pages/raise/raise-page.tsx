/**
 * Raise an escalation (`/raise`): the start contract's fields in one form with sections (the
 * reasons are in src/web/README.md), for the partnership the user raises in, with its agencies and
 * roles from `GET /partnerships/:id`. Errors come from the API's problem details, shown next to
 * each field and in the summary; nothing is raised or stored until every field is right. Once
 * raised, the escalation's page opens.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getPartnership } from '../../api/partnerships.js';
import { raiseEscalation } from '../../api/raise.js';
import type { Membership, Partnership } from '../../api/types.js';
import { ErrorSummary, summaryOf } from '../../components/error-summary.js';
import { Radios } from '../../components/radios.js';
import { useResource } from '../../hooks/use-resource.js';
import { pathTo } from '../../route-paths.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { emptyForm, FIELD_ORDER, LABELS, raiseErrors, raiseRequestOf, type RaiseForm } from './raise-form.js';
import { ChildSection } from './raise-child.js';
import { CaseSection, DisagreementSection, PartiesSection, RiskSection } from './raise-sections.js';

const TITLE = 'Raise an escalation';

/** The memberships one can raise from: in an agency (the partnership's own staff raise none). */
export function raisingMemberships(memberships: Membership[], partnerships: { id: string }[]): Membership[] {
  return memberships.filter((m) => m.agency !== null && partnerships.some((p) => p.id === m.partnership));
}

/** The form's answers for a newly chosen partnership: your role when you hold one, the usual other role. */
function formFor(partnership: string, membership: Membership | undefined): RaiseForm {
  return emptyForm({
    partnership,
    raisedByRole: membership?.roles.length === 1 ? membership.roles[0]! : '',
    otherAgencyRole: 'other-agency-professional',
  });
}

export default function RaisePage() {
  const { user, partnerships } = useUser();
  const raising = raisingMemberships(user.memberships, partnerships);
  const only = raising.length === 1 ? raising[0] : undefined;
  const [form, setForm] = useState<RaiseForm>(() => formFor(only?.partnership ?? '', only));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { route } = useLocation();
  const detail = useResource<Partnership | null>(
    (signal) => (form.partnership ? getPartnership(form.partnership, signal) : Promise.resolve(null)),
    [form.partnership],
  );
  if (raising.length === 0) return <CannotRaise />;
  if (detail.state === 'failed') return <FailedPage error={detail.error} />;

  const set =
    <K extends keyof RaiseForm>(name: K) =>
    (value: RaiseForm[K]) =>
      setForm((f) => ({ ...f, [name]: value }));
  const choose = (partnership: string) => {
    const membership = raising.find((m) => m.partnership === partnership);
    setForm((f) => ({ ...formFor(partnership, membership), caseReference: f.caseReference }));
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const escalation = await raiseEscalation(raiseRequestOf(form, raising.length > 1));
      route(pathTo('escalation', { id: escalation.id }));
    } catch (error) {
      setErrors(raiseErrors(error, form));
      setBusy(false);
    }
  };

  const summary = summaryOf(errors, FIELD_ORDER);
  const membership = raising.find((m) => m.partnership === form.partnership);
  const partnership = detail.state === 'ready' ? detail.data : null;
  return (
    <Page title={TITLE} error={summary.length > 0} before={<ErrorSummary errors={summary} />}>
      <p class="govuk-body">
        Raise a professional disagreement about a child with another agency, under your partnership’s
        escalation procedure. Everyone involved is told, and each stage’s deadline is worked out for you.
      </p>
      <form noValidate onSubmit={submit} aria-busy={detail.state === 'loading'}>
        {raising.length > 1 && (
          <Radios
            name="partnership"
            legend={LABELS.partnership}
            hint="The partnership whose procedure applies to this child."
            value={form.partnership}
            error={errors.partnership}
            onChange={choose}
            items={raising.map((m) => ({
              value: m.partnership,
              text: partnerships.find((p) => p.id === m.partnership)?.name ?? m.partnership,
            }))}
          />
        )}
        {partnership && membership && (
          <>
            <CaseSection form={form} set={set} errors={errors} partnership={partnership} />
            <RiskSection form={form} set={set} errors={errors} partnership={partnership} />
            <PartiesSection
              form={form}
              set={set}
              errors={errors}
              partnership={partnership}
              membership={membership}
            />
            <DisagreementSection form={form} set={set} errors={errors} partnership={partnership} />
            <ChildSection
              child={form.child}
              onChange={set('child')}
              errors={errors}
              partnership={partnership}
            />
            <button type="submit" class="govuk-button" aria-disabled={busy || undefined}>
              Raise the escalation
            </button>
          </>
        )}
      </form>
    </Page>
  );
}

function CannotRaise() {
  return (
    <Page title={TITLE}>
      <p class="govuk-body">
        You are a member of your partnership’s own staff, not of an agency. An escalation is raised by a
        professional for their agency: ask the professional who disagrees to raise it.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          Go to your dashboard
        </a>
      </p>
    </Page>
  );
}
