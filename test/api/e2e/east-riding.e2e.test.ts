/**
 * East Riding through /api/v1 (issue 14): Driffield school disputes East Riding Children's Services'
 * decision; the ERSCP's Resolving Inter-Agency Disagreements takes it through Stages One to Four
 * (Stage Four up to the Heads of Service), to the Stage Five mediation and the lessons; a second
 * escalation breaches Stage One's 5 days on the fake clock.
 */
import { expect } from 'chai';
import { expectNothingOfTheChild, failWithTheChild, Journey, type Child, type Run } from './journey.js';

const CHILD: Child = {
  name: 'Cressida Wainfleet-Oduya',
  dateOfBirth: '2015-11-27',
  address: '3 Sandpiper Garth, Bridlington YO15 9ZZ',
  fragments: ['Cressida', 'Wainfleet', 'Sandpiper', '27/11/2015', '27 Nov 2015', '27 November 2015'],
};
const E = (agency: string | null, organisation: string | null, roles: string[]) => ({
  partnership: 'east-riding',
  agency,
  organisation,
  roles,
});
const PEOPLE = {
  erin: E('school', 'driffield-school', ['raising-professional']),
  elsie: E('school', 'driffield-school', ['line-manager', 'raising-agency-manager']),
  esme: E('school', 'driffield-school', ['senior-operational-manager']),
  hugo: E('childrens-services', 'er-csc', ['head-of-service']),
  edna: E(null, null, ['mediation-chair']),
  ted: E(null, null, ['erscp-team']),
};
const unresolved = { outcome: 'unresolved', unresolvedReason: 'The decision is still disputed' };
const STAGE4 = {
  stage4MeetingDate: '2026-11-05',
  seniorOfficers: [{ role: 'Service Manager, Safeguarding', agency: 'childrens-services' }],
  agenciesInvolved: ['childrens-services', 'school'],
};

describe('East Riding through /api/v1: Stages One to Five, the lessons, and a Stage One breach (ERSCP Resolving Inter-Agency Disagreements)', function () {
  this.timeout(300_000);
  const j = new Journey();
  const runs: Run[] = [];
  before(async () => j.start(PEOPLE));
  after(async () => j.stop());

  it('Given a school raises a disagreement, When Stages One to Three cannot resolve it, the senior officers take Stage Four up to the Heads of Service and the Stage Five mediation agrees, Then each stage tells its people, Appendix A goes to the ERSCP Team at each Stage Four outcome, the chair’s report to the MEE Group, and the raising agency’s manager records the lessons for the Service Manager (§2, §4 Stages One to Five, Appendix A, §6)', async () => {
    const run = await j.raise('erin', 'ted', {
      caseReference: 'ERSCP/E2E/0001',
      otherOrganisation: 'er-csc',
      subject: { name: CHILD.name, dateOfBirth: CHILD.dateOfBirth, address: CHILD.address },
    });
    runs.push(run);
    await run.told([
      ['stage-started', 'raising-professional'],
      ['stage-started', 'line-manager'],
    ]);
    await run.complete('erin', 'Stage1_RecordOutcome', unresolved);
    await run.told([['stage-started', 'other-agency-professional']]);
    await run.complete('erin', 'Stage2_RecordOutcome', unresolved);
    await run.told([['stage-started', 'line-manager']]);
    await run.complete('elsie', 'Stage3_RecordOutcome', unresolved);
    await run.told([
      ['record-shared', 'raising-professional'],
      ['stage4-intention', 'other-agency-senior-manager'],
      ['stage4-erscp-aware', 'erscp-team'],
      ['stage-started', 'senior-operational-manager'],
    ]);
    await run.complete('esme', 'Stage4_RecordOutcome', { ...unresolved, outcome: 'next-level', ...STAGE4 });
    await run.told([
      ['document-ready', 'erscp-team'],
      ['stage4-next-level', 'head-of-service'],
    ]);
    await run.complete('hugo', 'Stage4_RecordOutcome', { ...unresolved, ...STAGE4 });
    await run.told([
      ['document-ready', 'erscp-team'],
      ['record-shared', 'raising-professional'],
      ['stage5-identify-chair', 'erscp-chair'],
      ['stage-started', 'mediation-chair'],
    ]);
    await run.complete('edna', 'Stage5_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Assessment to start by Friday',
      actionPlan: 'Joint visit on Monday',
      discussionDate: '2026-11-10',
      mediatingAgency: 'police',
      issuesArising: 'Threshold guidance for neglect referrals is read differently',
    });
    await run.told([
      ['document-ready', 'erscp-mee-group'],
      ['outcome-confirmation', 'all-parties'],
    ]);
    expect((await run.view()).status).to.equal('resolved');
    // §6: the lessons form records facts, not an outcome.
    await run.complete('elsie', 'Lessons_Record', {
      lessons: ['training'],
      multiAgencyLessons: true,
      lessonsDetails: 'Threshold guidance for neglect',
    });
    await run.told([['lessons-learned', 'erscp-service-manager']]);
    const end = await run.expectEnd(
      'resolved',
      ['east-riding-appendix-a', 'east-riding-appendix-a', 'east-riding-mediation-report'],
      'esme',
    );
    expect(end.records.map((r) => r.kind)).to.include.members(['resolution', 'lessons']);
  });

  it('Given Stage One is not resolved within its 5 days, When they pass on the fake clock, Then the raiser’s manager is told of the breach, it is recorded and Stage Two opens, where the professionals resolve it and no multi-agency lessons are found (§4 Stage One, Stage Two, §6)', async () => {
    const run = await j.raise('erin', 'ted', {
      caseReference: 'ERSCP/E2E/0002',
      otherOrganisation: 'er-csc',
    });
    runs.push(run);
    await run.told([['stage-started', 'line-manager']]);
    await run.letDeadlinePass('Stage1_RecordOutcome');
    await run.told([
      ['stage-breached', 'line-manager'],
      ['stage-started', 'other-agency-professional'],
    ]);
    const breached = await run.view();
    expect(breached.stages.find((s) => s.elementId === 'Stage1_RecordOutcome')).to.include({
      outcome: 'breached',
    });
    await run.complete('erin', 'Stage2_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Assessment agreed',
      actionPlan: 'Home visit on Thursday',
    });
    await run.told([['outcome-confirmation', 'all-parties']]);
    await run.complete('elsie', 'Lessons_Record', { multiAgencyLessons: false });
    await run.expectEnd('resolved', [], 'erin');
  });

  it('Given the whole run (and requests refused while carrying the child’s details), Then no log line, email, message or answer holds the child’s name, date of birth or address', async () => {
    await failWithTheChild(j, 'erin', 'ERSCP/E2E/0001', CHILD);
    await expectNothingOfTheChild(j, CHILD, runs);
  });
});
