/**
 * `GET /api/v1/messages` over real HTTP, the notify worker filling the outbox and sending through a
 * real SMTP server: a school's escalation and a health trust's with the police, and who of them may
 * list which message. Another agency's messages are neither listed nor counted.
 */
import { expect } from 'chai';
import { SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';
import type { StoredMessage } from '../../src/messaging/outbox-store.js';
import { ApiHarness, type As } from './harness.js';
import { CHILD, raiseThroughEngine, type Raised } from './engine-raise.js';

interface Item {
  id: number;
  escalationId: string;
  recipient: string;
  toYou: boolean;
  status: string;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

const CS_WORKERS = 'lscb-stage1-workers.childrens-services@liverpool.example.org';
const newestFirst = (list: StoredMessage[]) =>
  [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).map((m) => m.id);

describe('API messages: GET /messages (sent to me, or about escalations I see; paged; filtered in SQL)', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  let school: Raised;
  let health: Raised;
  let sam: As;
  let pat: As;
  let dora: As;

  before(async () => {
    h = await ApiHarness.start();
    await h.user('sam', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });
    await h.user('pat', {
      partnership: 'liverpool',
      agency: 'merseyside-police',
      organisation: 'merseyside-police',
      roles: ['other-agency-professional'],
    });
    // A health safeguarding lead (a role neither escalation has told) of another trust whose address is (oddly) Children's Services' Stage 1 group's.
    await h.user(
      'dora',
      {
        partnership: 'liverpool',
        agency: 'health',
        organisation: 'st-helens',
        roles: ['designated-safeguarding-lead'],
      },
      { email: CS_WORKERS.toUpperCase() },
    );
    sam = h.token('sam');
    pat = h.token('pat');
    dora = h.token('dora');
    school = await raiseThroughEngine(h, 'liverpool', { raisedBy: 'sam', raisedByOrganisation: 'st-marys' });
    health = await raiseThroughEngine(h, 'liverpool', {
      raisedByAgency: 'health',
      raisedByOrganisation: 'alder-hey',
      otherAgency: 'merseyside-police',
    });
  });
  after(async () => h?.stop());

  const page = async (as: As, query = '') => {
    const res = await h.call<Page>('GET', `/api/v1/messages${query}`, as);
    expect(res.status, res.text).to.equal(200);
    return res.body;
  };

  it('Given a school’s escalation and a health trust’s, When the school’s raiser lists messages, Then exactly the school escalation’s are listed and counted, newest first, sent over SMTP (liverpool Stage 1)', async () => {
    const expected = newestFirst(h.product.stores.outbox.forEscalation(school.escalationId));
    expect(expected.length).to.be.at.least(2);
    const all = await page(sam, '?pageSize=100');
    expect(all.total).to.equal(expected.length);
    expect(all.items.map((m) => m.id)).to.deep.equal(expected);
    expect(all.items.every((m) => m.status === 'sent')).to.equal(true);
    // The raiser is told personally at their own address.
    expect(all.items.filter((m) => m.toYou).map((m) => m.recipient)).to.include('sam@people.example.org');
  });

  it('Given pageSize 1, When page 2 is asked, Then it holds the second newest and the same total', async () => {
    const expected = newestFirst(h.product.stores.outbox.forEscalation(school.escalationId));
    const second = await page(sam, '?page=2&pageSize=1');
    expect(second).to.deep.include({ total: expected.length, page: 2, pageSize: 1 });
    expect(second.items.map((m) => m.id)).to.deep.equal(expected.slice(1, 2));
  });

  it('Given the police (a party only to the health escalation), When they list, or filter by the school’s escalation, Then the school’s messages are neither listed nor counted', async () => {
    const expected = newestFirst(h.product.stores.outbox.forEscalation(health.escalationId));
    const all = await page(pat, '?pageSize=100');
    expect(all.total).to.equal(expected.length);
    expect(all.items.map((m) => m.id)).to.deep.equal(expected);
    const filtered = await page(pat, `?escalation=${school.escalationId}`);
    expect(filtered).to.deep.equal({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('Given a user who may see neither escalation but whose address is Children’s Services’ Stage 1 group’s, When they list, Then only the messages sent to that address, marked toYou', async () => {
    const toAddress = h.product.stores.outbox
      .forEscalation(school.escalationId)
      .filter((m) => m.recipient === CS_WORKERS);
    expect(toAddress.length).to.be.greaterThan(0);
    const all = await page(dora, '?pageSize=100');
    expect(all.total).to.equal(toAddress.length);
    expect(all.items.every((m) => m.toYou && m.recipient === CS_WORKERS)).to.equal(true);
  });

  it('Given the status filter, When sent, queued or failed is asked, Then the outbox’s status decides; an unknown status is 400 naming it', async () => {
    const count = h.product.stores.outbox.forEscalation(school.escalationId).length;
    expect((await page(sam, '?status=sent')).total).to.equal(count);
    expect((await page(sam, '?status=queued')).total).to.equal(0);
    expect((await page(sam, '?status=failed')).total).to.equal(0);
    const bad = await h.call<{ errors: { path: string }[] }>('GET', '/api/v1/messages?status=lost', sam);
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e) => e.path)).to.deep.equal(['query.status']);
    const big = await h.call('GET', '/api/v1/messages?pageSize=101', sam);
    expect(big.status).to.equal(400);
  });

  it('Given every listed message, Then none carries the child’s details or the disagreement’s text; anonymous is 401', async () => {
    const text = JSON.stringify([await page(sam, '?pageSize=100'), await page(pat, '?pageSize=100')]);
    for (const secret of [CHILD.name, CHILD.address, CHILD.dateOfBirth, SAMPLE_ESCALATION.disagreement])
      expect(text).not.to.include(secret);
    expect((await h.call('GET', '/api/v1/messages', null)).status).to.equal(401);
  });
});
