/**
 * The raise form's sections (the page's state is in raise-page.tsx): the case, immediate risk (and
 * Wiltshire's serious concern), who disagrees and the disagreement (the child's details are in
 * raise-child.tsx).
 */
import type { Membership, Partnership } from '../../api/types.js';
import { ConditionalCheckbox } from '../../components/conditional-checkbox.js';
import { Select, TextInput } from '../../components/fields.js';
import { Radios } from '../../components/radios.js';
import { Textarea } from '../../components/textarea.js';
import { WarningText } from '../../components/warning-text.js';
import { LABELS, questionsFor, type RaiseForm } from './raise-form.js';

export interface SectionProps {
  form: RaiseForm;
  set: <K extends keyof RaiseForm>(name: K) => (value: RaiseForm[K]) => void;
  errors: Record<string, string>;
  partnership: Partnership;
}

/** What each disagreement context means, in the words of the person raising it. */
const CONTEXTS: Record<string, { text: string; hint: string }> = {
  'referral-enquiry': {
    text: 'A referral or an enquiry',
    hint: 'For example, a referral not accepted, or a decision about a Section 47 enquiry',
  },
  'conference-request': {
    text: 'A request for a child protection conference',
    hint: 'For example, a request to convene a conference that was refused',
  },
  'conference-decision': {
    text: 'A child protection conference’s decision',
    hint: 'A difference of view at or about a conference (the conference chair manages it)',
  },
  'cp-plan': { text: 'A child protection plan', hint: 'How the plan is working, or a change to it' },
  general: { text: 'Something else about the child’s case', hint: 'Any other professional disagreement' },
};
const CONTEXT_ORDER = Object.keys(CONTEXTS);

/** A role's title as the partnership names it in this agency (Liverpool's differ by agency). */
export function roleTitle(partnership: Partnership, role: string, agency?: string | null): string {
  const r = partnership.roles.find((x) => x.role === role);
  if (!r) return role;
  return (agency ? r.titles[agency] : undefined) ?? r.titles['*'] ?? r.description;
}

export function CaseSection({ form, set, errors, partnership }: SectionProps) {
  const contexts = new Set(partnership.diagrams.flatMap((d) => d.contexts));
  const q = questionsFor(partnership.id);
  return (
    <>
      <h2 class="govuk-heading-m" id="case-heading">
        The case
      </h2>
      <TextInput
        name="caseReference"
        label={LABELS.caseReference}
        hint="Your agency’s reference for the child’s case, for example LCC/2026/0042. Never the child’s name."
        width={20}
        spellcheck={false}
        autocomplete="off"
        value={form.caseReference}
        error={errors.caseReference}
        onInput={set('caseReference')}
      />
      <Radios
        name="disagreementContext"
        legend={LABELS.disagreementContext}
        hint="This decides which part of the procedure is followed."
        value={form.disagreementContext}
        error={errors.disagreementContext}
        onChange={set('disagreementContext')}
        items={CONTEXT_ORDER.filter((c) => contexts.has(c)).map((c) => ({ value: c, ...CONTEXTS[c]! }))}
      />
      <Radios
        name="childStatus"
        legend="Is the child on a child protection plan or looked after?"
        value={form.childStatus}
        error={errors.childStatus}
        onChange={set('childStatus')}
        items={[
          { value: 'CPP', text: 'On a child protection plan' },
          { value: 'CLA', text: 'Looked after by the local authority' },
          { value: 'none', text: 'Neither' },
        ]}
      />
      {q.levelOfNeed && (
        <Radios
          name="levelOfNeed"
          legend={`${LABELS.levelOfNeed} (optional)`}
          value={form.levelOfNeed}
          error={errors.levelOfNeed}
          onChange={set('levelOfNeed')}
          items={[
            { value: 'Early Help', text: 'Early Help' },
            { value: 'S17', text: 'Section 17: a child in need' },
            { value: 'S47', text: 'Section 47: a child protection enquiry' },
          ]}
        />
      )}
    </>
  );
}

