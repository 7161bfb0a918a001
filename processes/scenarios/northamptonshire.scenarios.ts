/** northamptonshire: NSCP Tea-break guide "Professional Disagreements". */
import { resolved, unresolved, type Scenario } from './scenario.js';

const key = 'NorthamptonshireEscalation';
const start = { partnership: 'northamptonshire' as const };
const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const stage = (n: string) => [
  `Stage${n}_ScheduleDeadline`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
];
const level = (outcome: string) => ({ complete: 'Stage3_RecordOutcome', with: { ...unresolved, outcome } });
const toStage3 = [
  { complete: 'Stage1_RecordOutcome', with: unresolved },
  { complete: 'Stage2_RecordOutcome', with: unresolved },
];
const toStage4 = [...toStage3, level('top-reached')];
const toStage5 = [...toStage4, { complete: 'Stage4_RecordOutcome', with: unresolved }];

export const northamptonshire: Scenario[] = [
  {
    title:
      'Given a disagreement raised on Monday 10:00, When the professionals agree a plan, Then Stage 1 resolves it and every party gets the plan in writing',
    cite: 'northamptonshire Stage 1',
    key,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: ['Raise_Record', ...stage('1'), ...RESOLVED],
    ended: true,
    timescales: { stage1Due: '2 working days' },
    dueAt: { stage1Due: '2026-11-04T10:00:00.000Z' },
  },
  {
    title:
      'Given no agreed plan within 2 working days, When the Stage 1 timer fires, Then the line managers are told, the breach recorded and the managers resolve it at Stage 2',
    cite: 'northamptonshire Stage 1, Stage 2',
    key,
    start,
    steps: [
      { timer: 'Stage1_Deadline', due: 'stage1Due' },
      { complete: 'Stage2_RecordOutcome', with: resolved },
    ],
    path: ['Stage1_Deadline', 'Stage1_NotifyBreach', 'Stage1_RecordBreach', ...stage('2'), ...RESOLVED],
    ended: true,
    notified: [{ role: 'line-manager', template: 'stage-breached' }],
    timescales: { stage2Due: '5 working days' },
    dueAt: { stage2Due: '2026-11-09T10:00:00.000Z' },
  },
  {
    title:
      'Given Stage 2 passes 5 working days, When its timer fires, Then the senior managers are told and Stage 3 resolves it at the first level',
    cite: 'northamptonshire Stage 2, Stage 3',
    key,
    start,
    steps: [
      { complete: 'Stage1_RecordOutcome', with: unresolved },
      { timer: 'Stage2_Deadline', due: 'stage2Due' },
      { complete: 'Stage3_RecordOutcome', with: resolved },
    ],
    path: ['Stage2_Deadline', 'Stage2_NotifyBreach', 'Stage2_RecordBreach', ...stage('3'), ...RESOLVED],
    ended: true,
    notified: [{ role: 'senior-manager', template: 'stage-breached' }],
    timescales: { stage3Due: '5 working days' },
  },
  {
    title:
      'Given three levels of management, When Stage 3 is referred up twice and the third level is the top, Then each level gets 5 working days and Stage 4 resolves it',
    cite: 'northamptonshire Stage 3 (repeats level by level), Stage 4',
    key,
    start,
    steps: [
      ...toStage3,
      level('next-level'),
      level('next-level'),
      level('top-reached'),
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: [...stage('3'), ...stage('3'), ...stage('3'), ...stage('4'), ...RESOLVED],
    ended: true,
    timescales: { stage4Due: '2 working days' },
  },
  {
    title:
      'Given a head teacher who holds every level, When the first Stage 3 level is also the top, Then it goes straight on to Stage 4',
    cite: 'northamptonshire The Process (a head teacher may act at all levels)',
    key,
    start: { ...start, otherAgency: 'school' },
    steps: [...toStage4, { complete: 'Stage4_RecordOutcome', with: resolved }],
    path: [...stage('3'), 'Stage4_ScheduleDeadline', ...RESOLVED],
    notPath: ['Stage3_NotifyBreach'],
    ended: true,
  },
  {
    title:
      'Given a Stage 3 level passes 5 working days, When its timer fires, Then the next level is asked for a speedy response and that level resolves it',
    cite: 'northamptonshire Stage 3',
    key,
    start,
    steps: [
      ...toStage3,
      { timer: 'Stage3_Deadline', due: 'stage3Due' },
      { complete: 'Stage3_RecordOutcome', with: resolved },
    ],
    path: ['Stage3_Deadline', 'Stage3_NotifyBreach', 'Stage3_RecordBreach', ...stage('3'), ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given Directors pass 2 working days, When the Stage 4 timer fires, Then the Business Office is told and a Strategic Lead mediates at Stage 5, reporting to the Partnership',
    cite: 'northamptonshire Stage 4, Stage 5',
    key,
    start,
    steps: [
      ...toStage4,
      { timer: 'Stage4_Deadline', due: 'stage4Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage4_Deadline',
      'Stage4_NotifyBreach',
      'Stage4_RecordBreach',
      'Stage5_ReferToBusinessOffice',
      ...stage('5'),
      'Stage5_PartnershipReport',
      ...RESOLVED,
    ],
    ended: true,
    notified: [
      { role: 'nscp-business-office', template: 'stage-breached' },
      { role: 'nscp-business-office', template: 'stage5-referral' },
    ],
    timescales: { stage5Due: '5 working days' },
  },
  {
    title:
      'Given mediation is not offered within 5 working days, When the Stage 5 timer fires, Then the Business Office and Strategic Lead are reminded and the escalation stays open until it is recorded',
    cite: 'northamptonshire Stage 5',
    key,
    start,
    steps: [
      ...toStage5,
      { timer: 'Stage5_Deadline', due: 'stage5Due' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage5_Deadline',
      'Stage5_NotifyBreach',
      'Stage5_RecordBreach',
      'Stage5_ScheduleFollowUp',
      'Stage5_RecordOutcome',
      'Stage5_PartnershipReport',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given mediation does not resolve it, When Stage 5 ends, Then the report goes to the Partnership and every party and the Partnership are told',
    cite: 'northamptonshire Stage 5',
    key,
    start,
    steps: [...toStage5, { complete: 'Stage5_RecordOutcome', with: unresolved }],
    path: [
      'Stage5_RecordOutcome',
      'Stage5_PartnershipReport',
      'Final_RecordUnresolved',
      'Final_NotifyUnresolved',
      'Escalation_ClosedUnresolved',
    ],
    ended: true,
    notified: [{ role: 'nscp-partnership', template: 'closed-unresolved' }],
  },
  {
    title:
      'Given Stage 3 is under way, When immediate risk is raised, Then child protection is told the same working day and Stage 3 carries on',
    cite: 'issue 7 (immediate risk in every procedure)',
    key,
    start,
    steps: [...toStage3, { message: 'immediate-risk' }, { complete: 'Stage3_RecordOutcome', with: resolved }],
    path: [
      'Stage3_NotifyParties',
      'message:immediate-risk',
      'ImmediateRisk_NotifyChildProtection',
      'ImmediateRisk_Record',
      'Stage3_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    timescales: { immediateRiskDue: 'same working day' },
    dueAt: { immediateRiskDue: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      'Given a child at immediate risk at raise, When the escalation starts, Then child protection is told the same working day and Stage 1 still runs',
    cite: 'issue 7 (immediate risk at raise time)',
    key,
    start: { ...start, immediateRisk: true },
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: [
      'Raise_ScheduleSameDay',
      'Raise_NotifyChildProtection',
      'Raise_RecordRouting',
      ...stage('1'),
      ...RESOLVED,
    ],
    ended: true,
  },
];
