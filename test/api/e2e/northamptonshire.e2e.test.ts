/**
 * Northamptonshire through /api/v1 (issue 14): Ridgeway school disputes Northamptonshire Children's
 * Services' decision; the NSCP Tea-break guide "Professional Disagreements" (The Process) takes it
 * through Stage 1, Stage 2, two levels of Stage 3, Stage 4 and the Strategic Lead's Stage 5
 * mediation; a second escalation breaches Stage 1's 2 working days on the fake clock.
 */
import { expect } from 'chai';
import { expectNothingOfTheChild, failWithTheChild, Journey, type Child, type Run } from './journey.js';

const CHILD: Child = {
  name: 'Barnaby Tresillian-Mbeki',
  dateOfBirth: '2013-06-02',
  address: '17 Quernstone Walk, Daventry NN11 9ZZ',
  fragments: ['Barnaby', 'Tresillian', 'Quernstone', '02/06/2013', '2 Jun 2013', '2 June 2013'],
};
const N = (agency: string | null, organisation: string | null, roles: string[]) => ({
  partnership: 'northamptonshire',
  agency,
  organisation,
  roles,
});
const PEOPLE = {
  nia: N('school', 'ridgeway', ['raising-professional']),
  nora: N('school', 'ridgeway', ['line-manager']),
  nate: N('childrens-services', 'nn-csc', ['senior-manager']),
  dora: N('school', 'ridgeway', ['director-chief-executive']),
  stella: N(null, null, ['nscp-strategic-lead']),
  bo: N(null, null, ['nscp-business-office']),
};
/** Each stage ends with a mutually agreed plan of action, whatever the outcome. */
const onward = {
  outcome: 'unresolved',
  unresolvedReason: 'No shared view of the risk',
  actionPlan: 'Both agencies share the assessment by Friday',
};

describe('Northamptonshire through /api/v1: Stages 1 to 5 with mediation, and a Stage 1 breach (NSCP Tea-break guide "Professional Disagreements")', function () {
  this.timeout(300_000);
  const j = new Journey();
  const runs: Run[] = [];
  before(async () => j.start(PEOPLE));
  after(async () => j.stop());

  it('Given a school raises a disagreement, When Stages 1 and 2, two levels of senior managers and the Directors cannot agree, Then a Strategic Lead offers mediation, the mediation resolves it, the Partnership gets its report and every party the outcome (The Process, Stages 1-5)', async () => {
    const run = await j.raise('nia', 'bo', {
      caseReference: 'NSCP/E2E/0001',
      otherOrganisation: 'nn-csc',
      subject: { name: CHILD.name, dateOfBirth: CHILD.dateOfBirth, address: CHILD.address },
    });
    runs.push(run);
    await run.told([
      ['stage-started', 'raising-professional'],
      ['stage-started', 'other-agency-professional'],
      ['raiser-support', 'line-manager'],
    ]);
    await run.complete('nia', 'Stage1_RecordOutcome', { ...onward, discussionDate: '2026-11-03' });
    await run.told([
      ['stage-started', 'line-manager'],
      ['management-contacts', 'line-manager'],
    ]);
    await run.complete('nora', 'Stage2_RecordOutcome', onward);
    await run.told([
      ['stage-started', 'senior-manager'],
      ['management-contacts', 'senior-manager'],
    ]);
    // Stage 3 "continues through the management structure": one level up, then the top.
    await run.complete('nate', 'Stage3_RecordOutcome', { ...onward, outcome: 'next-level' });
    await run.told([['stage-started', 'senior-manager']]);
    await run.complete('nate', 'Stage3_RecordOutcome', { ...onward, outcome: 'top-reached' });
    await run.told([
      ['stage-started', 'director-chief-executive'],
      ['management-contacts', 'director-chief-executive'],
    ]);
    await run.complete('dora', 'Stage4_RecordOutcome', {
      ...onward,
      stage4MeetingDate: '2026-11-06',
      lessons: ['training'],
      lessonsDetails: 'Threshold training for school staff',
    });
    await run.told([
      ['stage5-referral', 'nscp-business-office'],
      ['stage-started', 'nscp-strategic-lead'],
    ]);
    // The offer records facts (when, by which agency), not an outcome.
    await run.complete('stella', 'Stage5_OfferMediation', {
      mediationOfferedOn: '2026-11-04',
      mediatingAgency: 'health',
    });
    await run.told([['mediation-offered', 'director-chief-executive']]);
    await run.complete('stella', 'Stage5_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Assessment agreed at mediation',
      actionPlan: 'Joint visit next week',
      discussionDate: '2026-11-12',
    });
    await run.told([
      ['document-ready', 'nscp-partnership'],
      ['outcome-confirmation', 'all-parties'],
    ]);
    const end = await run.expectEnd('resolved', ['northamptonshire-partnership-report'], 'stella');
    expect(end.records.map((r) => r.kind)).to.include.members(['lessons', 'mediation-offered', 'resolution']);
  });

  it('Given no agreed plan within 2 working days, When they pass on the fake clock, Then both line managers are told of the breach, it is recorded and Stage 2 resolves it (Stage 1, Stage 2)', async () => {
    const run = await j.raise('nia', 'bo', { caseReference: 'NSCP/E2E/0002', otherOrganisation: 'nn-csc' });
    runs.push(run);
    await run.told([['stage-started', 'raising-professional']]);
    await run.letDeadlinePass('Stage1_RecordOutcome');
    await run.told([
      ['stage-breached', 'line-manager'],
      ['stage-started', 'line-manager'],
    ]);
    const breached = await run.view();
    expect(breached.stages.find((s) => s.elementId === 'Stage1_RecordOutcome')).to.include({
      outcome: 'breached',
    });
    await run.complete('nora', 'Stage2_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Assessment agreed',
      actionPlan: 'Home visit on Thursday',
    });
    await run.told([['outcome-confirmation', 'all-parties']]);
    await run.expectEnd('resolved', [], 'nia');
  });

  it('Given the whole run (and requests refused while carrying the child’s details), Then no log line, email, message or answer holds the child’s name, date of birth or address', async () => {
    await failWithTheChild(j, 'nia', 'NSCP/E2E/0001', CHILD);
    await expectNothingOfTheChild(j, CHILD, runs);
  });
});
