/**
 * The raise form's logic in Node: the body sent to `POST /escalations` from what was typed (empty
 * answers sent for the API to name, optional ones left out, other partnerships' questions never
 * sent, the child's details only when given), and the API's errors in plain words.
 */
import { expect } from 'chai';
import { ApiError } from '../../api/problem.js';
import { emptyForm, plainMessage, raiseErrors, raiseRequestOf } from './raise-form.js';

describe('Web raise form: the request and its errors', () => {
  it('Given an empty Liverpool form, When sent, Then every required field goes as typed (empty) for the API to name, and no subject, partnership or other partnership’s question', () => {
    const body = raiseRequestOf(emptyForm({ partnership: 'liverpool' }), false);
    expect(body).to.deep.equal({
      caseReference: '',
      raisedByRole: '',
      otherAgency: '',
      otherAgencyRole: '',
      disagreementContext: '',
      disagreement: '',
      outcomeSought: '',
      timescaleSought: '',
      immediateRisk: false,
      childStatus: '',
    });
  });

  it('Given a Wiltshire form of a user in several partnerships with the child’s details, Then partnership, serious concern and subject are sent, a date that is not real as typed, and no parents (East Riding’s question)', () => {
    const form = emptyForm({
      partnership: 'wiltshire',
      caseReference: ' W/2026/1 ',
      otherOrganisation: ' ',
      levelOfNeed: 'S17',
      seriousConcern: true,
      child: {
        name: 'Ada',
        dateOfBirth: { day: '30', month: '2', year: '2015' },
        address: 'x',
        parents: 'P',
      },
    });
    const body = raiseRequestOf(form, true);
    expect(body).to.deep.include({
      partnership: 'wiltshire',
      caseReference: 'W/2026/1',
      seriousConcern: true,
    });
    expect(body).to.not.have.any.keys('otherOrganisation', 'levelOfNeed');
    expect(body.subject).to.deep.equal({ name: 'Ada', dateOfBirth: '2015-02-30', address: 'x' });
    const eastRiding = raiseRequestOf({ ...form, partnership: 'east-riding' }, false);
    expect(eastRiding.subject).to.deep.include({ parents: 'P' });
    expect(eastRiding).to.not.have.any.keys('seriousConcern', 'partnership');
  });

  it('Given the API’s messages, Then a missing answer asks for it, a long one gives the limit, the case reference rules are plain, and others name the field', () => {
    const form = emptyForm({ caseReference: 'Ada Example', disagreement: 'x'.repeat(4001) });
    expect(plainMessage('otherAgency', 'Invalid input: expected string, received undefined', form)).to.equal(
      'Select the other agency',
    );
    expect(plainMessage('disagreement', 'Too big: expected string to have <=4000 characters', form)).to.equal(
      'What you disagree about must be 4,000 characters or fewer',
    );
    expect(
      plainMessage('caseReference', 'a case reference contains at least one digit (never a name)', form),
    ).to.match(/^Case reference must include at least one number/);
    expect(
      plainMessage(
        'otherOrganisation',
        'another organisation than yours: the other party is in your own agency',
        form,
      ),
    ).to.equal('Other organisation: another organisation than yours: the other party is in your own agency');
    expect(plainMessage('subject.dateOfBirth', 'a date as YYYY-MM-DD', form)).to.equal(
      'Enter the child’s date of birth, or leave all the child’s details empty',
    );
  });

  it('Given a 400, 409, 403 or a failure of the service, Then the errors are by field or for the page', () => {
    const form = emptyForm();
    const bad = new ApiError(400, {
      title: 'Bad request',
      status: 400,
      errors: [{ path: 'body.caseReference', message: 'Invalid input: expected string, received undefined' }],
    });
    expect(raiseErrors(bad, form)).to.deep.equal({ caseReference: 'Enter the case reference' });
    const conflict = new ApiError(409, {
      title: 'Conflict',
      status: 409,
      detail: 'Another child’s details…',
    });
    expect(raiseErrors(conflict, form)).to.deep.equal({ caseReference: 'Another child’s details…' });
    const staff = new ApiError(403, { title: 'Forbidden', status: 403, detail: 'You are a member of…' });
    expect(raiseErrors(staff, form)).to.deep.equal({ _: 'You are a member of…' });
    expect(raiseErrors(new ApiError(500, { title: 'x', status: 500 }), form)._).to.match(/Nothing was saved/);
  });
});
