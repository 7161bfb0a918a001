/**
 * Liverpool end to end (issue 13): the real workers drive `LiverpoolEscalation` through the
 * embedded engine's /engine-rest, mail goes to a real SMTP server. Expected sets come from
 * processes/liverpool/escalation.bpmn and roles.json: a school raises it, Children's Services is the
 * other agency; agency-scope roles reach `<group>.<agency>@…` (both workers share the Stage 1 group
 * `lscb-stage1-workers`; the IRO is always Children's Services'), partnership-scope roles
 * `<group>@…`. Every stage exit writes the case record and, at Stages 1 and 2, the Summary Log
 * (Appendix 1); a stage's outcome cancels its invite while the deadline is ahead (the fake clock
 * stands still, so it always is).
 */
import { expect } from 'chai';
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';
import { Stack } from './stack.js';
import { addressesOf, expectExactly, mails, pdfText, raiseCase, SUBJECT, type Entry } from './expect.js';

const { of, team } = addressesOf('liverpool');
const both = (group: string) => [of(group, 'school'), of(group, 'childrens-services')];
const workers = both('lscb-stage1-workers');
const lineManagers = both('lscb-line-managers');
const representatives = both('lscb-representatives');
const organisationReps = both('lscb-organisation-safeguarding-representatives');
const iro = of('lscb-iro', 'childrens-services');
const CONFIRMED = mails('outcome-confirmation', ...both('lscb-all-parties'));
const RAISED: Entry = ['escalation-raised', '1', 'Raise_Record', null];
const RESOLUTION: Entry = ['resolution', null, 'Resolved_Record', 'resolved'];
const APPENDIX_1 = 'liverpool-appendix-1-summary-log';
const APPENDIX_2 = 'liverpool-appendix-2-report';
const start = { raisedByAgency: 'school', otherAgency: 'childrens-services', levelOfNeed: 'S17' } as const;

