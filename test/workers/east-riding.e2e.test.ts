/**
 * East Riding end to end (issue 13): the real workers drive `EastRidingEscalation` and
 * `EastRidingConferenceDissent` through the embedded engine's /engine-rest, mail goes to a real
 * SMTP server. Expected sets come from processes/east-riding/*.bpmn and roles.json: a school raises
 * it, Children's Services is the other agency; agency-scope roles reach `<group>.<agency>@…`
 * (a notice's `side`, else the role's own side, else both parties), partnership-scope roles
 * `<group>@…`. A notice with a `due` input carries an invite; writing its stage's outcome to the
 * record cancels it while the deadline is ahead (the fake clock stands still, so it always is).
 */
import { expect } from 'chai';
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { Stack } from './stack.js';
import {
  addressesOf,
  expectExactly,
  mails,
  pdfText,
  raiseCase,
  readInvite,
  received,
  SUBJECT,
  type Entry,
} from './expect.js';

const { of, team } = addressesOf('east-riding');
const both = (group: string) => [of(group, 'school'), of(group, 'childrens-services')];
const raiser = of('erscp-raising-professional', 'school');
const raiserManager = of('erscp-line-managers', 'school');
const otherProfessional = of('erscp-other-agency-professional', 'childrens-services');
const seniorManagers = both('erscp-senior-managers');
const CONFIRMED = mails('outcome-confirmation', ...both('erscp-all-parties'));
const RAISED: Entry = ['escalation-raised', null, 'Raise_Record', null];
const RESOLUTION: Entry = ['resolution', null, 'Resolved_Record', 'resolved'];
const LESSONS: Entry = ['lessons', null, 'Lessons_LogLessons', null];

