/**
 * The browser app's pure logic, run in Node: the API's field paths to form fields, the dashboard's
 * filters in the address, the pagination's page numbers, the app's paths (shared with the server),
 * where sign-in returns to, and GOV.UK date parts.
 */
import { expect } from 'chai';
import { fieldErrorsOf, fieldId, fieldName } from './api/problem.js';
import { queryString } from './api/client.js';
import { datePartsOf, isoDateOf } from './components/date-input.js';
import { pageNumbers } from './components/pagination.js';
import { applyForm, dashboardHref, filtersOf, formOf } from './pages/dashboard/filters.js';
import { returnPath, signInErrors, tooManyAttempts } from './pages/sign-in.js';
import { ApiError } from './api/problem.js';
import { isAppPath, pathTo, routeAt } from './route-paths.js';

describe('Web app logic', () => {
  it('Given a problem’s errors, When read for a form, Then each field gets its first message by name, without the request part', () => {
    expect(fieldName('body.subject.name')).to.equal('subject.name');
    expect(fieldName('query.page')).to.equal('page');
    expect(fieldId('subject.name')).to.equal('subject-name');
    const errors = fieldErrorsOf({
      title: 'Bad request',
      status: 400,
      errors: [
        { path: 'body.caseReference', message: 'first' },
        { path: 'body.caseReference', message: 'second' },
        { path: 'body', message: 'whole body' },
      ],
    });
    expect(errors).to.deep.equal({ caseReference: 'first', _: 'whole body' });
  });

  it('Given the dashboard’s address, When read and written back, Then the filters are the API’s query and page 1 is left out', () => {
    const filters = filtersOf({ status: 'open', overdue: 'true', stage: 'Stage1_RecordOutcome', page: '3' });
    expect(filters).to.deep.include({
      status: 'open',
      overdue: 'true',
      stage: 'Stage1_RecordOutcome',
      page: 3,
    });
    expect(filtersOf({ status: 'shut', page: '0' })).to.deep.include({ status: undefined, page: undefined });
    expect(dashboardHref(filters, 2)).to.equal(
      '/?stage=Stage1_RecordOutcome&status=open&overdue=true&page=2',
    );
    expect(dashboardHref(filters, 1)).to.equal('/?stage=Stage1_RecordOutcome&status=open&overdue=true');
    expect(queryString({ a: '', b: undefined, c: 0 })).to.equal('?c=0');
  });

  it('Given the filter form, When its dates are not real or out of order, Then it names the field; otherwise it gives ISO dates', () => {
    const form = formOf(filtersOf({}));
    expect(
      applyForm({ ...form, raisedFrom: { day: '30', month: '2', year: '2026' } }),
    ).to.have.nested.property('errors.raisedFrom');
    const swapped = applyForm({
      ...form,
      raisedFrom: { day: '3', month: '11', year: '2026' },
      raisedTo: { day: '2', month: '11', year: '2026' },
    });
    expect(swapped).to.have.nested.property('errors.raisedTo');
    const ok = applyForm({ ...form, raisedFrom: { day: '2', month: '11', year: '2026' }, overdue: true });
    expect(ok).to.deep.equal({
      filters: {
        partnership: undefined,
        agency: undefined,
        stage: undefined,
        status: undefined,
        overdue: 'true',
        raisedFrom: '2026-11-02',
        raisedTo: undefined,
      },
    });
    expect(datePartsOf('2026-01-09')).to.deep.equal({ day: '9', month: '1', year: '2026' });
    expect(isoDateOf({ day: '', month: '', year: '' })).to.equal('');
    expect(isoDateOf({ day: '29', month: '2', year: '2028' })).to.equal('2028-02-29');
  });

  it('Given a long list, When paged, Then first, last and the neighbours of the current page are shown with gaps', () => {
    expect(pageNumbers(1, 1)).to.deep.equal([1]);
    expect(pageNumbers(1, 3)).to.deep.equal([1, 2, 3]);
    expect(pageNumbers(6, 20)).to.deep.equal([1, null, 5, 6, 7, null, 20]);
    expect(pageNumbers(20, 20)).to.deep.equal([1, null, 19, 20]);
  });

  it('Given the app’s paths, When matched, Then only they and their parameters match, and sign-in returns only within the app', () => {
    expect(['/', '/sign-in', '/escalations/abc'].every(isAppPath)).to.equal(true);
    expect(['/escalations', '/escalations/a/b', '/nope'].some(isAppPath)).to.equal(false);
    expect(pathTo('escalation', { id: 'a/b' })).to.equal('/escalations/a%2Fb');
    // The page at a path, for the server's preloads and the app's early requests.
    expect(routeAt('/escalations/a%2Fb')).to.deep.equal({ page: 'escalation', params: { id: 'a/b' } });
    expect(routeAt('/escalations/x/withdraw')).to.deep.equal({
      page: 'escalationWithdraw',
      params: { id: 'x' },
    });
    expect(routeAt('/')).to.deep.equal({ page: 'dashboard', params: {} });
    expect(['/escalations', '/escalations/a/b', '/nope'].map(routeAt)).to.deep.equal([null, null, null]);
    expect(returnPath('/escalations/x')).to.equal('/escalations/x');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', undefined])
      expect(returnPath(bad)).to.equal('/');
  });

  it('Given a failed sign-in, When explained, Then 401 is at the password without saying which was wrong, 429 says how many minutes to wait', () => {
    expect(signInErrors(new ApiError(401, { title: 'Unauthorized', status: 401 }))).to.have.keys('password');
    expect(signInErrors(new ApiError(429, { title: 'Too many', status: 429 }, 600))._).to.contain(
      'Wait 10 minutes',
    );
    expect(tooManyAttempts(30)).to.contain('Wait 1 minute,');
    expect(signInErrors(new TypeError('x'))).to.have.keys('_');
  });
});
