/**
 * Liverpool through /api/v1 (issue 14): St Mary's school disputes Liverpool CSC's decision about a
 * child on a Child Protection Plan; the LSCB Resolution & Escalation Procedure (Liverpool
 * Safeguarding Children Board) takes it through every stage to the Independent Chair, then the Report
 * to LSCB (Appendix 2) and the Business Manager's receipt; a second escalation breaches Day 1.
 * People act only over HTTP; the fake clock lets deadlines pass; emails arrive at a real SMTP server.
 */
import { expect } from 'chai';
import { expectNothingOfTheChild, failWithTheChild, Journey, type Child, type Run } from './journey.js';

const CHILD: Child = {
  name: 'Araminta Pellowe-Sugden',
  dateOfBirth: '2016-08-14',
  address: '22 Tithebarn Close, Anfield, Liverpool L4 0ZX',
  fragments: ['Araminta', 'Pellowe', 'Tithebarn', '14/08/2016', '14 Aug 2016', '14 August 2016'],
};
const L = (agency: string | null, organisation: string | null, roles: string[]) => ({
  partnership: 'liverpool',
  agency,
  organisation,
  roles,
});
const PEOPLE = {
  sam: L('school', 'st-marys', ['raising-professional']),
  lena: L('school', 'st-marys', ['line-manager']),
  omar: L('school', 'st-marys', ['organisation-safeguarding-representative']),
  cesar: L('childrens-services', 'liverpool-csc', ['childrens-services-service-manager']),
  rhea: L('school', 'st-marys', ['lscb-safeguarding-representative']),
  pip: L(null, null, ['partnership-representative']),
  ivy: L(null, null, ['lscb-independent-chair']),
  bea: L(null, null, ['lscb-business-manager']),
  tess: L(null, null, ['lscb-team']),
};
/** Appendix 1: what an agency's Escalation Summary Log asks of each stage. */
const APPENDIX_1 = {
  agencyEscalationNumber: 'SCH-2026/088',
  concern: 'Neglect: missed health appointments',
  actionsUndertaken: 'Telephone discussion between the workers',
};
const SUMMARY_LOG = 'liverpool-appendix-1-summary-log';
const REPORT = 'liverpool-appendix-2-report';

