/**
 * `POST /api/v1/escalations` over real HTTP, with the real product (embedded engine on SQLite, the
 * real workers, a real SMTP server, the fake clock at Monday 2 November 2026 10:00): a raise in each
 * partnership reaches its first stage with the deadline the procedure sets and the calendar's
 * explanation; a bad field is a 400 naming it and starts or stores nothing; another child under a
 * case reference is a 409 that writes nothing; the child's details are sealed in the protected
 * store and appear in no answer, message, process variable or log line.
 */
import { expect } from 'chai';
import { ApiHarness, type As } from './harness.js';
import { jsonLineLogger } from '../../src/log/logger.js';
import { caseReference, counts, expectNoSubject, raise, SUBJECT } from './raise.fixtures.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

interface Stage {
  elementId: string;
  due: string | null;
  dueExplanation: string | null;
  overdue: boolean;
}
interface Detail {
  id: string;
  partnership: string;
  processDefinitionKey: string;
  stages: Stage[];
  openTasks: { elementId: string; canComplete: boolean; due: string | null }[];
  parties: { side: string; agency: { id: string; name: string }; organisation: { id: string } | null }[];
}

describe('POST /escalations: raising an escalation', function () {
  this.timeout(180_000);
  const logLines: string[] = [];
  let h: ApiHarness;
  const tokens: Record<string, As> = {};

  before(async () => {
    h = await ApiHarness.start({ logger: jsonLineLogger((line) => logLines.push(line)) });
    for (const partnership of [
      'safeguarding-unit',
      'east-riding',
      'northamptonshire',
      'liverpool',
      'wiltshire',
    ]) {
      const name = `dsl-${partnership}`;
      await h.user(name, {
        partnership,
        agency: 'school',
        organisation: 'oakfield-primary',
        organisationName: 'Oakfield Primary School',
        roles: ['raising-professional'],
      });
      tokens[partnership] = h.token(name);
    }
    await h.user('kim', {
      partnership: 'liverpool',
      agency: 'health',
      organisation: 'alder-trust',
      roles: ['raising-professional'],
    });
    h.grant('kim', {
      partnership: 'wiltshire',
      agency: 'health',
      organisation: 'avon-trust',
      roles: ['raising-professional'],
    });
    await h.user('bea', { partnership: 'liverpool', agency: null, roles: ['lscb-business-manager'] });
  });
  after(async () => {
    await h?.stop();
  });

  const FIRST_STAGES = [
    // partnership, diagram, first stage, its deadline from a raise at Mon 2 Nov 2026 10:00, the procedure
    [
      'safeguarding-unit',
      'SafeguardingUnitLineManagement',
      'Stage1_RecordOutcome',
      '2026-11-09T10:00:00.000Z',
      'Resolving professional disagreements 2.1, 2.3: 5 working days, the weekend skipped',
    ],
    [
      'east-riding',
      'EastRidingEscalation',
      'Stage1_RecordOutcome',
      '2026-11-07T10:00:00.000Z',
      'Resolving Inter-Agency Disagreements §2: Stages 1-4 within 5 days of raising',
    ],
    [
      'northamptonshire',
      'NorthamptonshireEscalation',
      'Stage1_RecordOutcome',
      '2026-11-04T10:00:00.000Z',
      'Professional Disagreements (Tea-break guide) Stage 1: 48 hours',
    ],
    [
      'liverpool',
      'LiverpoolEscalation',
      'Stage1_RecordOutcome',
      '2026-11-03T00:00:00.000Z',
      'LSCB Resolution & Escalation Procedure Stage 1: Day 1',
    ],
    [
      'wiltshire',
      'WiltshireEscalation',
      'Raise_SafeguardingLead',
      '2026-11-04T10:00:00.000Z',
      'Resolving significant case disagreements §2.4: thought through with the safeguarding lead first',
    ],
  ] as const;

  for (const [partnership, diagram, stage, due, cite] of FIRST_STAGES) {
    it(`Given a school's professional in ${partnership}, When they raise a general disagreement, Then it answers 201 with its Location, runs ${diagram} under the escalation id, and its first stage ${stage} is due ${due} with the calendar's explanation (${cite})`, async () => {
      const r = await raise(h, tokens[partnership]!, { subject: SUBJECT });
      expect(r.body).to.include({ partnership, processDefinitionKey: diagram, status: 'open' });
      const [instance] = await h.product.engine.listProcessInstances({ businessKey: r.id });
      expect(instance?.id).to.equal(r.processInstanceId);

      const res = await h.call<Detail>('GET', `/api/v1/escalations/${r.id}`, tokens[partnership]!);
      expect(res.status).to.equal(200);
      const [first] = res.body.stages;
      expect(first).to.include({ elementId: stage, due, overdue: false });
      // The explanation is the schedule worker's, from the partnership's working-day calendar.
      expect(first!.dueExplanation).to.be.a('string').and.to.include(`(${due})`);
      expect(res.body.openTasks.map((t) => [t.elementId, t.due, t.canComplete])).to.deep.equal([
        [stage, due, true],
      ]);
      expect(res.body.parties[0]).to.deep.include({
        side: 'raised-by',
        agency: { id: 'school', name: 'School' },
        organisation: { id: 'oakfield-primary', name: 'Oakfield Primary School' },
      });
      expect(res.body.parties[1]).to.deep.include({ side: 'other', organisation: null });
      expect(res.body.parties[1]!.agency.id).to.equal('childrens-services');
      expectNoSubject(res.text, 'GET /escalations/:id');
    });
  }

  it('Given the safeguarding unit’s explanation of 5 working days, When read, Then it names the weekend it skipped (Resolving professional disagreements 2.3)', async () => {
    const r = await raise(h, tokens['safeguarding-unit']!);
    const res = await h.call<Detail>('GET', `/api/v1/escalations/${r.id}`, tokens['safeguarding-unit']!);
    const explanation = res.body.stages[0]!.dueExplanation!;
    expect(explanation)
      .to.match(/Sat 7 Nov 2026/)
      .and.to.match(/Sun 8 Nov 2026/);
  });

  it('Given the safeguarding unit’s specific processes, When a disagreement about a conference decision or a child protection plan is raised, Then the diagram for that context runs (Resolving professional disagreements 3.3, 3.4)', async () => {
    const as = tokens['safeguarding-unit']!;
    const dissent = await raise(h, as, { disagreementContext: 'conference-decision' });
    expect(dissent.body.processDefinitionKey).to.equal('SafeguardingUnitConferenceDissent');
    const plan = await raise(h, as, { disagreementContext: 'cp-plan' });
    expect(plan.body.processDefinitionKey).to.equal('SafeguardingUnitCpPlan');
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    [
      'a case reference without a digit (a name typed into it)',
      { caseReference: 'Wenceslas' },
      'body.caseReference',
    ],
    ['a role the raiser does not hold', { raisedByRole: 'line-manager' }, 'body.raisedByRole'],
    ['an agency the partnership does not have', { otherAgency: 'fire-service' }, 'body.otherAgency'],
    [
      'a partnership-wide role as the other professional',
      { otherAgencyRole: 'lscb-independent-chair' },
      'body.otherAgencyRole',
    ],
    [
      'the raiser’s own agency without another organisation',
      { otherAgency: 'school' },
      'body.otherOrganisation',
    ],
    [
      'the raiser’s own organisation as the other party',
      { otherAgency: 'school', otherOrganisation: 'oakfield-primary' },
      'body.otherOrganisation',
    ],
    ['an unknown child status', { childStatus: 'maybe' }, 'body.childStatus'],
    ['a flag as text', { immediateRisk: 'no' }, 'body.immediateRisk'],
    ['an empty disagreement', { disagreement: '   ' }, 'body.disagreement'],
    ['no outcome sought', { outcomeSought: undefined }, 'body.outcomeSought'],
    ['an unknown context', { disagreementContext: 'complaint' }, 'body.disagreementContext'],
    ['an unknown level of need', { levelOfNeed: 'S48' }, 'body.levelOfNeed'],
    ['its own escalation id', { escalationId: 'chosen-by-client-1' }, 'body.escalationId'],
    ['its own raise time', { raisedAt: '2026-01-01T00:00:00Z' }, 'body.raisedAt'],
    ['another agency for the raiser', { raisedByAgency: 'health' }, 'body.raisedByAgency'],
    ['another raiser', { raisedBy: 'someone-else' }, 'body.raisedBy'],
    ['a partnership the user is not a member of', { partnership: 'wiltshire' }, 'body.partnership'],
    [
      'an impossible date of birth',
      { subject: { ...SUBJECT, dateOfBirth: '2017-02-30' } },
      'body.subject.dateOfBirth',
    ],
    [
      'a date of birth that is no date',
      { subject: { ...SUBJECT, dateOfBirth: '2017-13-45' } },
      'body.subject.dateOfBirth',
    ],
    [
      'an unknown field in the child’s details',
      { subject: { ...SUBJECT, nhsNumber: '943 476 5919' } },
      'body.subject.nhsNumber',
    ],
  ];

  it('Given a bad field, When raised, Then each answers 400 naming that field, without echoing the child, and no process is started and nothing is stored', async () => {
    const as = tokens.liverpool!;
    const before = await counts(h);
    for (const [what, over, path] of BAD) {
      const res = await h.call<{ errors: { path: string }[] }>('POST', '/api/v1/escalations', as, {
        ...SCHOOL_RAISE,
        caseReference: caseReference(),
        subject: SUBJECT,
        ...over,
      });
      expect(res.status, `${what}: ${res.text}`).to.equal(400);
      expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(
        res.body.errors.map((e) => e.path),
        what,
      ).to.include(path);
      expectNoSubject(res.text, what);
    }
    expect(await counts(h)).to.deep.equal(before);
  });

  it('Given a user in two partnerships, When they raise without naming one, Then 400 names partnership and lists theirs; naming one raises it there', async () => {
    const as = h.token('kim');
    const res = await h.call<{ errors: { path: string; message: string }[] }>(
      'POST',
      '/api/v1/escalations',
      as,
      {
        ...SCHOOL_RAISE,
        caseReference: caseReference(),
      },
    );
    expect(res.status).to.equal(400);
    expect(res.body.errors).to.deep.equal([
      {
        path: 'body.partnership',
        message: 'required: you belong to several partnerships (liverpool, wiltshire)',
      },
    ]);
    const r = await raise(h, as, { partnership: 'wiltshire' });
    expect(r.body.partnership).to.equal('wiltshire');
    expect((r.body.parties as Detail['parties'])[0]!.organisation?.id).to.equal('avon-trust');
  });

  it('Given the partnership’s own staff (no agency), When they raise, Then 403 explains that a professional raises it for their agency, and nothing is started (LSCB Resolution & Escalation Procedure: "Practitioners should take responsibility for their own cases")', async () => {
    const before = await counts(h);
    const res = await h.call<{ detail: string }>('POST', '/api/v1/escalations', h.token('bea'), {
      ...SCHOOL_RAISE,
      caseReference: caseReference(),
    });
    expect(res.status).to.equal(403);
    expect(res.body.detail).to.match(/raised by a professional for their agency/);
    expect(await counts(h)).to.deep.equal(before);
  });

  it('Given a browser session, When it raises without the CSRF token, Then 403 and nothing is started', async () => {
    const session = await h.signIn('dsl-liverpool');
    const before = await counts(h);
    const res = await h.call(
      'POST',
      '/api/v1/escalations',
      session,
      { ...SCHOOL_RAISE, caseReference: caseReference() },
      {
        'x-csrf-token': 'not-the-token',
      },
    );
    expect(res.status).to.equal(403);
    expect(await counts(h)).to.deep.equal(before);
    const ok = await h.call('POST', '/api/v1/escalations', session, {
      ...SCHOOL_RAISE,
      caseReference: caseReference(),
    });
    expect(ok.status).to.equal(201);
  });

  it('Given a child stored under a case reference, When another child is raised under it, Then 409 and nothing at all is written or started; the same child again raises a second escalation', async () => {
    const as = tokens.liverpool!;
    const first = await raise(h, as, { subject: SUBJECT });
    const before = await counts(h);
    const other = { ...SUBJECT, name: 'Somebody Else-Entirely' };
    const res = await h.call<{ detail: string }>('POST', '/api/v1/escalations', as, {
      ...SCHOOL_RAISE,
      caseReference: first.caseReference,
      subject: other,
    });
    expect(res.status).to.equal(409);
    expect(res.text).to.not.include('Somebody');
    expectNoSubject(res.text, '409');
    await new Promise((resolve) => setTimeout(resolve, 200)); // a process wrongly started would be recording by now
    expect(await counts(h)).to.deep.equal(before);
    expect(h.product.stores.subjects.get('liverpool', first.caseReference)).to.deep.equal(SUBJECT);

    const again = await raise(h, as, { caseReference: first.caseReference, subject: SUBJECT });
    expect(again.id).to.not.equal(first.id);
    expect(h.product.stores.subjects.get('liverpool', first.caseReference)).to.deep.equal(SUBJECT);
  });

  it('Given a raise with the child’s details, When everything about it is read, Then the details are sealed in the protected store only: not in the raise’s or any later answer, the engine’s variables, a message or a log line', async () => {
    const as = tokens.northamptonshire!;
    const r = await raise(h, as, { subject: SUBJECT });
    const row = h.product.stores.db
      .prepare('SELECT sealed FROM subjects WHERE partnership = ? AND case_reference = ?')
      .get('northamptonshire', r.caseReference) as { sealed: Buffer };
    expectNoSubject(row.sealed.toString('latin1'), 'the sealed row');
    expect(h.product.stores.subjects.get('northamptonshire', r.caseReference)).to.deep.equal(SUBJECT);

    expectNoSubject(JSON.stringify(r.body), 'the 201 answer');
    expectNoSubject((await h.call('GET', `/api/v1/escalations/${r.id}`, as)).text, 'GET /escalations/:id');
    expectNoSubject((await h.call('GET', '/api/v1/escalations', as)).text, 'GET /escalations');
    const variables = await h.product.engine.getProcessVariables(r.processInstanceId);
    expectNoSubject(JSON.stringify(variables), 'process variables');
    for (const m of h.product.stores.outbox.forEscalation(r.id))
      expectNoSubject([m.subject, m.text, m.html, m.ics ?? ''].join('\n'), `message ${m.template}`);
    expect(logLines.length, 'the product logged').to.be.greaterThan(0);
    expectNoSubject(logLines.join('\n'), 'the log');
  });

  it('Given the engine refuses to start the process (its diagram was removed), When raised with the child’s details, Then the request fails and nothing is stored: no child, no index row', async () => {
    const deployments = await h.product.engine.listDeployments();
    const wiltshire = await h.product.engine.listProcessDefinitions({ key: 'WiltshireEscalation' });
    for (const d of deployments.filter((x) => wiltshire.some((w) => w.deploymentId === x.id)))
      await h.product.engine.deleteDeployment(d.id, { cascade: true });
    const before = await counts(h);
    const ref = caseReference();
    const res = await h.call('POST', '/api/v1/escalations', tokens.wiltshire!, {
      ...SCHOOL_RAISE,
      caseReference: ref,
      subject: SUBJECT,
    });
    expect(res.status).to.be.at.least(500);
    expectNoSubject(res.text, 'the failure');
    expect(await counts(h)).to.deep.equal(before);
    expect(h.product.stores.subjects.has('wiltshire', ref)).to.equal(false);
    expectNoSubject(logLines.join('\n'), 'the log');
  });
});
