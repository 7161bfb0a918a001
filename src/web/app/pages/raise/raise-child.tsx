/**
 * The raise form's section for the child's details (name, date of birth as GOV.UK's date input,
 * address; East Riding's parents), marked as a section of its own that says who can see them:
 * they go only to the protected store (src/api/escalations/raise.ts).
 */
import type { Partnership } from '../../api/types.js';
import { DateInput } from '../../components/date-input.js';
import { TextInput } from '../../components/fields.js';
import { Textarea } from '../../components/textarea.js';
import { LABELS, questionsFor, type ChildForm } from './raise-form.js';

export function ChildSection(props: {
  child: ChildForm;
  onChange: (child: ChildForm) => void;
  errors: Record<string, string>;
  partnership: Partnership;
}) {
  const { child, onChange, errors, partnership } = props;
  const set =
    <K extends keyof ChildForm>(name: K) =>
    (value: ChildForm[K]) =>
      onChange({ ...child, [name]: value });
  return (
    <section class="app-protected" aria-labelledby="child-heading">
      <h2 class="govuk-heading-m" id="child-heading">
        The child’s details (optional)
      </h2>
      <p class="govuk-body">
        These are kept apart from the escalation, encrypted. They are never put in an email, a message or a
        web address. Only people the procedure gives them to can see them: those who work on this escalation’s
        stages and the partnership staff who receive its reports. Each time someone looks, it is recorded.
      </p>
      <p class="govuk-body">
        The procedure’s forms need them. If you give one, give the name, date of birth and address.
      </p>
      <TextInput
        name="subject.name"
        label={LABELS['subject.name']}
        autocomplete="off"
        spellcheck={false}
        value={child.name}
        error={errors['subject.name']}
        onInput={set('name')}
      />
      <DateInput
        name="subject.dateOfBirth"
        legend={LABELS['subject.dateOfBirth']}
        hint="For example, 27 3 2015"
        value={child.dateOfBirth}
        error={errors['subject.dateOfBirth']}
        onChange={set('dateOfBirth')}
      />
      <Textarea
        name="subject.address"
        label={LABELS['subject.address']}
        rows={3}
        autocomplete="off"
        value={child.address}
        error={errors['subject.address']}
        onInput={set('address')}
      />
      {questionsFor(partnership.id).parents && (
        <TextInput
          name="subject.parents"
          label={`${LABELS['subject.parents']} (optional)`}
          hint="Their names as your agency holds them."
          autocomplete="off"
          spellcheck={false}
          value={child.parents}
          error={errors['subject.parents']}
          onInput={set('parents')}
        />
      )}
    </section>
  );
}
