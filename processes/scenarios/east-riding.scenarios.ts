/**
 * east-riding: ERSCP Resolving Inter-Agency Disagreements, §1-§4 and §6. Conference dissent (§5) is in
 * east-riding-dissent.scenarios.ts.
 */
import { resolved, unresolved, type Scenario } from './scenario.js';

const key = 'EastRidingEscalation';
/** Start variables shared by every east-riding scenario. */
export const start = { partnership: 'east-riding' as const };
const stage = (n: string) => [
  `Stage${n}_ScheduleDeadline`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
];
const RESOLVED = [
  'Resolved_Record',
  'Resolved_ConfirmAllParties',
  'Lessons_ScheduleReminder',
  'Lessons_Record',
  'Escalation_Resolved',
];
const noLessons = { complete: 'Lessons_Record', with: { multiAgencyLessons: false } };
const un = (n: string) => ({ complete: `Stage${n}_RecordOutcome`, with: unresolved });
const STAGE4 = ['Stage4_TellOtherOrganisation', 'Stage4_TellErscpTeam', 'Stage4_AppendixA', ...stage('4')];
const STAGE5 = [
  'Stage5_ApproachErscpChair',
  'Stage5_ScheduleDeadline',
  'Stage5_NotifyParties',
  'Stage5_RecordOutcome',
  'Stage5_ReportToMeeGroup',
];

