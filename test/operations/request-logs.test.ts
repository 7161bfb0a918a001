/**
 * Structured JSON logs with a request id, never a personal field (issue 16, Operations). A whole
 * API flow about one child runs over real HTTP with the real workers (raise with the child's details,
 * read them, complete Stage 1 so the form worker prints them into Liverpool's Summary Log, read the
 * document as PDF and JSON, and the mistakes people make: a bad field, another child under the same
 * case reference, the child's name typed as a username, in a URL or in X-Request-Id); then every
 * line the product logged is JSON, no line holds any of the child's details, and every answer's
 * X-Request-Id is the id of its access line.
 */
import { expect } from 'chai';
import { jsonLineLogger } from '../../src/log/logger.js';
import { ApiHarness, type Answer, type As } from '../api/harness.js';
import { createPeople, openTask, raise } from '../api/acting.fixtures.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

const CHILD = {
  name: 'Hyacinth Oyelaran-Pemberton',
  dateOfBirth: '2015-08-27',
  address: '9 Cobblewick Close, Nowhere NX9 4PL',
  parents: 'Delphine and Rufus Oyelaran-Pemberton',
};
const SECRETS = [
  CHILD.name,
  'Hyacinth',
  'Oyelaran',
  'Pemberton',
  CHILD.dateOfBirth,
  '27/08/2015',
  CHILD.address,
  'Cobblewick',
  'NX9 4PL',
  'Delphine',
  'Rufus',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Logs: one JSON line per event, a request id on each request’s lines, never a personal field (issue 16: Operations)', function () {
  this.timeout(180_000);
  const lines: string[] = [];
  const answers: Answer[] = [];
  let h: ApiHarness;
  let sam: As;

  const call = async (...args: Parameters<ApiHarness['call']>): Promise<Answer> => {
    const answer = await h.call(...args);
    answers.push(answer);
    return answer;
  };

  before(async () => {
    h = await ApiHarness.start({ logger: jsonLineLogger((line) => lines.push(line)) });
    await createPeople(h);
    sam = h.token('sam');
    const r = await raise(h, 'liverpool', { subject: CHILD });
    expect((await call('GET', `/api/v1/escalations/${r.id}`, sam)).status).to.equal(200);
    const subject = await call('GET', `/api/v1/escalations/${r.id}/subject`, sam);
    expect(subject.text).to.include(CHILD.name);
    const stage1 = await openTask(h, r, 'Stage1_RecordOutcome');
    const done = await call('POST', `/api/v1/escalations/${r.id}/tasks/${stage1.id}/complete`, sam, {
      outcome: 'resolved',
      agreedOutcome: `Agreed with ${CHILD.parents}`,
      actionPlan: 'Assessment by Friday',
      ...appendix1,
    });
    expect(done.status, done.text).to.equal(200);
    await h.settle(r.processInstanceId);
    const [document] = h.product.stores.documents.forEscalation(r.id);
    expect(document, 'the Summary Log').to.not.equal(undefined);
    expect((await call('GET', `/api/v1/documents/${document!.id}`, sam)).status).to.equal(200);
    const json = await call('GET', `/api/v1/documents/${document!.id}?format=json`, sam);
    expect(json.text).to.include(CHILD.name);
    // The mistakes: each answered 4xx, none logging what was typed.
    const bad = await call('POST', '/api/v1/escalations', sam, { caseReference: r.caseReference, subject: { ...CHILD, dateOfBirth: '27/08/2015' } }); // prettier-ignore
    expect(bad.status).to.equal(400);
    const other = { ...CHILD, name: `${CHILD.name} Junior` };
    const conflict = await call('POST', '/api/v1/escalations', sam, { ...SCHOOL_RAISE, otherAgency: 'childrens-services', caseReference: r.caseReference, subject: other }); // prettier-ignore
    expect(conflict.status).to.equal(409);
    expect((await call('POST', '/api/v1/session', null, { username: CHILD.name, password: CHILD.dateOfBirth })).status).to.equal(401); // prettier-ignore
    expect((await call('GET', `/api/v1/escalations/${encodeURIComponent(CHILD.name)}`, sam)).status).to.be.within(400, 404); // prettier-ignore
    const spoofed = await call('GET', '/api/v1/session', sam, undefined, { 'x-request-id': CHILD.name.replace(/ /g, '-') }); // prettier-ignore
    expect(spoofed.headers.get('x-request-id')).to.match(UUID);
  });
  after(async () => h?.stop());

  it('Given the whole flow, When every log line is read, Then each is one JSON object and none holds any of the child’s details', () => {
    expect(lines.length).to.be.greaterThan(answers.length);
    for (const line of lines) {
      expect(line.endsWith('\n'), line).to.equal(true);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(parsed).to.have.property('level');
      expect(parsed).to.have.property('message');
      for (const secret of SECRETS) expect(line, `a log line holds "${secret}"`).not.to.include(secret);
    }
  });

  it('Given every answer, When its X-Request-Id is looked up, Then exactly one access line has it, with the route template and status and no raw path', () => {
    const access = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.message === 'http request'); // prettier-ignore
    for (const answer of answers) {
      const id = answer.headers.get('x-request-id');
      expect(id).to.match(UUID);
      const mine = access.filter((l) => l.requestId === id);
      expect(mine, `access line of ${id}`).to.have.length(1);
      expect(mine[0]).to.include({ status: answer.status });
      expect(String(mine[0]!.route)).to.match(/^(\/[a-z0-9/:_-]*|\(unmatched\))$/i);
      expect(String(mine[0]!.route)).not.to.match(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });
});
