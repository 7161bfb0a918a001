/**
 * Wiltshire through /api/v1 (issue 14): Ash school disputes Wiltshire Children's Services' decision;
 * the WSCB protocol on resolving significant case disagreements takes it from the safeguarding lead
 * through every level to Leader to Leader, where it is stuck and the QA&P Sub Group's mediator
 * resolves it; on the way a serious concern is logged with the QA&P Chair. The WSCB sets no
 * timescales, so the "breach" is a level's reminder falling due on the fake clock.
 */
import { expect } from 'chai';
import { expectNothingOfTheChild, failWithTheChild, Journey, type Child, type Run } from './journey.js';

const CHILD: Child = {
  name: 'Leopold Fenwick-Arbuthnot',
  dateOfBirth: '2014-03-09',
  address: '5 Cowslip Row, Pewsey SN9 5ZQ',
  fragments: ['Leopold', 'Arbuthnot', 'Cowslip', '09/03/2014', '9 Mar 2014', '9 March 2014'],
};
const W = (agency: string | null, organisation: string | null, roles: string[]) => ({
  partnership: 'wiltshire',
  agency,
  organisation,
  roles,
});
const PEOPLE = {
  wren: W('school', 'ash-school', ['raising-professional']),
  will: W('childrens-services', 'wilts-csc', ['line-manager']),
  sid: W('school', 'ash-school', ['senior-manager']),
  lea: W('childrens-services', 'wilts-csc', ['agency-leader']),
  quin: W(null, null, ['qap-chair']),
  quade: W(null, null, ['qap-sub-group']),
  mo: W(null, null, ['qap-mediator']),
};
const unresolved = { outcome: 'unresolved', unresolvedReason: 'The decision is still disputed' };

describe('Wiltshire through /api/v1: every level to mediation, a serious concern, and a reminder (WSCB protocol on resolving significant case disagreements)', function () {
  this.timeout(300_000);
  const j = new Journey();
  const runs: Run[] = [];
  before(async () => j.start(PEOPLE));
  after(async () => j.stop());

  it('Given a concern thought through with the safeguarding lead, When Professional to Professional, Manager to Manager and Senior Manager to Senior Manager cannot agree, a serious concern is logged with the QA&P Chair on the way, and Leader to Leader is stuck, Then the QA&P Sub Group offers its mediator, the mediation resolves it and every party is told (§2.4, §2.5, §3.1(a), §3.1(c); "Resolving disagreements about a case")', async () => {
    const run = await j.raise('wren', 'mo', {
      caseReference: 'WSCB/E2E/0001',
      otherOrganisation: 'wilts-csc',
      subject: { name: CHILD.name, dateOfBirth: CHILD.dateOfBirth, address: CHILD.address },
    });
    runs.push(run);
    await run.told([['think-through-with-safeguarding-lead', 'designated-safeguarding-lead']]);
    await run.complete('wren', 'Raise_SafeguardingLead', {
      outcome: 'agreed',
      decisionDetails: 'Threshold evidence reviewed with the lead',
    });
    await run.told([
      ['stage-started', 'raising-professional'],
      ['stage-started', 'other-agency-professional'],
    ]);
    await run.complete('wren', 'Level1_RecordOutcome', unresolved);
    await run.told([['stage-started', 'line-manager']]);
    await run.complete('will', 'Level2_RecordOutcome', unresolved);
    await run.told([['stage-started', 'senior-manager']]);
    // §3.1(a): logged with the Chair at any level; the Chair decides on a deep dive, the level carries on.
    await run.act('sid', 'serious-concern');
    await run.told([['qap-serious-concern', 'qap-chair']]);
    await run.complete('quin', 'SeriousConcern_DeepDiveDecision', {
      outcome: 'agreed',
      decisionDetails: 'Deep dive into threshold decisions for neglect',
    });
    await run.complete('sid', 'Level3_RecordOutcome', unresolved);
    await run.told([['stage-started', 'agency-leader']]);
    await run.complete('lea', 'Level4_RecordOutcome', {
      outcome: 'stuck',
      unresolvedReason: 'High risk, no clear way forward',
    });
    await run.told([
      ['qap-stuck-case', 'qap-sub-group'],
      ['stuck-case', 'all-parties'],
    ]);
    await run.complete('quade', 'Mediation_OfferMediator', {
      outcome: 'qap-mediator',
      decisionDetails: 'A mediator from an agency not involved; meeting next week',
    });
    await run.told([
      ['mediation-request', 'qap-mediator'],
      ['mediation-offer', 'all-parties'],
    ]);
    await run.complete('lea', 'Mediation_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'A joint plan with a review in six weeks',
      actionPlan: 'Review meeting booked',
    });
    await run.told([['outcome-confirmation', 'all-parties']]);
    const end = await run.expectEnd('resolved', [], 'wren');
    expect(end.records.map((r) => r.kind)).to.include.members([
      'serious-concern-logged',
      'qap-deep-dive-decision',
      'resolution',
    ]);
  });

  it('Given no fixed timescale, When the Professional to Professional reminder falls due on the fake clock, Then the professionals are reminded, nothing closes, and they resolve it ("Timescales for a resolution will vary")', async () => {
    const run = await j.raise('wren', 'mo', {
      caseReference: 'WSCB/E2E/0002',
      otherOrganisation: 'wilts-csc',
    });
    runs.push(run);
    await run.complete('wren', 'Raise_SafeguardingLead', { outcome: 'agreed' });
    await run.told([['stage-started', 'other-agency-professional']]);
    await run.letDeadlinePass('Level1_RecordOutcome');
    await run.told([
      ['stage-reminder', 'raising-professional'],
      ['stage-reminder', 'other-agency-professional'],
    ]);
    const reminded = await run.view();
    expect(reminded.status).to.equal('open');
    expect(reminded.openTasks.map((t) => t.elementId)).to.deep.equal(['Level1_RecordOutcome']);
    await run.complete('wren', 'Level1_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Assessment agreed',
      actionPlan: 'Home visit on Thursday',
    });
    await run.told([['outcome-confirmation', 'all-parties']]);
    await run.expectEnd('resolved', [], 'wren');
  });

  it('Given the whole run (and requests refused while carrying the child’s details), Then no log line, email, message or answer holds the child’s name, date of birth or address', async () => {
    await failWithTheChild(j, 'wren', 'WSCB/E2E/0001', CHILD);
    await expectNothingOfTheChild(j, CHILD, runs);
  });
});