describe('Liverpool through /api/v1: raise → every stage → Report to LSCB, and a Day 1 breach (LSCB Resolution & Escalation Procedure)', function () {
  this.timeout(300_000);
  const j = new Journey();
  const runs: Run[] = [];
  before(async () => j.start(PEOPLE));
  after(async () => j.stop());

  it('Given a child on a Child Protection Plan, When the workers, line managers, organisation representatives, Children’s Services service managers (immediate risk), the LSCB representatives and the mediation meeting cannot agree and the Independent Chair resolves it, Then each stage tells its people, the IRO hears twice, every Summary Log and the Report to LSCB are generated, and the raising agency’s report and the Business Manager’s receipt end it (Stage 1, Escalate to Line Manager, Stage 2 and its NOTE, Stage 3, Stage 4, Appendices 1 and 2, RECORD)', async () => {
    const run = await j.raise('sam', 'tess', {
      caseReference: 'LPL/E2E/0001',
      childStatus: 'CPP',
      otherOrganisation: 'liverpool-csc',
      subject: { name: CHILD.name, dateOfBirth: CHILD.dateOfBirth, address: CHILD.address },
    });
    runs.push(run);
    await run.told([
      ['stage-started', 'raising-professional'],
      ['stage-started', 'other-agency-professional'],
    ]);
    const unresolved = {
      outcome: 'unresolved',
      unresolvedReason: 'The threshold decision is still disputed',
    };
    await run.complete('sam', 'Stage1_RecordOutcome', { ...unresolved, ...APPENDIX_1 });
    await run.told([
      ['document-ready', 'line-manager'],
      ['iro-notification', 'independent-reviewing-officer'],
      ['stage-started', 'line-manager'],
    ]);
    await run.complete('lena', 'Stage1LineManager_RecordOutcome', {
      ...unresolved,
      ...APPENDIX_1,
      professionalsMeeting: 'convened',
    });
    await run.told([
      ['document-ready', 'line-manager'],
      ['iro-notification', 'independent-reviewing-officer'],
      ['stage-started', 'organisation-safeguarding-representative'],
    ]);
    // Stage 2 NOTE: a child at immediate risk of significant harm goes to CSC's service managers.
    await run.complete('omar', 'Stage2_RecordOutcome', {
      outcome: 'significant-harm',
      unresolvedReason: 'Risk of significant harm is not being addressed',
      ...APPENDIX_1,
    });
    await run.told([
      ['document-ready', 'lscb-team'],
      ['immediate-risk', 'childrens-services-service-manager'],
    ]);
    await run.complete('cesar', 'Stage2ServiceManagers_RecordOutcome', unresolved);
    await run.told([
      ['document-ready', 'lscb-business-officer'],
      ['stage-started', 'lscb-safeguarding-representative'],
    ]);
    // Any professional may raise immediate risk at any stage: it is routed the same working day.
    await run.act('rhea', 'immediate-risk');
    await run.told([['immediate-risk', 'designated-safeguarding-lead']]);
    const discussion = { discussionDate: '2026-11-16', resolutionMethod: 'Meeting of the representatives' };
    await run.complete('rhea', 'Stage3_RecordOutcome', {
      ...unresolved,
      ...discussion,
      otherProfessionals: [{ role: 'Named Nurse', agency: 'health' }],
    });
    await run.told([
      ['identify-mediator', 'lscb-business-manager'],
      ['stage-started', 'partnership-representative'],
    ]);
    await run.complete('pip', 'Stage3Mediation_RecordOutcome', { ...unresolved, ...discussion });
    await run.told([
      ['stage4-referral', 'lscb-business-manager'],
      ['written-representations', 'all-parties'],
      ['stage-started', 'lscb-independent-chair'],
    ]);
    await run.complete('ivy', 'Stage4_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'An assessment of the family starts this week',
      actionPlan: 'Social worker allocated by Friday',
      resolutionPanel: true,
      resolutionMethod: 'Resolution panel',
    });
    await run.told([
      ['outcome-confirmation', 'all-parties'],
      ['report-requested', 'lscb-safeguarding-representative'],
    ]);
    expect((await run.view()).status).to.equal('resolved');
    // The Report to LSCB and the Business Manager's receipt record facts, not an outcome.
    await run.complete('rhea', 'Lessons_CompleteReport', {
      lessons: ['training'],
      lessonsDetails: 'Thresholds training for school staff',
      furtherActions: [
        { action: 'Briefing on the LSCB levels of need', byWhom: 'Designated Safeguarding Lead' },
      ],
    });
    await run.told([
      ['document-ready', 'lscb-team'],
      ['document-ready', 'lscb-business-manager'],
    ]);
    await run.complete('bea', 'BusinessManager_RecordReceipt', {
      businessManagerReceivedOn: '2026-11-20',
      executiveGroupOutcome: 'Thresholds briefing to be repeated across schools',
      executiveGroupNotifiedOn: '2026-12-01',
    });
    await run.told([['document-ready', 'lscb-team']]);
    const end = await run.expectEnd(
      'resolved',
      [SUMMARY_LOG, SUMMARY_LOG, SUMMARY_LOG, SUMMARY_LOG, REPORT, REPORT, REPORT],
      'sam',
    );
    expect(end.records.map((r) => r.kind)).to.include.members([
      'resolution',
      'lessons',
      'executive-group-notified',
    ]);
  });

  it('Given a disagreement raised on Monday, When Day 1 passes without an outcome (the fake clock), Then the workers are told of the breach, it goes on the case record and a Summary Log, and the line managers resolve it (Stage 1 Attempt Resolution, RECORD)', async () => {
    const run = await j.raise('sam', 'tess', {
      caseReference: 'LPL/E2E/0002',
      otherOrganisation: 'liverpool-csc',
    });
    runs.push(run);
    await run.told([['stage-started', 'raising-professional']]);
    await run.letDeadlinePass('Stage1_RecordOutcome');
    await run.told([
      ['stage-breached', 'raising-professional'],
      ['stage-breached', 'other-agency-professional'],
      ['document-ready', 'line-manager'],
      ['stage-started', 'line-manager'],
    ]);
    const breached = await run.view();
    expect(breached.stages.find((s) => s.elementId === 'Stage1_RecordOutcome')).to.include({
      outcome: 'breached',
    });
    await run.complete('lena', 'Stage1LineManager_RecordOutcome', {
      outcome: 'resolved',
      agreedOutcome: 'Assessment agreed',
      actionPlan: 'Home visit on Thursday',
      professionalsMeeting: 'not-needed',
    });
    await run.told([['outcome-confirmation', 'all-parties']]);
    await run.expectEnd('resolved', [SUMMARY_LOG, SUMMARY_LOG], 'lena');
  });

  it('Given the whole run (and requests refused while carrying the child’s details), Then no log line, email, message or answer holds the child’s name, date of birth or address', async () => {
    await failWithTheChild(j, 'sam', 'LPL/E2E/0001', CHILD);
    await expectNothingOfTheChild(j, CHILD, runs);
  });
});
