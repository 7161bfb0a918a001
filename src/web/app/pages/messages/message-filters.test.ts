/** The messages page's filters in Node: read from the address as `GET /messages`'s query, and back. */
import { expect } from 'chai';
import { MESSAGES_PAGE_SIZE, messageFiltersOf, messagesHref } from './message-filters.js';

describe('Messages page filters', () => {
  it('Given an address with a status, an escalation and a page, Then the filters are exactly the API’s query', () => {
    expect(messageFiltersOf({ status: 'queued', escalation: 'e-1', page: '2' })).to.deep.equal({
      status: 'queued',
      escalation: 'e-1',
      page: 2,
      pageSize: MESSAGES_PAGE_SIZE,
    });
  });

  it('Given an unknown status, page 1 or a page that is not a whole number, Then they are left out', () => {
    for (const query of [
      { status: 'nope' },
      { page: '1' },
      { page: '2.5' },
      { page: 'x' },
      { escalation: '' },
    ])
      expect(messageFiltersOf(query)).to.deep.equal({
        status: undefined,
        escalation: undefined,
        page: undefined,
        pageSize: MESSAGES_PAGE_SIZE,
      });
  });

  it('Given filters, Then the address keeps them and leaves page 1 out', () => {
    expect(messagesHref({ status: 'sent', escalation: 'e-1' }, 3)).to.equal(
      '/messages?escalation=e-1&status=sent&page=3',
    );
    expect(messagesHref({ status: 'failed' }, 1)).to.equal('/messages?status=failed');
    expect(messagesHref({})).to.equal('/messages');
  });
});
