/**
 * Northamptonshire end to end (issue 13): the real workers drive `NorthamptonshireEscalation`
 * through the embedded engine's /engine-rest, mail goes to a real SMTP server. Expected sets come
 * from processes/northamptonshire/escalation.bpmn and roles.json: a school raises it, Children's
 * Services is the other agency; agency-scope roles reach `<group>.<agency>@…`, partnership-scope
 * roles `<group>@…`. A stage-started notice carries an invite for the stage's deadline; writing the
 * stage's outcome to the record cancels it (deadline-cancelled) while it is still ahead. The fake
 * clock stands still, so every deadline is ahead when its stage ends.
 */
import { expect } from 'chai';
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { Stack } from './stack.js';
import {
  addressesOf,
  DISAGREEMENT,
  expectExactly,
  mails,
  pdfText,
  raiseCase,
  type Email,
  type Entry,
} from './expect.js';

const { of, team } = addressesOf('northamptonshire');
const both = (group: string) => [of(group, 'school'), of(group, 'childrens-services')];
const professionals = [
  of('nscp-raising-professional', 'school'),
  of('nscp-other-agency-professional', 'childrens-services'),
];
const lineManagers = both('nscp-line-managers');
const plan = { actionPlan: 'Both agencies share the assessment by Friday' };
const onward = { ...unresolved, ...plan };

/** Stage 1 (Stage1_NotifyParties, Stage1_OfferSupport): the two professionals, the raiser's line manager. */
const STAGE1: Email[] = [
  ...mails('stage-started', ...professionals),
  ...mails('raiser-support', of('nscp-line-managers', 'school')),
];
/** A management stage (Stage2-4 _NotifyParties and _ShareContacts): both sides' managers, twice. */
const managers = (addresses: string[]): Email[] => [
  ...mails('stage-started', ...addresses),
  ...mails('management-contacts', ...addresses),
];
const CONFIRMED = mails('outcome-confirmation', ...both('nscp-all-parties'));
const RAISED: Entry = ['escalation-raised', null, 'Raise_Record', null];
const RESOLUTION: Entry = ['resolution', null, 'Resolved_Record', 'resolved'];

describe('Northamptonshire end to end: the real workers over HTTP and SMTP (NSCP Tea-break guide "Professional Disagreements")', function () {
  this.timeout(180_000);
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => {
    await stack.stop();
  });

  it('Given a school raises a disagreement, When it goes through every stage (Stage 1 to 4 unresolved, a Strategic Lead offers mediation at Stage 5, which resolves it), Then each stage tells exactly its people, cancels its invite when it ends, the Partnership gets its report and every party the outcome (The Process, Stages 1-5)', async () => {
    const run = await raiseCase(stack, 'northamptonshire');
    await stack.complete(run, 'Stage1_RecordOutcome', onward);
    await stack.complete(run, 'Stage2_RecordOutcome', onward);
    await stack.complete(run, 'Stage3_RecordOutcome', { ...onward, outcome: 'top-reached' });
    await stack.complete(run, 'Stage4_RecordOutcome', {
      ...onward,
      stage4MeetingDate: '2026-11-06',
      lessons: ['training'],
      lessonsDetails: 'Threshold training for school staff',
    });
    await stack.complete(run, 'Stage5_OfferMediation', {
      mediationOfferedOn: '2026-11-04',
      mediatingAgency: 'health',
    });
    await stack.complete(run, 'Stage5_RecordOutcome', { ...resolved, ...plan });

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...STAGE1,
        ...mails('deadline-cancelled', ...professionals),
        ...managers(lineManagers),
        ...mails('deadline-cancelled', ...lineManagers),
        ...managers(both('nscp-senior-managers')),
        ...mails('deadline-cancelled', ...both('nscp-senior-managers')),
        ...managers(both('nscp-directors')),
        ...mails('deadline-cancelled', ...both('nscp-directors')),
        // Stage 5: the Business Office is told, a Strategic Lead asked to offer mediation within 5
        // working days, the offer confirmed to both Directors; the outcome cancels the offer's invite.
        ...mails('stage5-referral', team('nscp-business-office')),
        ...mails('stage-started', team('nscp-strategic-leads')),
        ...mails('mediation-offered', ...both('nscp-directors')),
        ...mails('deadline-cancelled', team('nscp-strategic-leads')),
        ...mails('document-ready', team('nscp-partnership')),
        ...CONFIRMED,
      ],
      documents: [['northamptonshire-partnership-report', 'Stage5_PartnershipReport']],
      record: [
        RAISED,
        ['stage-outcome', '1', 'Stage1_LogOutcome', 'unresolved'],
        ['stage-outcome', '2', 'Stage2_LogOutcome', 'unresolved'],
        ['stage-outcome', '3', 'Stage3_LogOutcome', 'top-reached'],
        ['stage-outcome', '4', 'Stage4_LogOutcome', 'unresolved'],
        ['lessons', '4', 'Lessons_RecordLearningPoints', null],
        ['mediation-offered', '5', 'Stage5_RecordOffer', null],
        ['stage-outcome', '5', 'Stage5_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
    const report = await pdfText(
      stack,
      run,
      'northamptonshire-partnership-report',
      'Stage5_PartnershipReport',
    );
    expect(report).to.include('Report on the case to the Partnership');
    expect(report).to.include(run.caseReference);
    expect(report).to.include('Threshold training for school staff');
    // The report quotes what the disagreement is about; it is fetched only through the access-controlled API.
    expect(report).to.include(DISAGREEMENT);
  });

  it('Given no agreed plan within 2 working days, When the Stage 1 timer fires (POST /job/{id}/execute), Then both line managers are told of the breach, it is recorded and Stage 2 resolves it (Stage 1, Stage 2)', async () => {
    const run = await raiseCase(stack, 'northamptonshire');
    await stack.fire(run, 'Stage1_Deadline');
    await stack.complete(run, 'Stage2_RecordOutcome', { ...resolved, ...plan });

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...STAGE1,
        ...mails('stage-breached', ...lineManagers),
        // The timer was executed before its due date, so Stage 1's invite was still ahead when it ended.
        ...mails('deadline-cancelled', ...professionals),
        ...managers(lineManagers),
        ...mails('deadline-cancelled', ...lineManagers),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        RAISED,
        ['stage-breached', '1', 'Stage1_RecordBreach', 'breached'],
        ['stage-outcome', '2', 'Stage2_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
  });
});