describe('Liverpool end to end: the real workers over HTTP and SMTP (LSCB Resolution & Escalation Procedure)', function () {
  this.timeout(180_000);
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => {
    await stack.stop();
  });

  it('Given a child on a Child Protection Plan, When the workers, line managers and organisation representatives cannot agree and the LSCB representatives resolve it at Stage 3, Then the IRO is told at the line managers’ step and at Stage 2, each Summary Log and the Report to LSCB are generated, and the raising agency’s report reaches the LSCB Team and Business Manager (Stages 1-3, Appendices 1 and 2)', async () => {
    const run = await raiseCase(stack, 'liverpool', { ...start, childStatus: 'CPP' });
    await stack.complete(run, 'Stage1_RecordOutcome', { ...unresolved, ...appendix1 });
    await stack.complete(run, 'Stage1LineManager_RecordOutcome', {
      ...unresolved,
      ...appendix1,
      professionalsMeeting: 'convened',
    });
    await stack.complete(run, 'Stage2_RecordOutcome', {
      ...unresolved,
      ...appendix1,
      otherProfessionals: [{ role: 'Named Nurse', agency: 'health' }],
      discussionDate: new Date('2026-11-09T00:00:00.000Z'),
      resolutionMethod: 'Discussion between the organisation safeguarding representatives',
    });
    await stack.complete(run, 'Stage3_RecordOutcome', resolved);
    await stack.complete(run, 'Lessons_CompleteReport', {
      lessons: ['training'],
      lessonsDetails: 'Thresholds training for school staff',
      furtherActions: [
        { action: 'Briefing on the LSCB levels of need', byWhom: 'Designated Safeguarding Lead' },
      ],
    });
    await stack.complete(run, 'BusinessManager_RecordReceipt', {
      businessManagerReceivedOn: new Date('2026-11-20T00:00:00.000Z'),
      executiveGroupOutcome: 'Thresholds briefing to be repeated across schools',
      executiveGroupNotifiedOn: new Date('2026-12-01T00:00:00.000Z'),
    });

    await expectExactly(stack, run, 'BusinessManager_Done', {
      emails: [
        ...mails('stage-started', ...workers),
        ...mails('deadline-cancelled', ...workers),
        ...mails('document-ready', ...lineManagers), // Stage1_SummaryLog
        ...mails('iro-notification', iro), // Stage1LineManager_NotifyIRO
        ...mails('stage-started', ...lineManagers),
        ...mails('deadline-cancelled', ...lineManagers),
        ...mails('document-ready', ...lineManagers), // Stage1LineManager_SummaryLog
        ...mails('iro-notification', iro), // Stage2_NotifyIRO
        ...mails('stage-started', ...organisationReps),
        ...mails('deadline-cancelled', ...organisationReps),
        ...mails('document-ready', team('lscb-team')), // Stage2_SummaryLog
        ...mails('document-ready', team('lscb-business-office')), // Stage3_Appendix2Referral
        ...mails('stage-started', ...representatives),
        ...mails('deadline-cancelled', ...representatives),
        ...CONFIRMED,
        // The report is asked of the raising agency's representative; its invite is cancelled when the
        // report is recorded, as every step's invites are when the step ends before its deadline.
        ...mails('report-requested', of('lscb-representatives', 'school')),
        ...mails('deadline-cancelled', of('lscb-representatives', 'school')),
        ...mails('document-ready', team('lscb-team'), team('lscb-business-manager')), // Lessons_SendReport
        ...mails('document-ready', team('lscb-team')), // BusinessManager_FileReport
      ],
      documents: [
        [APPENDIX_1, 'Stage1_SummaryLog'],
        [APPENDIX_1, 'Stage1LineManager_SummaryLog'],
        [APPENDIX_1, 'Stage2_SummaryLog'],
        [APPENDIX_2, 'Stage3_Appendix2Referral'],
        [APPENDIX_2, 'Lessons_SendReport'],
        [APPENDIX_2, 'BusinessManager_FileReport'],
      ],
      record: [
        RAISED,
        ['stage-outcome', '1', 'Stage1_RecordCaseFile', 'unresolved'],
        ['stage-outcome', '1', 'Stage1LineManager_RecordCaseFile', 'unresolved'],
        ['stage-outcome', '2', 'Stage2_RecordCaseFile', 'unresolved'],
        ['stage-outcome', '3', 'Stage3_RecordCaseFile', 'resolved'],
        RESOLUTION,
        ['lessons', '3', 'Lessons_Record', null],
        ['executive-group-notified', '3', 'BusinessManager_Record', null],
      ],
    });
    const log = await pdfText(stack, run, APPENDIX_1, 'Stage2_SummaryLog');
    expect(log).to.include('Appendix 1: Agency Escalation Summary Log');
    // Generated in November 2026 for a child born on 21 April 2016.
    expect(log).to.include(`${SUBJECT.name} / 21 Apr 2016 / 10`);
    expect(log).to.include(appendix1.agencyEscalationNumber);
    const report = await pdfText(stack, run, APPENDIX_2, 'BusinessManager_FileReport');
    expect(report).to.include(
      'Appendix 2. Report to LSCB: Multi-Agency Resolution: Escalation Stages 3 and 4',
    );
    expect(report).to.include(SUBJECT.name);
    expect(report).to.include(SUBJECT.address);
    expect(report).to.include('Thresholds briefing to be repeated across schools');
  });

  it('Given a child with no plan, When the workers’ Day 1 passes (POST /job/{id}/execute), Then both workers are told, the breach goes on the case record and the Summary Log, no IRO is told, and the line managers resolve it (RECORD, Stage 1)', async () => {
    const run = await raiseCase(stack, 'liverpool', { ...start, childStatus: 'none' });
    await stack.fire(run, 'Stage1_Deadline');
    await stack.complete(run, 'Stage1LineManager_RecordOutcome', { ...resolved, ...appendix1 });

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...mails('stage-started', ...workers),
        ...mails('stage-breached', ...workers),
        // The timer was executed before its due date, so Stage 1's invite was still ahead when it ended.
        ...mails('deadline-cancelled', ...workers),
        ...mails('document-ready', ...lineManagers), // Stage1_BreachSummaryLog
        ...mails('stage-started', ...lineManagers),
        ...mails('deadline-cancelled', ...lineManagers),
        ...mails('document-ready', ...lineManagers), // Stage1LineManager_SummaryLog
        ...CONFIRMED,
      ],
      documents: [
        [APPENDIX_1, 'Stage1_BreachSummaryLog'],
        [APPENDIX_1, 'Stage1LineManager_SummaryLog'],
      ],
      record: [
        RAISED,
        ['stage-breached', '1', 'Stage1_RecordBreach', 'breached'],
        ['stage-outcome', '1', 'Stage1LineManager_RecordCaseFile', 'resolved'],
        RESOLUTION,
      ],
    });
    const log = await pdfText(stack, run, APPENDIX_1, 'Stage1_BreachSummaryLog');
    expect(log).to.include('Appendix 1: Agency Escalation Summary Log');
    expect(log).to.include(SUBJECT.name);
  });
});
