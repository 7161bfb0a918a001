/**
 * Wiltshire end to end (issue 13): the real workers drive `WiltshireEscalation` through the
 * embedded engine's /engine-rest, mail goes to a real SMTP server. Expected sets come from
 * processes/wiltshire/escalation.bpmn and roles.json: a school raises it, Children's Services is the
 * other agency; agency-scope roles reach `<group>.<agency>@…`, partnership-scope roles `<group>@…`.
 * The WSCB sets no timescales, so every timer is a non-interrupting reminder: the "breach" path
 * here is a reminder falling due. A level's outcome cancels its invite while the date is ahead
 * (the fake clock stands still, so it always is, even after the reminder fired).
 */
import { resolved, unresolved } from '../../processes/scenarios/scenario.js';
import { Stack } from './stack.js';
import { addressesOf, expectExactly, mails, raiseCase, type Email, type Entry } from './expect.js';

const { of, team } = addressesOf('wiltshire');
const both = (group: string) => [of(group, 'school'), of(group, 'childrens-services')];
/**
 * Level1_NotifyParties and Level1_NotifyReminder name the raising professional and the other
 * agency's professional with side "both": each role stays on its own side (processes/roles-schema.ts),
 * so the raiser is reached in the school and the other professional in Children's Services.
 */
const LEVEL1 = [
  of('wscb-raising-professional', 'school'),
  of('wscb-other-agency-professional', 'childrens-services'),
];
const allParties = both('wscb-all-parties');
/**
 * §2.4: the raiser first thinks it through with their own safeguarding lead. The invite for that
 * step's reminder is cancelled when the step ends with its `safeguarding-lead-consulted` entry.
 */
const LEAD: Email[] = [
  ...mails('think-through-with-safeguarding-lead', of('wscb-designated-safeguarding-lead', 'school')),
  ...mails('deadline-cancelled', of('wscb-designated-safeguarding-lead', 'school')),
];
const CONFIRMED = mails('outcome-confirmation', ...allParties);
const RAISED: Entry[] = [
  ['escalation-raised', null, 'Raise_Record', null],
  ['safeguarding-lead-consulted', null, 'Raise_RecordSafeguardingLead', null],
];
const RESOLUTION: Entry = ['resolution', null, 'Resolved_Record', 'resolved'];
const lead = { outcome: 'agreed', decisionDetails: 'Threshold evidence reviewed with the safeguarding lead' };

describe('Wiltshire end to end: the real workers over HTTP and SMTP (WSCB protocol on resolving significant case disagreements)', function () {
  this.timeout(180_000);
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => {
    await stack.stop();
  });

  it('Given professionals and then managers cannot agree, When the managers call it stuck, the QA&P Sub Group offers a mediator and the agencies then agree, Then each level, the QA&P Sub Group, the mediator and every party are told exactly once and the resolution is recorded (§2.4, §2.5, §3.1(c))', async () => {
    const run = await raiseCase(stack, 'wiltshire');
    await stack.complete(run, 'Raise_SafeguardingLead', lead);
    await stack.complete(run, 'Level1_RecordOutcome', unresolved);
    await stack.complete(run, 'Level2_RecordOutcome', {
      outcome: 'stuck',
      unresolvedReason: 'High risk, no clear way forward',
    });
    await stack.complete(run, 'Mediation_OfferMediator', {
      outcome: 'qap-mediator',
      decisionDetails: 'Mediator from an agency not involved; meeting next week',
    });
    await stack.complete(run, 'Mediation_RecordOutcome', resolved);

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...LEAD,
        ...mails('stage-started', ...LEVEL1),
        ...mails('deadline-cancelled', ...LEVEL1),
        ...mails('stage-started', ...both('wscb-managers')),
        ...mails('deadline-cancelled', ...both('wscb-managers')),
        ...mails('qap-stuck-case', team('wscb-qap')),
        ...mails('stuck-case', ...allParties),
        ...mails('mediation-request', team('wscb-mediators')),
        ...mails('mediation-offer', ...allParties),
        // The mediation's outcome cancels both of its invites still ahead: the offer's and the meeting's.
        ...mails('deadline-cancelled', team('wscb-qap'), ...allParties),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        ...RAISED,
        ['stage-outcome', 'Professional to Professional', 'Level1_LogOutcome', 'unresolved'],
        ['stage-outcome', 'Manager to Manager', 'Level2_LogOutcome', 'stuck'],
        ['mediator-offered', 'Mediation', 'Mediation_RecordOffer', null],
        ['stage-outcome', 'Mediation', 'Mediation_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
  });

  it('Given no fixed timescale, When the Professional to Professional reminder falls due (POST /job/{id}/execute), Then the professionals are reminded, the reminder is recorded, nothing closes, and they later resolve it ("Resolving disagreements about a case": "Timescales for a resolution will vary")', async () => {
    const run = await raiseCase(stack, 'wiltshire');
    await stack.complete(run, 'Raise_SafeguardingLead', lead);
    await stack.fire(run, 'Level1_Reminder');
    await stack.complete(run, 'Level1_RecordOutcome', resolved);

    await expectExactly(stack, run, 'Escalation_Resolved', {
      emails: [
        ...LEAD,
        ...mails('stage-started', ...LEVEL1),
        ...mails('stage-reminder', ...LEVEL1),
        ...mails('deadline-cancelled', ...LEVEL1),
        ...CONFIRMED,
      ],
      documents: [],
      record: [
        ...RAISED,
        ['stage-reminder', 'Professional to Professional', 'Level1_RecordReminder', null],
        ['stage-outcome', 'Professional to Professional', 'Level1_LogOutcome', 'resolved'],
        RESOLUTION,
      ],
    });
  });
});
