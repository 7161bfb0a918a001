/**
 * safeguarding-unit: General Principles and Resolving Disagreements (sections 1 and 2), Dissent at
 * Referral/Enquiry Stage (3.1) and dissent about implementing a Child Protection Plan (3.4). The
 * conference routes (3.2, 3.3) are in safeguarding-unit-conference.scenarios.ts.
 */
import { resolved, unresolved, type FormValue, type Scenario, type Step } from './scenario.js';

/** Start variables shared by every safeguarding-unit scenario. */
export const start = { partnership: 'safeguarding-unit' as const };
/** The path of a resolved escalation. */
export const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
/** The path of an escalation closed unresolved. */
export const CLOSED = ['Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'];
/** The path of a withdrawn escalation (issue 12's Withdrawn event sub-process). */
export const WITHDRAWN = [
  'message:withdraw',
  'Withdrawn_Record',
  'Withdrawn_NotifyAllParties',
  'Withdrawn_End',
];
/** Withdraw with a reason, as the API's withdraw action does. */
export const withdraw: Step = {
  message: 'withdraw',
  variables: { withdrawalReason: 'The agencies agreed a way forward outside the escalation' },
};

/** A level: compute its reminder, tell its people, record its outcome, write it to the record. */
const level = (n: string) => [
  `Stage${n}_ScheduleReminder`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
  `Stage${n}_LogOutcome`,
];
const complete = (task: string, values: Record<string, FormValue>): Step => ({
  complete: task,
  with: values,
});
const un = (n: string) => complete(`Stage${n}_RecordOutcome`, unresolved);
const ok = (n: string) => complete(`Stage${n}_RecordOutcome`, resolved);
const lv = (outcome: string) => complete('Stage3_RecordOutcome', { ...unresolved, outcome });
/** A level asks the Safeguarding Unit for consultation and advice (2.7). */
const consult = (n: string) =>
  complete(`Stage${n}_RecordOutcome`, {
    outcome: 'consult-safeguarding-unit',
    unresolvedReason: 'Threshold',
  });
const advice = complete('Consultation_RecordOutcome', {
  outcome: 'advice-given',
  decisionDetails: 'Re-read the threshold document together; a strategy discussion is not yet indicated',
});
const CONSULTED = [
  'Consultation_NotifyHead',
  'Consultation_RecordOutcome',
  'Consultation_LogOutcome',
  'Consultation_ShareAdvice',
];
const meeting = (outcome: Record<string, FormValue>) =>
  complete('Meeting_RecordOutcome', {
    discussionDate: new Date('2026-11-12T00:00:00.000Z'),
    agenciesInvolved: ['school', 'childrens-services'],
    ...outcome,
  });
const MEETING = [
  'Referral_NotifyLineManagement',
  'Meeting_ScheduleReminder',
  'Meeting_NotifyParties',
  'Meeting_RecordOutcome',
  'Meeting_LogOutcome',
  'Meeting_ShareOutcome',
];

const line = 'SafeguardingUnitLineManagement';
const cp = 'SafeguardingUnitCpPlan';
const cpStart = { ...start, disagreementContext: 'cp-plan' as const, childStatus: 'CPP' as const };

