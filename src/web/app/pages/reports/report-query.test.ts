/** The Reports page's address: the quarter by default (in London), the partnership the user may report on. */
import { expect } from 'chai';
import { dayAfter, lastDayOf, quarterOf, reportQueryOf, reportsHref } from './report-query.js';

describe('Reports page address (issue 16)', () => {
  it('Given an instant, Then its London quarter is [first day, first day of the next), across a year end and a clock change', () => {
    expect(quarterOf(Date.parse('2026-11-02T10:00:00Z'))).to.deep.equal({
      from: '2026-10-01',
      to: '2027-01-01',
    });
    // 23:30 UTC on 31 March is 00:30 on 1 April in London (BST): the second quarter.
    expect(quarterOf(Date.parse('2027-03-31T23:30:00Z'))).to.deep.equal({
      from: '2027-04-01',
      to: '2027-07-01',
    });
    expect(quarterOf(Date.parse('2027-01-01T00:00:00Z'))).to.deep.equal({
      from: '2027-01-01',
      to: '2027-04-01',
    });
  });

  it('Given an address, Then a partnership the user may not report on falls back to the first she may, days are kept as given, and no partnership means no query', () => {
    const now = Date.parse('2026-11-02T10:00:00Z');
    expect(
      reportQueryOf({ partnership: 'wiltshire', from: '2026-11-02', to: '2026-11-09' }, ['liverpool'], now),
    ).to.deep.equal({
      partnership: 'liverpool',
      from: '2026-11-02',
      to: '2026-11-09',
    });
    expect(reportQueryOf({ from: 'x' }, ['liverpool', 'wiltshire'], now)).to.deep.equal({
      partnership: 'liverpool',
      from: '2026-10-01',
      to: '2027-01-01',
    });
    expect(reportQueryOf({}, [], now)).to.equal(null);
    expect(reportsHref({ partnership: 'liverpool', from: '2026-10-01', to: '2027-01-01' })).to.equal(
      '/reports?partnership=liverpool&from=2026-10-01&to=2027-01-01',
    );
    expect(lastDayOf('2027-01-01')).to.equal('2026-12-31');
    expect(dayAfter('2027-02-28')).to.equal('2027-03-01');
  });
});