export function RiskSection({ form, set, errors, partnership }: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m" id="risk-heading">
        Risk to the child
      </h2>
      <ConditionalCheckbox
        name="immediateRisk"
        label="Immediate risk: the child is at risk of significant harm now"
        hint="Tick this if you think the child is at immediate risk of significant harm."
        checked={form.immediateRisk}
        error={errors.immediateRisk}
        onChange={set('immediateRisk')}
      >
        <WarningText id="immediate-risk-warning">
          Child protection procedures apply today. Do not wait for this escalation: refer your concern through
          your agency’s child protection procedures today, the same working day, and speak to your designated
          safeguarding lead now. Raising the escalation also tells the safeguarding leads at once.
        </WarningText>
      </ConditionalCheckbox>
      {questionsFor(partnership.id).seriousConcern && (
        <ConditionalCheckbox
          name="seriousConcern"
          label="Serious concern: log it with the Quality Assurance and Performance Chair now"
          hint="For a matter of such serious concern that it cannot wait for the levels of the procedure."
          checked={form.seriousConcern}
          error={errors.seriousConcern}
          onChange={set('seriousConcern')}
        >
          <p class="govuk-body">
            The Chair of the Quality Assurance and Performance Sub Group is told when you raise it, whatever
            level the disagreement is at.
          </p>
        </ConditionalCheckbox>
      )}
    </>
  );
}

export function PartiesSection(props: SectionProps & { membership: Membership }) {
  const { form, set, errors, partnership, membership } = props;
  const agency = partnership.agencies.find((a) => a.id === membership.agency);
  const agencyRoles = partnership.roles.filter((r) => r.scope === 'agency' && r.role !== 'all-parties');
  return (
    <>
      <h2 class="govuk-heading-m" id="parties-heading">
        Who disagrees
      </h2>
      <p class="govuk-body">
        You are raising it for{' '}
        <strong>
          {membership.organisationName ?? membership.organisation ?? agency?.name ?? membership.agency}
        </strong>
        {membership.organisation && agency ? ` (${agency.name})` : ''}.
      </p>
      <Radios
        name="raisedByRole"
        legend={LABELS.raisedByRole}
        value={form.raisedByRole}
        error={errors.raisedByRole}
        onChange={set('raisedByRole')}
        items={membership.roles.map((role) => ({
          value: role,
          text: roleTitle(partnership, role, membership.agency),
          hint: partnership.roles.find((r) => r.role === role)?.description,
        }))}
      />
      <Select
        name="otherAgency"
        label={LABELS.otherAgency}
        hint="The agency you disagree with."
        value={form.otherAgency}
        error={errors.otherAgency}
        onChange={set('otherAgency')}
        options={[
          { value: '', text: 'Choose the agency' },
          ...partnership.agencies.map((a) => ({ value: a.id, text: a.name })),
        ]}
      />
      <TextInput
        name="otherOrganisation"
        label={`${LABELS.otherOrganisation} (optional)`}
        hint="Its short name in this service, for example alder-hey. Leave it empty if the other party is the whole agency. If you disagree with another part of your own agency, you must name it."
        width={20}
        spellcheck={false}
        autocomplete="off"
        value={form.otherOrganisation}
        error={errors.otherOrganisation}
        onInput={set('otherOrganisation')}
      />
      <Select
        name="otherAgencyRole"
        label={LABELS.otherAgencyRole}
        hint="Usually the professional in the other agency whose decision you disagree with."
        value={form.otherAgencyRole}
        error={errors.otherAgencyRole}
        onChange={set('otherAgencyRole')}
        options={[
          { value: '', text: 'Choose the role' },
          ...agencyRoles.map((r) => ({ value: r.role, text: r.description })),
        ]}
      />
    </>
  );
}

export function DisagreementSection({ form, set, errors }: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m" id="disagreement-heading">
        The disagreement
      </h2>
      <p class="govuk-body">
        Everyone told about the escalation can read these answers. Use the case reference, never the child’s
        name.
      </p>
      <Textarea
        name="disagreement"
        label={LABELS.disagreement}
        hint="What was decided or done, and why you disagree."
        value={form.disagreement}
        error={errors.disagreement}
        onInput={set('disagreement')}
      />
      <Textarea
        name="outcomeSought"
        label={LABELS.outcomeSought}
        hint="What you want to happen for the child."
        rows={3}
        value={form.outcomeSought}
        error={errors.outcomeSought}
        onInput={set('outcomeSought')}
      />
      <TextInput
        name="timescaleSought"
        label={LABELS.timescaleSought}
        hint="By when it needs to happen, for example ‘within 5 working days’."
        value={form.timescaleSought}
        error={errors.timescaleSought}
        onInput={set('timescaleSought')}
      />
    </>
  );
}