export const eastRiding: Scenario[] = [
  {
    title:
      'Given a worker raises a disagreement on Monday 10:00, When their own manager helps resolve it, Then Stage 1 closes it with written confirmation and lessons are considered',
    cite: 'east-riding §2, §3, §4 Stage One, §6',
    key,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }, noLessons],
    path: ['Raise_Record', ...stage('1'), ...RESOLVED],
    notPath: ['Lessons_NotifyServiceManager'],
    ended: true,
    timescales: { stage1Due: '5 days from raised', lessonsDue: '5 working days' },
    dueAt: { stage1Due: '2026-11-07T10:00:00.000Z' },
  },
  {
    title:
      'Given Stage 1 fails, When the workers resolve it at Stage 2 and see multi-agency lessons, Then the resolution goes to the ERSCP Service Manager',
    cite: 'east-riding §4 Stage Two, §6',
    key,
    start,
    steps: [
      un('1'),
      { complete: 'Stage2_RecordOutcome', with: resolved },
      {
        complete: 'Lessons_Record',
        with: { multiAgencyLessons: true, lessonsDetails: 'Threshold guidance' },
      },
    ],
    path: [
      ...stage('2'),
      'Resolved_Record',
      'Lessons_Record',
      'Lessons_NotifyServiceManager',
      'Escalation_Resolved',
    ],
    ended: true,
    notified: [{ role: 'erscp-service-manager', template: 'lessons-learned' }],
    timescales: { stage2Due: '5 days from raised' },
    dueAt: { stage2Due: '2026-11-07T10:00:00.000Z' },
  },
  {
    title: 'Given Stages 1 and 2 fail, When the line managers resolve it, Then Stage 3 closes it',
    cite: 'east-riding §4 Stage Three',
    key,
    start,
    steps: [un('1'), un('2'), { complete: 'Stage3_RecordOutcome', with: resolved }, noLessons],
    path: [...stage('3'), ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given Stage 3 fails, When Stage 4 begins, Then the other organisation is told, the ERSCP Team is made aware and Appendix A is returned, and the senior managers resolve it',
    cite: 'east-riding §4 Stage Four, Appendix A',
    key,
    start,
    steps: [un('1'), un('2'), un('3'), { complete: 'Stage4_RecordOutcome', with: resolved }, noLessons],
    path: [...STAGE4, ...RESOLVED],
    ended: true,
    notified: [
      { role: 'other-agency-senior-manager', template: 'stage4-intention' },
      { role: 'erscp-team', template: 'stage4-erscp-aware' },
    ],
  },
  {
    title:
      'Given Stage 4 fails, When Stage 5 mediation is chaired by an uninvolved Partnership Member, Then it is due 10 days from raised, reported to the MEE Group and resolved',
    cite: 'east-riding §3, §4 Stage Five',
    key,
    start,
    steps: [
      un('1'),
      un('2'),
      un('3'),
      un('4'),
      { complete: 'Stage5_RecordOutcome', with: resolved },
      noLessons,
    ],
    path: [...STAGE5, ...RESOLVED],
    ended: true,
    notified: [{ role: 'erscp-chair', template: 'stage5-identify-chair' }],
    timescales: { stage5Due: '10 days from raised' },
    dueAt: { stage5Due: '2026-11-12T10:00:00.000Z' },
  },
  {
    title:
      'Given 5 days pass at Stage 1, When its timer fires, Then the next-level managers are asked for a speedy response and Stage 5 begins',
    cite: 'east-riding §3',
    key,
    start,
    steps: [
      { timer: 'Stage1_Deadline', due: 'stage1Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
      noLessons,
    ],
    path: ['Stage1_Deadline', 'Stage1_NotifyBreach', 'Stage1_RecordBreach', ...STAGE5, ...RESOLVED],
    notPath: ['Stage2_ScheduleDeadline'],
    ended: true,
    notified: [{ role: 'line-manager', template: 'stage-breached' }],
  },
  {
    title: 'Given 5 days pass at Stage 2, When its timer fires, Then Stage 5 begins',
    cite: 'east-riding §3',
    key,
    start,
    steps: [
      un('1'),
      { timer: 'Stage2_Deadline', due: 'stage2Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
      noLessons,
    ],
    path: ['Stage2_Deadline', 'Stage2_NotifyBreach', 'Stage2_RecordBreach', ...STAGE5],
    notPath: ['Stage3_ScheduleDeadline'],
    ended: true,
  },
  {
    title:
      'Given 5 days pass at Stage 3, When its timer fires, Then senior operational managers are told and Stage 5 begins',
    cite: 'east-riding §3',
    key,
    start,
    steps: [
      un('1'),
      un('2'),
      { timer: 'Stage3_Deadline', due: 'stage3Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
      noLessons,
    ],
    path: ['Stage3_Deadline', 'Stage3_NotifyBreach', 'Stage3_RecordBreach', ...STAGE5],
    notPath: ['Stage4_AppendixA'],
    ended: true,
    notified: [{ role: 'senior-operational-manager', template: 'stage-breached' }],
  },
  {
    title:
      'Given 5 days pass at Stage 4, When its timer fires, Then the Head of Service is told and Stage 5 begins',
    cite: 'east-riding §3, §4 Stage Four',
    key,
    start,
    steps: [
      un('1'),
      un('2'),
      un('3'),
      { timer: 'Stage4_Deadline', due: 'stage4Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
      noLessons,
    ],
    path: ['Stage4_Deadline', 'Stage4_NotifyBreach', 'Stage4_RecordBreach', ...STAGE5],
    ended: true,
    notified: [{ role: 'head-of-service', template: 'stage-breached' }],
  },
  {
    title:
      'Given Stage 5 passes 10 days from raised, When its timer fires, Then the ERSCP Chair is reminded, a follow-up deadline is set and the escalation stays open until recorded',
    cite: 'east-riding §3',
    key,
    start,
    steps: [
      un('1'),
      un('2'),
      un('3'),
      un('4'),
      { timer: 'Stage5_Deadline', due: 'stage5Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
      noLessons,
    ],
    path: [
      'Stage5_Deadline',
      'Stage5_NotifyBreach',
      'Stage5_RecordBreach',
      'Stage5_ScheduleFollowUp',
      'Stage5_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given Stage 5 mediation ends without agreement, When it is recorded, Then the decision is finalised, reported to the MEE Group and every party told',
    cite: 'east-riding §4 Stage Five',
    key,
    start,
    steps: [un('1'), un('2'), un('3'), un('4'), un('5')],
    path: [...STAGE5, 'Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'],
    ended: true,
  },
  {
    title:
      'Given a child at risk of immediate harm at raise, When the escalation starts, Then the designated safeguarding lead is told the same working day and Stage 1 still runs',
    cite: 'east-riding §1',
    key,
    start: { ...start, immediateRisk: true },
    steps: [{ message: 'immediate-risk' }, { complete: 'Stage1_RecordOutcome', with: resolved }, noLessons],
    path: [
      'Raise_ScheduleSameDay',
      'Raise_NotifyChildProtection',
      'Raise_RecordRouting',
      'Stage1_ScheduleDeadline',
      'message:immediate-risk',
      'ImmediateRisk_NotifyChildProtection',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
  },
  {
    title:
      'Given a resolution, When nobody considers lessons within 5 working days, Then the reminder prompts and the lessons are then recorded',
    cite: 'east-riding §6',
    key,
    start,
    steps: [
      { complete: 'Stage1_RecordOutcome', with: resolved },
      { timer: 'Lessons_Reminder', due: 'lessonsDue' },
      noLessons,
    ],
    path: [
      'Lessons_ScheduleReminder',
      'Lessons_Reminder',
      'Lessons_NotifyReminder',
      'Lessons_Record',
      'Escalation_Resolved',
      'Lessons_ReminderSent',
    ],
    ended: true,
  },
];
