/**
 * safeguarding-unit: General Principles, Resolving Disagreements (line management, 3.1) and dissent
 * about implementing a CP plan (3.4). The conference routes (3.2, 3.3) are in
 * safeguarding-unit-conference.scenarios.ts.
 */
import { resolved, unresolved, type Scenario } from './scenario.js';

/** Start variables shared by every safeguarding-unit scenario. */
export const start = { partnership: 'safeguarding-unit' as const };
/** The path of a resolved escalation. */
export const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
/** The path of an escalation closed unresolved. */
export const CLOSED = ['Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'];
const st = (n: string) => [
  `Stage${n}_ScheduleReminder`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
];
const lv = (outcome: string) => ({ complete: 'Stage3_RecordOutcome', with: { ...unresolved, outcome } });
const un = (n: string) => ({ complete: `Stage${n}_RecordOutcome`, with: unresolved });

const line = 'SafeguardingUnitLineManagement';
const cp = 'SafeguardingUnitCpPlan';

export const safeguardingUnit: Scenario[] = [
  {
    title:
      'Given practitioners disagree, When they resolve it between themselves, Then the outcome is confirmed in writing to every party',
    cite: 'safeguarding-unit 2.1, 2.3, 2.5',
    key: line,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: ['Raise_Record', 'Stage1_OfferSafeguardingLead', ...st('1'), ...RESOLVED],
    ended: true,
    notified: [{ role: 'safeguarding-lead', template: 'safeguarding-lead-guidance' }],
    timescales: { stage1ReminderDue: '5 working days' },
  },
  {
    title:
      'Given a Health professional is involved, When it goes to first-line managers, Then the Designated or Named Professional is invited and the managers resolve it',
    cite: 'safeguarding-unit 2.4, 3.1.1, 3.1.3',
    key: line,
    start: { ...start, raisedByAgency: 'health' },
    steps: [un('1'), { complete: 'Stage2_RecordOutcome', with: resolved }],
    path: ['Stage2_NotifyDesignatedProfessional', ...st('2'), ...RESOLVED],
    ended: true,
    notified: [{ role: 'designated-named-professional', template: 'designated-professional-advice' }],
    timescales: { stage2ReminderDue: '2 working days' },
  },
  {
    title:
      'Given no Health professional, When it goes to first-line managers, Then no Designated Professional is invited',
    cite: 'safeguarding-unit 3.1.3',
    key: line,
    start,
    steps: [un('1'), { complete: 'Stage2_RecordOutcome', with: resolved }],
    path: [...st('2'), ...RESOLVED],
    notPath: ['Stage2_NotifyDesignatedProfessional'],
    ended: true,
  },
  {
    title:
      'Given first-line managers disagree, When it goes up line management one level at a time, Then the third level resolves it',
    cite: 'safeguarding-unit 3.1.2',
    key: line,
    start,
    steps: [
      un('1'),
      un('2'),
      lv('next-level'),
      lv('next-level'),
      { complete: 'Stage3_RecordOutcome', with: resolved },
    ],
    path: [...st('3'), ...st('3'), ...st('3'), ...RESOLVED],
    ended: true,
  },
  {
    title:
      "Given the top of line management is reached, When a meeting of all parties agrees actions, Then the raising agency's record is shared with every agency",
    cite: 'safeguarding-unit 2.7, 3.1.4',
    key: line,
    start,
    steps: [un('1'), un('2'), lv('top-reached'), { complete: 'Stage4_RecordOutcome', with: resolved }],
    path: ['Stage4_OfferSafeguardingUnit', ...st('4'), ...RESOLVED],
    ended: true,
    notified: [{ role: 'head-of-safeguarding-unit', template: 'safeguarding-unit-consultation' }],
  },
  {
    title:
      'Given the all-parties meeting does not resolve it, When recorded, Then every party and the Head of the Safeguarding Unit are told',
    cite: 'safeguarding-unit 2.5, 3.1.4',
    key: line,
    start,
    steps: [un('1'), un('2'), lv('top-reached'), un('4')],
    path: ['Stage4_RecordOutcome', ...CLOSED],
    ended: true,
  },
  {
    title:
      'Given first-line managers are slow, When the Stage 2 reminder falls due, Then they are reminded and the escalation stays open',
    cite: 'safeguarding-unit 3.1.2 (without delay)',
    key: line,
    start,
    steps: [un('1'), { timer: 'Stage2_Reminder', due: 'stage2ReminderDue' }],
    path: ['Stage2_Reminder', 'Stage2_NotifyReminder', 'Stage2_RecordReminder', 'Stage2_ReminderSent'],
    ended: false,
  },
  {
    title:
      'Given a concern identified by a practitioner, When immediate risk is raised mid-stage, Then it goes through child protection procedures the same working day',
    cite: 'safeguarding-unit 1.5',
    key: line,
    start,
    steps: [{ message: 'immediate-risk' }, { complete: 'Stage1_RecordOutcome', with: resolved }],
    path: [
      'message:immediate-risk',
      'ImmediateRisk_ScheduleSameDay',
      'ImmediateRisk_NotifyChildProtection',
      'ImmediateRisk_Record',
      'Stage1_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given dissent about implementing a CP plan, When peers resolve it, Then the Conference Chair was copied into every stage notification',
    cite: 'safeguarding-unit 3.4.2, 3.4.3',
    key: cp,
    start: { ...start, disagreementContext: 'cp-plan', childStatus: 'CPP' },
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: [...st('1'), ...RESOLVED],
    ended: true,
    copiedTo: 'conference-chair',
  },
  {
    title:
      'Given line management is exhausted on a CP plan dissent, When the Conference Chair decides to reconvene the Review Conference, Then every party is told',
    cite: 'safeguarding-unit 3.4.3, 3.4.4',
    key: cp,
    start: { ...start, disagreementContext: 'cp-plan', childStatus: 'CPP' },
    steps: [
      un('1'),
      un('2'),
      lv('top-reached'),
      {
        complete: 'Reconvene_RecordOutcome',
        with: { outcome: 'agreed', decisionDetails: 'Review conference on 20 Nov' },
      },
    ],
    path: [
      'Stage2_Consulted',
      ...st('2'),
      ...st('3'),
      'Reconvene_ScheduleReminder',
      'Reconvene_NotifyParties',
      'Reconvene_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [
      { role: 'designated-named-professional', template: 'designated-professional-advice' },
      { role: 'conference-chair', template: 'stage-started' },
    ],
    copiedTo: 'conference-chair',
  },
  {
    title:
      'Given the Conference Chair does not reconvene, When recorded, Then it is closed with every party told',
    cite: 'safeguarding-unit 3.4.3',
    key: cp,
    start: { ...start, disagreementContext: 'cp-plan' },
    steps: [
      un('1'),
      un('2'),
      lv('top-reached'),
      {
        complete: 'Reconvene_RecordOutcome',
        with: { outcome: 'declined', decisionDetails: 'Plan progressing' },
      },
    ],
    path: ['Reconvene_RecordOutcome', ...CLOSED],
    ended: true,
  },
  {
    title:
      'Given immediate risk at raise and slow responses at every level, When each reminder falls due, Then each only prompts and the all-parties meeting still resolves it',
    cite: 'safeguarding-unit 1.5, 3.1.2, 3.1.4',
    key: line,
    start: { ...start, immediateRisk: true },
    steps: [
      { timer: 'Stage1_Reminder', due: 'stage1ReminderDue' },
      un('1'),
      un('2'),
      { timer: 'Stage3_Reminder', due: 'stage3ReminderDue' },
      lv('top-reached'),
      { timer: 'Stage4_Reminder', due: 'stage4ReminderDue' },
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: [
      'Raise_NotifyChildProtection',
      'Stage1_Reminder',
      'Stage1_NotifyReminder',
      'Stage1_RecordOutcome',
      'Stage3_Reminder',
      'Stage3_RecordOutcome',
      'Stage4_Reminder',
      'Stage4_RecordReminder',
      'Stage4_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given a CP plan dissent with immediate risk, When reminders fall due at every level and risk is raised again mid-way, Then the Chair is copied throughout and reconvenes the conference',
    cite: 'safeguarding-unit 1.5, 3.4.3',
    key: cp,
    start: { ...start, disagreementContext: 'cp-plan', immediateRisk: true },
    steps: [
      { timer: 'Stage1_Reminder', due: 'stage1ReminderDue' },
      un('1'),
      { timer: 'Stage2_Reminder', due: 'stage2ReminderDue' },
      { message: 'immediate-risk' },
      un('2'),
      { timer: 'Stage3_Reminder', due: 'stage3ReminderDue' },
      lv('top-reached'),
      { timer: 'Reconvene_Reminder', due: 'reconveneReminderDue' },
      { complete: 'Reconvene_RecordOutcome', with: { outcome: 'agreed', decisionDetails: 'Reconvene' } },
    ],
    path: [
      'Raise_RecordRouting',
      'Stage1_Reminder',
      'Stage2_Reminder',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'Stage3_Reminder',
      'Reconvene_Reminder',
      'Reconvene_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    copiedTo: 'conference-chair',
  },
];