describe('East Riding end to end: the real workers over HTTP and SMTP (ERSCP Resolving Inter-Agency Disagreements)', function () {
  this.timeout(180_000);
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => {
    await stack.stop();
  });

  it('Given a school raises a disagreement, When Stages 1 to 4 cannot resolve it and the Stage 5 mediation does, Then each stage tells exactly its people, Appendix A goes to the ERSCP Team, the chair’s report to the MEE Group, and the multi-agency lessons to the Service Manager (§2, §4 Stages One to Five, Appendix A, §6)', async () => {
    const run = await raiseCase(stack, 'east-riding');
    await stack.complete(run, 'Stage1_RecordOutcome', unresolved);
    await stack.complete(run, 'Stage2_RecordOutcome', unresolved);
    await stack.complete(run, 'Stage3_RecordOutcome', unresolved);
    await stack.complete(run, 'Stage4_RecordOutcome', {
      ...unresolved,
      stage4MeetingDate: new Date('2026-11-05T00:00:00.000Z'),
      seniorOfficers: [{ role: 'Service Manager, Safeguarding', agency: 'childrens-services' }],
      agenciesInvolved: ['childrens-services', 'school'],
    });
    await stack.complete(run, 'Stage5_RecordOutcome', {
      ...resolved,
      discussionDate: new Date('2026-11-10T00:00:00.000Z'),
      mediatingAgency: 'police',
      issuesArising: 'Threshold guidance for neglect referrals is read differently',
      decisionDetails: 'Assessment to start by Friday',
    });
    await stack.complete(run, 'Lessons_Record', {
      lessons: ['training'],
      multiAgencyLessons: true,
      lessonsDetails: 'Threshold guidance for neglect',
    });

    // Stage 5's two notices share one deadline, so its cancellation reaches all four people invited.
    const stage5 = [team('erscp-chair'), team('erscp-mediation-chairs'), ...seniorManagers];
    // Stage 3 names the raiser and the line managers without a side: the raiser's own side, and both managers.
    const stage3 = [raiser, ...both('erscp-line-managers')];
    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...mails('stage-started', raiser, raiserManager),
        ...mails('deadline-cancelled', raiser, raiserManager),
        ...mails('stage-started', raiser, otherProfessional),
        ...mails('deadline-cancelled', raiser, otherProfessional),
        ...mails('stage-started', ...stage3),
        ...mails('deadline-cancelled', ...stage3),
        ...mails('record-shared', raiser),
        ...mails('stage4-intention', of('erscp-senior-managers', 'childrens-services')),
        ...mails('stage4-erscp-aware', team('erscp-team')),
        ...mails('stage-started', ...seniorManagers),
        ...mails('deadline-cancelled', ...seniorManagers),
        ...mails('document-ready', team('erscp-team')),
        ...mails('record-shared', raiser),
        ...mails('stage5-identify-chair', team('erscp-chair')),
        ...mails('stage-started', team('erscp-mediation-chairs'), ...seniorManagers),
        ...mails('deadline-cancelled', ...stage5),
        ...mails('document-ready', team('erscp-mee-group')),
        ...CONFIRMED,
        ...mails('lessons-learned', team('erscp-service-manager')),
      ],
      documents: [
        ['east-riding-appendix-a', 'Stage4_AppendixA'],
        ['east-riding-mediation-report', 'Stage5_ReportToMeeGroup'],
      ],
      record: [
        RAISED,
        ['stage-outcome', '1', 'Stage1_LogOutcome', 'unresolved'],
        ['stage-outcome', '2', 'Stage2_LogOutcome', 'unresolved'],
        ['stage-outcome', '3', 'Stage3_LogOutcome', 'unresolved'],
        ['stage-outcome', '4', 'Stage4_LogOutcome', 'unresolved'],
        ['stage-outcome', '5', 'Stage5_LogOutcome', 'resolved'],
        RESOLUTION,
        LESSONS,
      ],
    });
    const appendixA = await pdfText(stack, run, 'east-riding-appendix-a', 'Stage4_AppendixA');
    expect(appendixA).to.include('Appendix A: Stage 4 Monitoring Information');
    expect(appendixA).to.include(SUBJECT.name);
    expect(appendixA).to.include('Service Manager, Safeguarding');
    const report = await pdfText(stack, run, 'east-riding-mediation-report', 'Stage5_ReportToMeeGroup');
    expect(report).to.include(
      'Stage Five: report to the ERSCP Management, Evaluation and Effectiveness Group',
    );
    expect(report).to.include('Threshold guidance for neglect referrals is read differently');
  });

  it('Given Stage 1 is not resolved within 5 days of raising, When its timer fires (POST /job/{id}/execute), Then the raiser’s manager is told, the breach is recorded and it moves to Stage 2 with 1 working day, where the professionals resolve it (§4 Stage One, Stage Two)', async () => {
    const run = await raiseCase(stack, 'east-riding');
    await stack.fire(run, 'Stage1_Deadline');
    await stack.complete(run, 'Stage2_RecordOutcome', resolved);
    await stack.complete(run, 'Lessons_Record', { multiAgencyLessons: false });

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...mails('stage-started', raiser, raiserManager),
        ...mails('stage-breached', raiserManager),
        // The timer was executed before its due date, so Stage 1's invite was still ahead when it ended.
        ...mails('deadline-cancelled', raiser, raiserManager),
        ...mails('stage-started', raiser, otherProfessional),
        ...mails('deadline-cancelled', raiser, otherProfessional),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        RAISED,
        ['stage-breached', '1', 'Stage1_RecordBreach', 'breached'],
        ['stage-outcome', '2', 'Stage2_LogOutcome', 'resolved'],
        RESOLUTION,
        LESSONS,
      ],
    });
    const stage2 = stack.app.stores.outbox
      .forEscalation(run.escalationId)
      .find((m) => m.elementId === 'Stage2_NotifyParties' && m.recipient === otherProfessional)!;
    // The invite ends at the deadline the schedule worker computed for Stage 2 ...
    const due = (
      await stack.engine.listHistoricVariableInstances({
        processInstanceId: run.processInstanceId,
        variableName: 'stage2Due',
      })
    )[0]!;
    // iCalendar times have whole seconds.
    expect(readInvite(stage2.ics!).end.getTime()).to.equal(
      Math.floor((due.value as Date).getTime() / 1000) * 1000,
    );
    // ... which, raised Monday 2 November 10:00 on the fake clock, is the next working day, well within 10 days.
    if (!Stack.remote) expect((due.value as Date).toISOString()).to.equal('2026-11-03T10:00:00.000Z');
  });

  it('Given a conference adjourned over a dissent, When the chair and the named senior managers agree before the 72 hours expire, Then the chair’s invite for the expiry (Europe/London) is cancelled with the same UID and a higher SEQUENCE, and the minutes record the decision (§5)', async () => {
    const run = await raiseCase(stack, 'east-riding', {
      disagreementContext: 'conference-decision',
      childStatus: 'CPP',
    });
    await stack.complete(run, 'Conference_RecordOutcome', {
      ...unresolved,
      preConferenceDiscussion: true,
      attemptsToAgree: 'Reports shared two days before; the social worker and the chair discussed it',
    });
    const chair = team('erscp-conference-chairs');
    const adjournment = [chair, ...both('erscp-named-senior-managers')];
    await stack.complete(run, 'Adjournment_RecordOutcome', {
      ...resolved,
      decisionDetails: 'Child Protection Plan under the category of neglect',
    });

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...mails('pre-conference-discussion', of('erscp-family-social-workers', 'childrens-services')),
        ...mails('stage-started', chair),
        ...mails('deadline-cancelled', chair),
        ...mails('stage-started', ...adjournment),
        ...mails('deadline-cancelled', ...adjournment),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        RAISED,
        ['stage-outcome', 'conference', 'Conference_LogOutcome', 'unresolved'],
        ['interim-child-protection-plan', 'adjournment', 'Adjournment_RecordInterimPlan', null],
        ['stage-outcome', 'adjournment', 'Adjournment_LogOutcome', 'resolved'],
        ['conference-minutes', null, 'Minutes_Record', null],
        RESOLUTION,
      ],
    });
    // What the chair's calendar received over SMTP, found by the outbox rows' Message-IDs.
    const mail = received(stack, run);
    const sent = (elementId: string) => {
      const row = stack.app.stores.outbox
        .forEscalation(run.escalationId)
        .find((m) => m.elementId === elementId && m.recipient === chair)!;
      return readInvite(mail.find((m) => m.messageId === row.messageId)!.ics!);
    };
    const request = sent('Adjournment_NotifyParties');
    expect(request).to.deep.include({
      method: 'REQUEST',
      status: 'CONFIRMED',
      tzid: 'Europe/London',
      timezone: 'Europe/London',
      attendees: [...adjournment].sort(),
    });
    // 72 hours after the adjournment (on the fake clock, Monday 2 November 10:00 GMT: Thursday 10:00).
    const due = (
      await stack.engine.listHistoricVariableInstances({
        processInstanceId: run.processInstanceId,
        variableName: 'adjournmentDue',
      })
    )[0]!;
    expect(request.end.getTime()).to.equal(Math.floor((due.value as Date).getTime() / 1000) * 1000);
    if (!Stack.remote) expect(request.end.toISOString()).to.equal('2026-11-05T10:00:00.000Z');
    const cancel = sent('Adjournment_LogOutcome');
    expect(cancel).to.deep.include({
      method: 'CANCEL',
      uid: request.uid,
      status: 'CANCELLED',
      tzid: 'Europe/London',
      attendees: request.attendees,
    });
    expect(cancel.end.getTime()).to.equal(request.end.getTime());
    const versions = mail.filter((m) => m.to[0] === chair && m.ics && readInvite(m.ics).uid === request.uid);
    expect(versions.map((m) => readInvite(m.ics!).method)).to.deep.equal(['REQUEST', 'CANCEL']);
    expect(cancel.sequence).to.be.greaterThan(request.sequence);
  });
});
