/** east-riding: ERSCP Resolving Inter-Agency Disagreements, §5 (Child Protection Conference dissent). */
import { resolved, unresolved, type Scenario } from './scenario.js';
import { start } from './east-riding.scenarios.js';

const dissentKey = 'EastRidingConferenceDissent';
const dissent = { ...start, disagreementContext: 'conference-decision' as const };
const CONFERENCE = [
  'Raise_Record',
  'Conference_ScheduleReminder',
  'Conference_NotifySocialWorker',
  'Conference_NotifyChair',
  'Conference_RecordOutcome',
  'Conference_LogOutcome',
];
const ADJ = ['Adjournment_RecordInterimPlan', 'Adjournment_ScheduleDeadline', 'Adjournment_NotifyParties'];
const ARB = ['Arbitration_ScheduleReminder', 'Arbitration_NotifyParties'];
const MINUTES = ['Minutes_Record', 'Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const ATTEMPTS = {
  preConferenceDiscussion: true,
  attemptsToAgree:
    "Reports shared two days before; the social worker and the chair discussed the school's view",
};
/** The chair cannot settle it in conference: the conference is adjourned. */
const adjourned = { complete: 'Conference_RecordOutcome', with: { ...unresolved, ...ATTEMPTS } };
const decided = { ...resolved, decisionDetails: 'Child Protection Plan under the category of neglect' };
const S47 = { levelOfNeed: 'S47', decisionDetails: 'Section 47 enquiry continues' };