export const safeguardingUnit: Scenario[] = [
  {
    title:
      "Given practitioners disagree, When they resolve it between themselves, Then the raiser's Safeguarding Lead was offered, the outcome is written to the record and confirmed in writing to every party",
    cite: 'safeguarding-unit 2.1, 2.3, 2.5',
    key: line,
    start,
    steps: [ok('1')],
    path: ['Raise_Record', 'Stage1_OfferSafeguardingLead', ...level('1'), ...RESOLVED],
    ended: true,
    notified: [
      { role: 'raising-professional', template: 'safeguarding-lead-guidance' },
      { role: 'safeguarding-lead', template: 'safeguarding-lead-guidance' },
      { role: 'all-parties', template: 'outcome-confirmation' },
    ],
    timescales: { stage1ReminderDue: '5 working days' },
  },
  {
    title:
      "Given the first-line managers cannot agree, When the issue is referred through line management, Then a meeting of all parties is called at that point and the raising agency's record of it is shared with every agency",
    cite: 'safeguarding-unit 3.1.2, 3.1.4',
    key: line,
    start,
    steps: [un('1'), un('2'), meeting(resolved)],
    path: [...level('2'), ...MEETING, ...RESOLVED],
    notPath: ['Stage3_NotifyParties', 'Consultation_NotifyHead', 'Stage4_NotifyParties'],
    ended: true,
    notified: [
      { role: 'senior-manager', template: 'designated-professional-advice' },
      { role: 'senior-manager', template: 'stage-started' },
      { role: 'all-parties', template: 'all-parties-meeting' },
      { role: 'all-parties', template: 'meeting-outcome' },
    ],
    timescales: { stage2ReminderDue: '2 working days', meetingReminderDue: '5 working days' },
  },
  {
    title:
      'Given the all-parties meeting does not resolve it, When it goes up line management one level at a time, Then each level records its outcome and the third resolves it',
    cite: 'safeguarding-unit 3.1.2, 3.1.4',
    key: line,
    start,
    steps: [un('1'), un('2'), meeting(unresolved), lv('next-level'), lv('next-level'), ok('3')],
    path: [...level('3'), ...level('3'), ...level('3'), ...RESOLVED],
    ended: true,
    timescales: { stage3ReminderDue: '2 working days' },
  },
  {
    title:
      'Given the practitioners ask the Safeguarding Unit for consultation, When the Head of the Safeguarding Unit advises, Then the advice is recorded and shared and the practitioners carry on and resolve it',
    cite: 'safeguarding-unit 2.7',
    key: line,
    start,
    steps: [consult('1'), advice, ok('1')],
    path: [...level('1'), ...CONSULTED, 'Stage1_ScheduleResume', 'Stage1_RecordOutcome', ...RESOLVED],
    notPath: ['Stage2_NotifyParties'],
    ended: true,
    notified: [
      { role: 'head-of-safeguarding-unit', template: 'safeguarding-unit-consultation' },
      { role: 'all-parties', template: 'safeguarding-unit-advice' },
    ],
    timescales: { consultationReminderDue: '2 working days' },
  },
  {
    title:
      'Given the first-line managers ask for consultation, When they have the advice, Then they carry on from their own level and resolve it',
    cite: 'safeguarding-unit 2.7, 3.1.2',
    key: line,
    start,
    steps: [un('1'), consult('2'), advice, ok('2')],
    path: [...level('2'), ...CONSULTED, 'Stage2_ScheduleResume', 'Stage2_RecordOutcome', ...RESOLVED],
    notPath: ['Referral_NotifyLineManagement', 'Stage1_ScheduleResume'],
    ended: true,
  },
  {
    title:
      'Given a level of line management asks for consultation, When the Safeguarding Unit intervenes and the parties agree, Then it is resolved without the Head being asked to intervene at the top',
    cite: 'safeguarding-unit 2.7',
    key: line,
    start,
    steps: [
      un('1'),
      un('2'),
      meeting(unresolved),
      consult('3'),
      complete('Consultation_RecordOutcome', resolved),
    ],
    path: [...level('3'), 'Consultation_RecordOutcome', 'Consultation_LogOutcome', ...RESOLVED],
    notPath: ['Consultation_ShareAdvice', 'Stage4_NotifyParties'],
    ended: true,
  },
  {
    title:
      'Given line management is exhausted after the advice, When the Head of the Safeguarding Unit intervenes without agreement, Then it is recorded unresolved and every party and the Head are told',
    cite: 'safeguarding-unit 2.5, 2.7, 3.1.2',
    key: line,
    start,
    steps: [
      un('1'),
      un('2'),
      meeting(unresolved),
      consult('3'),
      advice,
      lv('top-reached'),
      complete('Stage4_RecordOutcome', { outcome: 'unresolved', unresolvedReason: 'Still disputed' }),
    ],
    path: [...CONSULTED, 'Stage3_ScheduleResume', 'Stage3_RecordOutcome', ...level('4'), ...CLOSED],
    ended: true,
    notified: [
      { role: 'head-of-safeguarding-unit', template: 'stage-started' },
      { role: 'all-parties', template: 'closed-unresolved' },
    ],
    timescales: { stage4ReminderDue: '5 working days' },
  },
  {
    title:
      "Given the raising agency is Health, When its first-line manager could not resolve it, Then its own Designated or Named Professional's input is sought as the issue is referred on",
    cite: 'safeguarding-unit 3.1.3',
    key: line,
    start: { ...start, raisedByAgency: 'health' },
    steps: [un('1'), un('2'), meeting(resolved)],
    path: [
      'Stage2_RecordOutcome',
      'Referral_NotifyLineManagement',
      'Referral_NotifyRaisingHealthProfessional',
      'Meeting_NotifyParties',
      ...RESOLVED,
    ],
    notPath: ['Referral_NotifyOtherHealthProfessional'],
    ended: true,
    notified: [{ role: 'designated-named-professional', template: 'designated-professional-advice' }],
  },
  {
    title:
      "Given the other agency is Health, When the first-line managers could not resolve it, Then the other side's Designated or Named Professional's input is sought, not the raiser's",
    cite: 'safeguarding-unit 3.1.3',
    key: line,
    start: { ...start, otherAgency: 'health' },
    steps: [un('1'), un('2'), meeting(resolved)],
    path: ['Referral_NotifyOtherHealthProfessional', 'Meeting_NotifyParties', ...RESOLVED],
    notPath: ['Referral_NotifyRaisingHealthProfessional'],
    ended: true,
  },
  {
    title:
      'Given first-line managers are slow, When their reminder falls due, Then they are reminded and the escalation stays open',
    cite: 'safeguarding-unit 3.1.2 (without delay)',
    key: line,
    start,
    steps: [un('1'), { timer: 'Stage2_Reminder', due: 'stage2ReminderDue' }],
    path: ['Stage2_Reminder', 'Stage2_NotifyReminder', 'Stage2_RecordReminder', 'Stage2_ReminderSent'],
    ended: false,
  },
  {
    title:
      'Given a concern identified by a practitioner, When immediate risk is raised mid-way, Then it goes through child protection procedures the same working day and the escalation carries on',
    cite: 'safeguarding-unit 1.5',
    key: line,
    start,
    steps: [{ message: 'immediate-risk' }, ok('1')],
    path: [
      'message:immediate-risk',
      'ImmediateRisk_ScheduleSameDay',
      'ImmediateRisk_NotifyChildProtection',
      'ImmediateRisk_Record',
      'Stage1_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
    timescales: { immediateRiskDue: 'same working day' },
  },
  {
    title:
      'Given immediate risk at raise and slow responses at every level, When each reminder falls due, Then each only prompts and the Head of the Safeguarding Unit still resolves it',
    cite: 'safeguarding-unit 1.5, 2.7, 3.1.2, 3.1.4',
    key: line,
    start: { ...start, immediateRisk: true },
    steps: [
      { timer: 'Stage1_Reminder', due: 'stage1ReminderDue' },
      un('1'),
      un('2'),
      { timer: 'Meeting_Reminder', due: 'meetingReminderDue' },
      meeting(unresolved),
      { timer: 'Stage3_Reminder', due: 'stage3ReminderDue' },
      consult('3'),
      { timer: 'Consultation_Reminder', due: 'consultationReminderDue' },
      advice,
      lv('top-reached'),
      { timer: 'Stage4_Reminder', due: 'stage4ReminderDue' },
      ok('4'),
    ],
    path: [
      'Raise_ScheduleSameDay',
      'Raise_NotifyChildProtection',
      'Raise_RecordRouting',
      'Stage1_Reminder',
      'Stage1_NotifyReminder',
      'Stage1_RecordReminder',
      'Meeting_Reminder',
      'Meeting_NotifyReminder',
      'Meeting_RecordReminder',
      'Stage3_Reminder',
      'Stage3_RecordReminder',
      'Consultation_Reminder',
      'Consultation_RecordReminder',
      'Stage4_Reminder',
      'Stage4_RecordReminder',
      'Stage4_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    timescales: { raiseRiskDue: 'same working day' },
    dueAt: { raiseRiskDue: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      'Given an escalation at the all-parties meeting, When it is withdrawn with a reason, Then the withdrawal is recorded, every party and the Head of the Safeguarding Unit are told, and nothing is left open',
    cite: 'issue 12 (withdrawal); safeguarding-unit 2.5',
    key: line,
    start,
    steps: [un('1'), un('2'), withdraw],
    path: ['Meeting_NotifyParties', ...WITHDRAWN],
    notPath: ['Meeting_LogOutcome', 'Resolved_Record', 'Final_RecordUnresolved'],
    ended: true,
    notified: [
      { role: 'all-parties', template: 'withdrawn' },
      { role: 'head-of-safeguarding-unit', template: 'withdrawn' },
    ],
  },

  // 3.4: dissent about implementing a Child Protection Plan.
  {
    title:
      'Given dissent about implementing a CP plan, When the front-line workers resolve it with their peers, Then the Conference Chair was copied into every notice',
    cite: 'safeguarding-unit 3.4.2, 3.4.3',
    key: cp,
    start: cpStart,
    steps: [ok('1')],
    path: ['Stage1_OfferSafeguardingLead', ...level('1'), ...RESOLVED],
    ended: true,
    copiedTo: 'conference-chair',
  },
  {
    title:
      'Given a CP plan dissent referred through line management, When a level asks the Conference Chair to reconvene the Review Conference and she does, Then every party is told and the same level carries on and resolves it',
    cite: 'safeguarding-unit 3.4.3, 3.4.4',
    key: cp,
    start: cpStart,
    steps: [
      un('1'),
      un('2'),
      lv('reconvene-review-conference'),
      complete('Reconvene_RecordOutcome', {
        outcome: 'agreed',
        discussionDate: new Date('2026-11-20T00:00:00.000Z'),
        decisionDetails: 'Core Group attendance is stalling the plan',
      }),
      ok('3'),
    ],
    path: [
      'Stage2_LogOutcome',
      'Referral_NotifyDesignatedProfessional',
      ...level('3'),
      'Reconvene_ScheduleReminder',
      'Reconvene_NotifyChair',
      'Reconvene_RecordOutcome',
      'Reconvene_LogOutcome',
      'Reconvene_NotifyParties',
      'Stage3_ScheduleResume',
      'Stage3_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [
      { role: 'designated-named-professional', template: 'designated-professional-advice' },
      { role: 'conference-chair', template: 'review-conference-request' },
      { role: 'all-parties', template: 'review-conference-decision' },
    ],
    copiedTo: 'conference-chair',
    timescales: { reconveneReminderDue: '2 working days' },
  },
  {
    title:
      'Given the Chair does not reconvene, When line management goes on to the top, Then the Head of the Safeguarding Unit is asked to intervene and, still unresolved, every party is told with the Chair copied',
    cite: 'safeguarding-unit 2.7, 3.4.3',
    key: cp,
    start: { ...cpStart, childStatus: 'none' },
    steps: [
      un('1'),
      un('2'),
      lv('reconvene-review-conference'),
      complete('Reconvene_RecordOutcome', { outcome: 'declined', decisionDetails: 'Plan progressing' }),
      lv('next-level'),
      lv('top-reached'),
      complete('Stage4_RecordOutcome', { outcome: 'unresolved', unresolvedReason: 'Still disputed' }),
    ],
    path: ['Reconvene_RecordOutcome', 'Stage3_RecordOutcome', 'Stage4_NotifyParties', ...CLOSED],
    ended: true,
    copiedTo: 'conference-chair',
  },
  {
    title:
      'Given front-line workers and then first-line managers ask for consultation, When the Safeguarding Unit first advises and then intervenes, Then each level carried on and the intervention resolves it',
    cite: 'safeguarding-unit 2.7, 3.4.2',
    key: cp,
    start: cpStart,
    steps: [consult('1'), advice, un('1'), consult('2'), complete('Consultation_RecordOutcome', resolved)],
    path: [
      'Consultation_ShareAdvice',
      'Stage1_ScheduleResume',
      'Stage1_RecordOutcome',
      'Stage2_RecordOutcome',
      'Consultation_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    copiedTo: 'conference-chair',
  },
  {
    title:
      'Given first-line managers and then a level of line management ask for consultation on a CP plan, When each has the advice, Then each carries on at its own level',
    cite: 'safeguarding-unit 2.7, 3.4.3',
    key: cp,
    start: cpStart,
    steps: [un('1'), consult('2'), advice, un('2'), consult('3'), advice, ok('3')],
    path: [
      'Stage2_ScheduleResume',
      'Stage2_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3_ScheduleResume',
      'Stage3_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given a CP plan dissent with immediate risk, When reminders fall due at every level and risk is raised again mid-way, Then the Chair is copied throughout and the Head of the Safeguarding Unit resolves it',
    cite: 'safeguarding-unit 1.5, 2.7, 3.4.3',
    key: cp,
    start: { ...cpStart, immediateRisk: true },
    steps: [
      { timer: 'Stage1_Reminder', due: 'stage1ReminderDue' },
      un('1'),
      { timer: 'Stage2_Reminder', due: 'stage2ReminderDue' },
      { message: 'immediate-risk' },
      un('2'),
      { timer: 'Stage3_Reminder', due: 'stage3ReminderDue' },
      lv('reconvene-review-conference'),
      { timer: 'Reconvene_Reminder', due: 'reconveneReminderDue' },
      complete('Reconvene_RecordOutcome', { outcome: 'declined', decisionDetails: 'Not needed' }),
      consult('3'),
      { timer: 'Consultation_Reminder', due: 'consultationReminderDue' },
      advice,
      lv('top-reached'),
      { timer: 'Stage4_Reminder', due: 'stage4ReminderDue' },
      ok('4'),
    ],
    path: [
      'Raise_RecordRouting',
      'Stage1_Reminder',
      'Stage2_Reminder',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'Stage3_Reminder',
      'Reconvene_Reminder',
      'Reconvene_RecordReminder',
      'Consultation_Reminder',
      'Stage4_Reminder',
      'Stage4_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    copiedTo: 'conference-chair',
  },
  {
    title:
      'Given a CP plan dissent at the first-line managers, When it is withdrawn with a reason, Then the withdrawal is recorded and every party told with the Conference Chair copied',
    cite: 'issue 12 (withdrawal); safeguarding-unit 3.4.3',
    key: cp,
    start: cpStart,
    steps: [un('1'), withdraw],
    path: ['Stage2_NotifyParties', ...WITHDRAWN],
    notPath: ['Stage2_LogOutcome'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'withdrawn' }],
    copiedTo: 'conference-chair',
  },
];
