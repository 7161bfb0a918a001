import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { formFields, type FormComponentJson } from './form-fields.js';
import { checkFormData, referencedVariables } from './form-validation.js';

const fieldsOf = (id: string) =>
  formFields(
    (
      JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'forms', `${id}.form`), 'utf8')) as {
        components: FormComponentJson[];
      }
    ).components,
  );

describe('Camunda Form data checked as form-js would (forms/*.form, conditional.hide with feelin)', () => {
  const lineManagers = fieldsOf('liverpool-line-managers');

  it('Given the Liverpool line managers’ form, When the outcome is resolved, Then the agreed outcome and plan are required and the unresolved reason is hidden (LSCB procedure, Stage 1 Escalate to Line Manager)', () => {
    const missing = checkFormData(lineManagers, { outcome: 'resolved' }, {});
    expect(missing.errors.map((e) => e.path)).to.deep.equal(['agreedOutcome', 'actionPlan']);
    const hiddenSent = checkFormData(
      lineManagers,
      { outcome: 'resolved', agreedOutcome: 'a', actionPlan: 'b', unresolvedReason: 'c' },
      {},
    );
    expect(hiddenSent.errors).to.deep.equal([
      {
        path: 'unresolvedReason',
        message: '"Why it is not resolved" is not asked for with these answers: leave it out.',
      },
    ]);
    const ok = checkFormData(lineManagers, { outcome: 'resolved', agreedOutcome: 'a', actionPlan: 'b' }, {});
    expect(ok).to.deep.equal({
      values: { outcome: 'resolved', agreedOutcome: 'a', actionPlan: 'b' },
      errors: [],
    });
  });

  it('Given the same form, When the outcome is unresolved, Then only the reason is required and the agreed outcome is refused', () => {
    const r = checkFormData(lineManagers, { outcome: 'unresolved', agreedOutcome: 'x' }, {});
    expect(r.errors.map((e) => e.path)).to.deep.equal(['agreedOutcome', 'unresolvedReason']);
  });

  it('Given a submission with values the form does not allow, Then each field is named, never the value', () => {
    const r = checkFormData(
      lineManagers,
      {
        outcome: 'maybe',
        professionalsMeeting: 3,
        agencyEscalationNumber: 'no spaces allowed',
        concern: 'x'.repeat(2001),
        childName: 'Someone',
      },
      {},
    );
    expect(r.errors.map((e) => e.path).sort()).to.deep.equal([
      'agencyEscalationNumber',
      'childName',
      'concern',
      'outcome',
      'professionalsMeeting',
    ]);
    expect(JSON.stringify(r.errors)).not.to.include('Someone').and.not.to.include('no spaces');
  });

  it('Given the Head of the Safeguarding Unit’s decision form, When a supported request is declined, Then why it is not normally agreed is required; when agreed it is refused (LSCP procedure 3.2.2)', () => {
    const fields = fieldsOf('safeguarding-unit-conference-decision');
    const base = { requestSupportedBy: 'senior-manager', decisionDetails: 'd' };
    expect(
      checkFormData(fields, { ...base, outcome: 'declined' }, {}).errors.map((e) => e.path),
    ).to.deep.equal(['notNormallyAgreedReason']);
    expect(
      checkFormData(fields, { ...base, outcome: 'declined', requestSupportedBy: 'none' }, {}).errors,
    ).to.deep.equal([]);
    expect(
      checkFormData(fields, { ...base, outcome: 'agreed', notNormallyAgreedReason: 'r' }, {}).errors.map(
        (e) => e.path,
      ),
    ).to.deep.equal(['notNormallyAgreedReason']);
  });

  it('Given a dynamic list (Liverpool Stage 2 “other professionals”), Then each entry’s fields are checked by path', () => {
    const fields = fieldsOf('liverpool-stage-2');
    const r = checkFormData(
      fields,
      {
        outcome: 'unresolved',
        unresolvedReason: 'r',
        discussionDate: '2026-11-31',
        otherProfessionals: [{ role: 'Named Nurse', agency: 'health' }, { agency: 'nowhere' }],
      },
      {},
    );
    expect(r.errors.map((e) => e.path).sort()).to.deep.equal([
      'discussionDate',
      'otherProfessionals.1.agency',
      'otherProfessionals.1.role',
    ]);
  });

  it('Given an expression that reads a variable the form does not ask for, Then it is reported and read from the process variables', () => {
    const fields = formFields([
      {
        type: 'radio',
        key: 'outcome',
        label: 'Outcome',
        values: [{ value: 'resolved' }, { value: 'unresolved' }],
      },
      {
        type: 'textarea',
        key: 'iroNote',
        label: 'Note for the IRO',
        validate: { required: true },
        conditional: { hide: '=not(childStatus = "CPP")' },
      },
    ]);
    expect(referencedVariables(fields)).to.deep.equal(['childStatus']);
    expect(checkFormData(fields, { outcome: 'resolved' }, { childStatus: 'CPP' }).errors).to.have.length(1);
    expect(checkFormData(fields, { outcome: 'resolved' }, { childStatus: 'none' }).errors).to.deep.equal([]);
    // A submitted field never takes an earlier stage's value from the process: the form's own fields win.
    expect(referencedVariables(lineManagers)).to.deep.equal([]);
  });
});
