/**
 * Safeguarding Unit partnership end to end (issue 13): the real workers drive
 * `SafeguardingUnitLineManagement` (context general) through the embedded engine's /engine-rest,
 * mail goes to a real SMTP server. Expected sets come from
 * processes/safeguarding-unit/line-management.bpmn and roles.json: a school raises it, Children's
 * Services is the other agency; agency-scope roles reach `<group>.<agency>@…` (a notice's `side`,
 * else the role's own side, else both parties), partnership-scope roles `<group>@…`. The LSCP
 * procedure sets no deadlines at these levels, so every timer is a non-interrupting reminder: the
 * "breach" path here is a reminder falling due. A level's outcome cancels its invite while the
 * date is ahead (the fake clock stands still, so it always is, even after the reminder fired).
 */
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { Stack } from './stack.js';
import { addressesOf, expectExactly, mails, raiseCase, type Email, type Entry } from './expect.js';

const { of, team } = addressesOf('safeguarding-unit');
const both = (group: string) => [of(group, 'school'), of(group, 'childrens-services')];
const practitioners = [
  of('lscp-raising-professional', 'school'),
  of('lscp-other-agency-professional', 'childrens-services'),
];
const lineManagers = both('lscp-line-managers');
const seniorManagers = both('lscp-senior-managers');
const allParties = both('lscp-all-parties');
const head = team('lscp-head-of-safeguarding-unit');
/** 2.1, 2.3: the raiser and their Safeguarding Lead are offered the lead's help; the practitioners start. */
const PRACTITIONERS: Email[] = [
  ...mails(
    'safeguarding-lead-guidance',
    of('lscp-raising-professional', 'school'),
    of('lscp-safeguarding-leads', 'school'),
  ),
  ...mails('stage-started', ...practitioners),
];
const CONFIRMED = mails('outcome-confirmation', ...allParties);
const RAISED: Entry = ['escalation-raised', null, 'Raise_Record', null];
const RESOLUTION: Entry = ['resolution', null, 'Resolved_Record', 'resolved'];

describe('Safeguarding Unit partnership end to end: the real workers over HTTP and SMTP (LSCP procedure, Resolving Disagreements and 3.1)', function () {
  this.timeout(180_000);
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => {
    await stack.stop();
  });

  it('Given the practitioners and then the first-line managers cannot agree, When it is referred through line management and the all-parties meeting resolves it, Then the managers, their advisers and every party are told exactly once, the raising agency’s record of the meeting is shared and the outcome confirmed (2.1-2.5, 3.1.2, 3.1.4)', async () => {
    const run = await raiseCase(stack, 'safeguarding-unit');
    await stack.complete(run, 'Stage1_RecordOutcome', unresolved);
    await stack.complete(run, 'Stage2_RecordOutcome', unresolved);
    await stack.complete(run, 'Meeting_RecordOutcome', {
      ...resolved,
      discussionDate: new Date('2026-11-12T00:00:00.000Z'),
      agenciesInvolved: ['school', 'childrens-services'],
    });

    const meeting = [...allParties, ...seniorManagers];
    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...PRACTITIONERS,
        ...mails('deadline-cancelled', ...practitioners),
        ...mails('stage-started', ...lineManagers),
        // Senior managers and designated / named professionals advise the first-line managers.
        ...mails(
          'designated-professional-advice',
          ...seniorManagers,
          ...both('lscp-designated-named-professionals'),
        ),
        ...mails('deadline-cancelled', ...lineManagers),
        // Referred through line management (neither party is health, so no designated professional).
        ...mails('stage-started', ...seniorManagers),
        ...mails('all-parties-meeting', ...meeting),
        ...mails('deadline-cancelled', ...meeting),
        ...mails('meeting-outcome', ...allParties),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        RAISED,
        ['stage-outcome', 'practitioners', 'Stage1_LogOutcome', 'unresolved'],
        ['stage-outcome', 'first-line managers', 'Stage2_LogOutcome', 'unresolved'],
        ['stage-outcome', 'all-parties meeting', 'Meeting_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
  });

  it('Given the practitioners’ reminder falls due (POST /job/{id}/execute), When they then ask the Safeguarding Unit for consultation and resolve it with its advice, Then they are reminded, the Head of the Safeguarding Unit is asked and the advice shared with every party (2.3, 2.7)', async () => {
    const run = await raiseCase(stack, 'safeguarding-unit');
    await stack.fire(run, 'Stage1_Reminder');
    await stack.complete(run, 'Stage1_RecordOutcome', {
      outcome: 'consult-safeguarding-unit',
      unresolvedReason: 'Threshold',
    });
    await stack.complete(run, 'Consultation_RecordOutcome', {
      outcome: 'advice-given',
      decisionDetails: 'Re-read the threshold document together',
    });
    await stack.complete(run, 'Stage1_RecordOutcome', resolved);

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...PRACTITIONERS,
        ...mails('stage-reminder', ...practitioners),
        // Asking for consultation is the practitioners' recorded outcome: it cancels their invite.
        // Their level resumes with a new reminder date but no new invite, so resolving sends nothing more.
        ...mails('deadline-cancelled', ...practitioners),
        ...mails('safeguarding-unit-consultation', head),
        ...mails('deadline-cancelled', head),
        ...mails('safeguarding-unit-advice', ...allParties),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        RAISED,
        ['stage-reminder', 'practitioners', 'Stage1_RecordReminder', null],
        ['stage-outcome', 'practitioners', 'Stage1_LogOutcome', 'consult-safeguarding-unit'],
        ['stage-outcome', 'Safeguarding Unit consultation', 'Consultation_LogOutcome', 'advice-given'],
        ['stage-outcome', 'practitioners', 'Stage1_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
  });
  it('Given an agency dissents from a conference decision, When it challenges, its line manager and the Conference Chair cannot resolve it and the Head of the Safeguarding Unit does, Then each is told once and the earlier steps’ invites are cancelled to their own people only (3.3.2, 3.3.3)', async () => {
    const run = await raiseCase(stack, 'safeguarding-unit', {
      disagreementContext: 'conference-decision',
      childStatus: 'CPP',
    });
    await stack.complete(run, 'Challenge_RecordOutcome', {
      outcome: 'challenge',
      decisionDetails: 'Plan lacks health input',
    });
    await stack.complete(run, 'LineManager_RecordOutcome', unresolved);
    await stack.complete(run, 'Head_RecordOutcome', resolved);

    const raiser = of('lscp-raising-professional', 'school');
    const challengers = [of('lscp-line-managers', 'school'), team('lscp-conference-chairs')];
    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...mails('dissent-challenge-decision', raiser),
        ...mails('deadline-cancelled', raiser),
        ...mails('dissent-challenge', ...challengers),
        ...mails('deadline-cancelled', ...challengers),
        // The Head's reminder falls on the same instant as the dissenting agency's (2 working days):
        // it is still the Head's own invite, so only the Head is told it is cancelled.
        ...mails('dissent-head-discussion', head),
        ...mails('deadline-cancelled', head),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        RAISED,
        ['conference-dissent-noted', null, 'Raise_RecordDissent', null],
        ['stage-outcome', 'dissenting agency', 'Challenge_LogOutcome', 'challenge'],
        ['stage-outcome', 'line manager and Conference Chair', 'LineManager_LogOutcome', 'unresolved'],
        ['stage-outcome', 'Head of the Safeguarding Unit', 'Head_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
  });
});