export const eastRidingDissent: Scenario[] = [
  {
    title:
      "Given a potential difference before a conference, When the family's social worker has discussed it with the chair in advance and the chair settles it in conference, Then the minutes record it and every party is told",
    cite: 'east-riding §5',
    key: dissentKey,
    start: { ...dissent, childStatus: 'CPP' },
    steps: [{ complete: 'Conference_RecordOutcome', with: { ...resolved, ...ATTEMPTS } }],
    path: [...CONFERENCE, ...MINUTES],
    notPath: ['Adjournment_RecordInterimPlan'],
    ended: true,
    notified: [
      { role: 'family-social-worker', template: 'pre-conference-discussion' },
      { role: 'conference-chair', template: 'stage-started' },
    ],
    timescales: { conferenceReminderDue: '5 working days' },
  },
  {
    title:
      'Given a conference adjourned over a disagreement, When the chair and named senior managers agree within 72 hours, Then the minutes record the final decision and all attempts to agree',
    cite: 'east-riding §5',
    key: dissentKey,
    start: { ...dissent, childStatus: 'CPP' },
    steps: [adjourned, { complete: 'Adjournment_RecordOutcome', with: decided }],
    path: [...CONFERENCE, ...ADJ, 'Adjournment_RecordOutcome', 'Adjournment_LogOutcome', ...MINUTES],
    ended: true,
    notified: [
      { role: 'conference-chair', template: 'stage-started' },
      { role: 'named-senior-manager', template: 'stage-started' },
    ],
    timescales: { adjournmentDue: '72 hours' },
    dueAt: { adjournmentDue: '2026-11-05T10:00:00.000Z' },
  },
  {
    title:
      'Given the 72-hour adjournment expires unresolved, When its timer fires, Then the chair and the ERSCP are told and the ERSCP arbitrates',
    cite: 'east-riding §5',
    key: dissentKey,
    start: dissent,
    steps: [
      adjourned,
      { timer: 'Adjournment_Deadline', due: 'adjournmentDue' },
      { complete: 'Arbitration_RecordOutcome', with: decided },
    ],
    path: [
      ...ADJ,
      'Adjournment_Deadline',
      'Adjournment_NotifyBreach',
      'Adjournment_RecordBreach',
      ...ARB,
      'Arbitration_RecordOutcome',
      'Arbitration_LogOutcome',
      ...MINUTES,
    ],
    ended: true,
    notified: [
      { role: 'erscp-team', template: 'stage-breached' },
      { role: 'erscp-chair', template: 'arbitration-request' },
    ],
  },
  {
    title:
      'Given the chair sees no agreement before 72 hours, When the outcome is recorded as unresolved, Then arbitration starts early without waiting for expiry',
    cite: 'east-riding §5',
    key: dissentKey,
    start: dissent,
    steps: [
      adjourned,
      { complete: 'Adjournment_RecordOutcome', with: unresolved },
      { complete: 'Arbitration_RecordOutcome', with: decided },
    ],
    path: [
      'Adjournment_RecordOutcome',
      'Adjournment_LogOutcome',
      ...ARB,
      'Arbitration_RecordOutcome',
      ...MINUTES,
    ],
    notPath: ['Adjournment_NotifyBreach'],
    ended: true,
  },
  {
    title:
      'Given arbitration takes longer than the reminder, When the reminder fires, Then the ERSCP Chair is reminded and the escalation stays open',
    cite: 'east-riding §5 (no timescale for arbitration: reminder only)',
    key: dissentKey,
    start: dissent,
    steps: [
      adjourned,
      { complete: 'Adjournment_RecordOutcome', with: unresolved },
      { timer: 'Arbitration_Reminder', due: 'arbitrationReminderDue' },
    ],
    path: [
      ...ARB,
      'Arbitration_Reminder',
      'Arbitration_NotifyReminder',
      'Arbitration_RecordReminder',
      'Arbitration_ReminderSent',
    ],
    ended: false,
    timescales: { arbitrationReminderDue: '5 working days' },
  },
  {
    title:
      'Given arbitration does not settle it, When recorded as unresolved, Then the conference minutes still record the disagreement, the final decision and all attempts to agree, and every party is told',
    cite: 'east-riding §5',
    key: dissentKey,
    start: dissent,
    steps: [
      adjourned,
      { complete: 'Adjournment_RecordOutcome', with: unresolved },
      { complete: 'Arbitration_RecordOutcome', with: { ...unresolved, decisionDetails: 'Plan stands' } },
    ],
    path: [
      'Conference_LogOutcome',
      'Arbitration_RecordOutcome',
      'Arbitration_LogOutcome',
      'Minutes_Record',
      'Final_RecordUnresolved',
      'Final_NotifyUnresolved',
      'Escalation_ClosedUnresolved',
    ],
    notPath: ['Resolved_Record'],
    ended: true,
  },
  {
    title:
      'Given the conference is days away, When the chair has not recorded it within 5 working days, Then the chair is reminded and the escalation stays open',
    cite: 'east-riding §5 (no timescale before the conference: reminder only)',
    key: dissentKey,
    start: dissent,
    steps: [{ timer: 'Conference_Reminder', due: 'conferenceReminderDue' }],
    path: [
      'Conference_Reminder',
      'Conference_NotifyReminder',
      'Conference_RecordReminder',
      'Conference_ReminderSent',
    ],
    ended: false,
  },
  {
    title:
      "Given an adjournment, When immediate risk is raised, Then the designated safeguarding lead is consulted at once, Children's Social Care decide the level of need and the adjournment carries on",
    cite: 'east-riding §1, §5',
    key: dissentKey,
    start: dissent,
    steps: [
      adjourned,
      { message: 'immediate-risk' },
      { complete: 'ImmediateRisk_DecideLevelOfNeed', with: S47 },
      { complete: 'Adjournment_RecordOutcome', with: decided },
    ],
    path: [
      'Adjournment_NotifyParties',
      'message:immediate-risk',
      'ImmediateRisk_NotifyChildProtection',
      'ImmediateRisk_Record',
      'ImmediateRisk_NotifyChildrensSocialCare',
      'ImmediateRisk_DecideLevelOfNeed',
      'ImmediateRisk_RecordDecision',
      'ImmediateRisk_NotifyDecision',
      'Adjournment_RecordOutcome',
      ...MINUTES,
      'ImmediateRisk_Routed',
    ],
    ended: true,
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
  },
  {
    title:
      "Given a child at risk of immediate harm when the difference is raised, When the escalation starts, Then the lead is consulted at once, reminders prompt Children's Social Care, and the conference still runs",
    cite: 'east-riding §1, §5',
    key: dissentKey,
    start: { ...dissent, immediateRisk: true },
    steps: [
      { message: 'immediate-risk' },
      { timer: 'Raise_DecisionReminder', due: 'raiseRiskDue' },
      { timer: 'ImmediateRisk_DecisionReminder', due: 'immediateRiskDue' },
      { complete: 'Raise_DecideLevelOfNeed', with: S47 },
      { complete: 'ImmediateRisk_DecideLevelOfNeed', with: S47 },
      { complete: 'Conference_RecordOutcome', with: { ...resolved, ...ATTEMPTS } },
    ],
    path: [
      'Raise_ScheduleSameDay',
      'Raise_NotifyChildProtection',
      'Raise_RecordRouting',
      'Raise_NotifyChildrensSocialCare',
      'Conference_NotifyChair',
      'Raise_RemindDecision',
      'ImmediateRisk_RemindDecision',
      'Raise_DecideLevelOfNeed',
      'Raise_NotifyDecision',
      'ImmediateRisk_DecideLevelOfNeed',
      'ImmediateRisk_NotifyDecision',
      'Conference_RecordOutcome',
      ...MINUTES,
    ],
    ended: true,
    timescales: { raiseRiskDue: 'same working day' },
  },
  {
    title:
      'Given the conference is adjourned, When the escalation is withdrawn with a reason, Then the withdrawal is recorded, every party is told and no task or timer remains',
    cite: 'east-riding §2, §5',
    key: dissentKey,
    start: dissent,
    steps: [
      adjourned,
      { message: 'withdraw', variables: { withdrawalReason: 'Conference reconvened and agreed' } },
    ],
    path: [
      'Adjournment_NotifyParties',
      'message:withdraw',
      'Withdrawn_Record',
      'Withdrawn_NotifyAllParties',
      'Withdrawn_End',
    ],
    notPath: ['Adjournment_RecordOutcome', 'Adjournment_Deadline'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'withdrawn' }],
  },
];
