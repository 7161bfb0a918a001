/**
 * The Safeguarding Unit partnership through /api/v1 (issue 14): Oak Academy disputes Children's
 * Services' decision; "Resolving professional disagreements" (the LSCP procedure) takes it from the
 * practitioners through the first-line managers, the all-parties meeting and the senior managers
 * (who ask the Safeguarding Unit for consultation) to the Head of the Safeguarding Unit. The
 * procedure sets no deadlines at these levels, so the "breach" is the practitioners' reminder falling
 * due on the fake clock; that escalation then meets immediate risk and is withdrawn.
 */
import { expect } from 'chai';
import { expectNothingOfTheChild, failWithTheChild, Journey, type Child, type Run } from './journey.js';

const CHILD: Child = {
  name: 'Ottilie Gravenor-Ashcombe',
  dateOfBirth: '2017-01-30',
  address: '9 Pennywort Yard, Nowhere NX5 8QQ',
  fragments: ['Ottilie', 'Gravenor', 'Pennywort', '30/01/2017', '30 Jan 2017', '30 January 2017'],
};
const S = (agency: string | null, organisation: string | null, roles: string[]) => ({
  partnership: 'safeguarding-unit',
  agency,
  organisation,
  roles,
});
const PEOPLE = {
  sue: S('school', 'oak-academy', ['raising-professional']),
  sal: S('school', 'oak-academy', ['line-manager']),
  otto: S('childrens-services', 'su-csc', ['other-agency-professional']),
  sean: S('childrens-services', 'su-csc', ['senior-manager']),
  hedda: S(null, null, ['head-of-safeguarding-unit']),
  cc: S(null, null, ['conference-chair']),
};
const unresolved = { outcome: 'unresolved', unresolvedReason: 'The decision is still disputed' };

describe('Safeguarding Unit partnership through /api/v1: every level to the Head of the Safeguarding Unit, and a reminder then withdrawal (Resolving professional disagreements)', function () {
  this.timeout(300_000);
  const j = new Journey();
  const runs: Run[] = [];
  before(async () => j.start(PEOPLE));
  after(async () => j.stop());

  it('Given the practitioners, the first-line managers and the all-parties meeting cannot agree, When the senior managers consult the Safeguarding Unit and then refer it to the top, Then the Head of the Safeguarding Unit resolves it, each level’s people and advisers are told and every party gets the advice and the outcome (2.1-2.5, 2.7, 3.1.2, 3.1.4)', async () => {
    const run = await j.raise('sue', 'cc', {
      caseReference: 'LSCP/E2E/0001',
      otherOrganisation: 'su-csc',
      subject: { name: CHILD.name, dateOfBirth: CHILD.dateOfBirth, address: CHILD.address },
    });
    runs.push(run);
    await run.told([
      ['safeguarding-lead-guidance', 'safeguarding-lead'],
      ['stage-started', 'raising-professional'],
      ['stage-started', 'other-agency-professional'],
    ]);
    await run.complete('sue', 'Stage1_RecordOutcome', unresolved);
    await run.told([
      ['stage-started', 'line-manager'],
      ['designated-professional-advice', 'senior-manager'],
    ]);
    await run.complete('sal', 'Stage2_RecordOutcome', unresolved);
    await run.told([
      ['stage-started', 'senior-manager'],
      ['all-parties-meeting', 'all-parties'],
    ]);
    await run.complete('sue', 'Meeting_RecordOutcome', {
      ...unresolved,
      discussionDate: '2026-11-12',
      agenciesInvolved: ['school', 'childrens-services'],
    });
    await run.told([
      ['meeting-outcome', 'all-parties'],
      ['stage-started', 'senior-manager'],
    ]);
    await run.complete('sean', 'Stage3_RecordOutcome', {
      ...unresolved,
      outcome: 'consult-safeguarding-unit',
    });
    await run.told([['safeguarding-unit-consultation', 'head-of-safeguarding-unit']]);
    await run.complete('hedda', 'Consultation_RecordOutcome', {
      outcome: 'advice-given',
      decisionDetails: 'Re-read the threshold document together',
    });
    await run.told([['safeguarding-unit-advice', 'all-parties']]);
    await run.complete('sean', 'Stage3_RecordOutcome', { ...unresolved, outcome: 'top-reached' });
    await run.told([['stage-started', 'head-of-safeguarding-unit']]);
    await run.complete('hedda', 'Stage4_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Strategy discussion to be held',
      actionPlan: 'Strategy discussion by Wednesday',
    });
    await run.told([['outcome-confirmation', 'all-parties']]);
    const end = await run.expectEnd('resolved', [], 'sue');
    expect(end.records.filter((r) => r.kind === 'stage-outcome').map((r) => r.outcome)).to.deep.equal([
      'unresolved',
      'unresolved',
      'unresolved',
      'consult-safeguarding-unit',
      'advice-given',
      'top-reached',
      'resolved',
    ]);
  });

  it('Given the practitioners’ reminder falls due on the fake clock, When the other agency then reports immediate risk and the raiser withdraws it, Then they are reminded, the safeguarding leads are told the same working day, and the withdrawal ends it with every party told (2.3, 1.5)', async () => {
    const run = await j.raise('sue', 'cc', { caseReference: 'LSCP/E2E/0002', otherOrganisation: 'su-csc' });
    runs.push(run);
    await run.told([['stage-started', 'other-agency-professional']]);
    await run.letDeadlinePass('Stage1_RecordOutcome');
    await run.told([
      ['stage-reminder', 'raising-professional'],
      ['stage-reminder', 'other-agency-professional'],
    ]);
    await run.act('otto', 'immediate-risk');
    await run.told([['immediate-risk', 'designated-safeguarding-lead']]);
    expect((await run.view()).openTasks.map((t) => t.elementId)).to.deep.equal(['Stage1_RecordOutcome']);
    await run.act('sue', 'withdraw', { reason: 'The agencies agreed a way forward outside the escalation' });
    await run.told([['withdrawn', 'all-parties']]);
    await run.expectEnd('withdrawn', [], 'sue');
  });

  it('Given the whole run (and requests refused while carrying the child’s details), Then no log line, email, message or answer holds the child’s name, date of birth or address', async () => {
    await failWithTheChild(j, 'sue', 'LSCP/E2E/0001', CHILD);
    await expectNothingOfTheChild(j, CHILD, runs);
  });
});
