/** liverpool: LSCB Resolution & Escalation Procedure. */
import { resolved, unresolved, type Scenario } from './scenario.js';

const key = 'LiverpoolEscalation';
const start = {
  partnership: 'liverpool' as const,
  raisedByAgency: 'school',
  otherAgency: 'childrens-services',
};
const S1 = [
  'Raise_Record',
  'Stage1_ScheduleDeadline',
  'Stage1_NotifyParties',
  'Stage1_RecordOutcome',
  'Stage1_RecordCaseFile',
  'Stage1_SummaryLog',
];
const S1LM = [
  'Stage1LineManager_ScheduleDeadline',
  'Stage1LineManager_NotifyParties',
  'Stage1LineManager_RecordOutcome',
  'Stage1LineManager_RecordCaseFile',
  'Stage1LineManager_SummaryLog',
];
const S2 = [
  'Stage2_ScheduleDeadline',
  'Stage2_NotifyParties',
  'Stage2_RecordOutcome',
  'Stage2_RecordCaseFile',
  'Stage2_SummaryLog',
];
const S3 = [
  'Stage3_Appendix2Referral',
  'Stage3_ScheduleDeadline',
  'Stage3_NotifyParties',
  'Stage3_RecordOutcome',
  'Stage3_RecordCaseFile',
  'Stage3_Appendix2Outcome',
];
const S3M = [
  'Stage3Mediation_AskBusinessManager',
  'Stage3Mediation_ScheduleDeadline',
  'Stage3Mediation_NotifyParties',
  'Stage3Mediation_RecordOutcome',
];
const S4 = [
  'Stage4_NotifyBusinessManager',
  'Stage4_RequestRepresentations',
  'Stage4_ScheduleDeadline',
  'Stage4_NotifyParties',
  'Stage4_RecordOutcome',
  'Stage4_Appendix2Outcome',
];
const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const toStage2 = [
  { complete: 'Stage1_RecordOutcome', with: unresolved },
  { complete: 'Stage1LineManager_RecordOutcome', with: unresolved },
];
const toStage3 = [...toStage2, { complete: 'Stage2_RecordOutcome', with: unresolved }];
const toStage4 = [
  ...toStage3,
  { complete: 'Stage3_RecordOutcome', with: unresolved },
  { complete: 'Stage3Mediation_RecordOutcome', with: unresolved },
];

export const liverpool: Scenario[] = [
  {
    title:
      'Given a disagreement raised on Monday, When the workers resolve it in their discussion, Then Stage 1 records it on the case file and Summary Log and every party gets the outcome',
    cite: 'liverpool RECORD, Stage 1 Attempt Resolution',
    key,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: [...S1, ...RESOLVED],
    notPath: ['Stage1LineManager_ScheduleDeadline'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'outcome-confirmation' }],
    timescales: { stage1Due: 'Day 1' },
    dueAt: { stage1Due: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      'Given Stage 1 is not resolved by the end of Day 1, When its timer fires, Then the line managers are asked for a speedy response, the breach is recorded and the line managers resolve it by Day 2',
    cite: 'liverpool Stage 1 (Day 1-2)',
    key,
    start,
    steps: [
      { timer: 'Stage1_Deadline', due: 'stage1Due' },
      { complete: 'Stage1LineManager_RecordOutcome', with: resolved },
    ],
    path: ['Stage1_Deadline', 'Stage1_NotifyBreach', 'Stage1_RecordBreach', ...S1LM, ...RESOLVED],
    ended: true,
    notified: [{ role: 'line-manager', template: 'stage-breached' }],
    timescales: { stage1LineManagerDue: 'Day 2' },
    dueAt: { stage1LineManagerDue: '2026-11-04T00:00:00.000Z' },
  },
  {
    title:
      'Given the line managers do not resolve it by Day 2, When the timer fires, Then it goes to Stage 2 without telling an IRO (child not on a CPP or CLA) and Stage 2 resolves it',
    cite: 'liverpool Stage 1, Stage 2',
    key,
    start,
    steps: [
      { complete: 'Stage1_RecordOutcome', with: unresolved },
      { timer: 'Stage1LineManager_Deadline', due: 'stage1LineManagerDue' },
      { complete: 'Stage2_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage1LineManager_Deadline',
      'Stage1LineManager_NotifyBreach',
      'Stage1LineManager_RecordBreach',
      ...S2,
      ...RESOLVED,
    ],
    notPath: ['Stage2_NotifyIRO'],
    ended: true,
    notified: [{ role: 'organisation-safeguarding-representative', template: 'stage-breached' }],
    timescales: { stage2Due: 'Day 9' },
    dueAt: { stage2Due: '2026-11-11T00:00:00.000Z' },
  },
  {
    title:
      'Given a child on a Child Protection Plan, When the disagreement is escalated to Stage 2, Then the Independent Reviewing Officer is notified',
    cite: 'liverpool Stage 1 (asterisked note: CPP or CLA)',
    key,
    start: { ...start, childStatus: 'CPP' },
    steps: [...toStage2, { complete: 'Stage2_RecordOutcome', with: resolved }],
    path: [...S1LM, 'Stage2_NotifyIRO', ...S2, ...RESOLVED],
    ended: true,
    notified: [{ role: 'independent-reviewing-officer', template: 'iro-notification' }],
  },
  {
    title:
      'Given a Child Looked After, When the disagreement is escalated to Stage 2, Then the Independent Reviewing Officer is notified',
    cite: 'liverpool Stage 1 (asterisked note: CPP or CLA)',
    key,
    start: { ...start, childStatus: 'CLA' },
    steps: [...toStage2, { complete: 'Stage2_RecordOutcome', with: resolved }],
    path: ['Stage2_NotifyIRO', ...S2, ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given Stage 2 passes Day 9, When its timer fires, Then the LSCB representatives are told, the Appendix 2 report goes to the Business Officer and Stage 3 resolves it',
    cite: 'liverpool Stage 2, Stage 3, Appendix 2',
    key,
    start,
    steps: [
      ...toStage2,
      { timer: 'Stage2_Deadline', due: 'stage2Due' },
      { complete: 'Stage3_RecordOutcome', with: resolved },
    ],
    path: ['Stage2_Deadline', 'Stage2_NotifyBreach', 'Stage2_RecordBreach', ...S3, ...RESOLVED],
    ended: true,
    notified: [{ role: 'lscb-safeguarding-representative', template: 'stage-breached' }],
    timescales: { stage3Due: 'Day 16' },
    dueAt: { stage3Due: '2026-11-18T00:00:00.000Z' },
  },
  {
    title:
      'Given the LSCB representatives cannot resolve it, When Stage 3 is unresolved, Then the Business Manager identifies a partnership representative and the mediation meeting resolves it',
    cite: 'liverpool Stage 3',
    key,
    start,
    steps: [
      ...toStage3,
      { complete: 'Stage3_RecordOutcome', with: unresolved },
      { complete: 'Stage3Mediation_RecordOutcome', with: resolved },
    ],
    path: [...S3, ...S3M, ...RESOLVED],
    ended: true,
    notified: [{ role: 'lscb-business-manager', template: 'identify-mediator' }],
  },
  {
    title:
      'Given Stage 3 passes Day 16, When its timer fires, Then the Independent Chair and Business Manager are told and Stage 4 begins',
    cite: 'liverpool Stage 3, Stage 4',
    key,
    start,
    steps: [
      ...toStage3,
      { timer: 'Stage3_Deadline', due: 'stage3Due' },
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: ['Stage3_Deadline', 'Stage3_NotifyBreach', 'Stage3_RecordBreach', ...S4, ...RESOLVED],
    notPath: ['Stage3Mediation_AskBusinessManager'],
    ended: true,
    notified: [
      { role: 'lscb-independent-chair', template: 'stage-breached' },
      { role: 'all-parties', template: 'written-representations' },
    ],
    timescales: { stage4Due: 'Day 23' },
    dueAt: { stage4Due: '2026-11-25T00:00:00.000Z' },
  },
  {
    title:
      'Given the mediation meeting passes Day 16, When its timer fires, Then the dispute goes to the Independent Chair, who resolves it with a resolution panel',
    cite: 'liverpool Stage 3, Stage 4',
    key,
    start,
    steps: [
      ...toStage3,
      { complete: 'Stage3_RecordOutcome', with: unresolved },
      { timer: 'Stage3Mediation_Deadline', due: 'stage3MediationDue' },
      { complete: 'Stage4_RecordOutcome', with: { ...resolved, resolutionPanel: true } },
    ],
    path: [
      'Stage3Mediation_Deadline',
      'Stage3Mediation_NotifyBreach',
      'Stage3Mediation_RecordBreach',
      ...S4,
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given the Independent Chair passes Day 23, When the timer fires, Then the Chair and Business Manager are reminded, a follow-up deadline is set and the escalation stays open until the Chair records the outcome',
    cite: 'liverpool Stage 4',
    key,
    start,
    steps: [
      ...toStage4,
      { timer: 'Stage4_Deadline', due: 'stage4Due' },
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage4_NotifyParties',
      'Stage4_Deadline',
      'Stage4_NotifyBreach',
      'Stage4_RecordBreach',
      'Stage4_ScheduleFollowUp',
      'Stage4_RecordOutcome',
      'Stage4_Appendix2Outcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'lscb-independent-chair', template: 'stage-breached' }],
  },
  {
    title:
      'Given the Independent Chair records that it is not resolved, When Stage 4 ends, Then the outcome is recorded and every party and the Business Manager are told',
    cite: 'liverpool Stage 4',
    key,
    start,
    steps: [...toStage4, { complete: 'Stage4_RecordOutcome', with: unresolved }],
    path: [...S4, 'Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'],
    ended: true,
    notified: [{ role: 'lscb-business-manager', template: 'closed-unresolved' }],
  },
  {
    title:
      'Given a child at immediate risk of significant harm at raise, When the escalation starts, Then it goes to safeguarding procedures the same working day and Stage 1 still runs',
    cite: 'liverpool p.3 (same working day)',
    key,
    start: { ...start, immediateRisk: true },
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: [
      'Raise_Record',
      'Raise_ScheduleSameDay',
      'Raise_NotifyChildProtection',
      'Raise_RecordRouting',
      ...S1.slice(1),
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
    timescales: { raiseRiskDue: 'same working day' },
    dueAt: { raiseRiskDue: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      "Given Stage 2 is under way, When immediate risk is raised, Then children's services service managers are told the same working day and Stage 2 carries on to a resolution",
    cite: 'liverpool p.3 and Stage 2 NOTE',
    key,
    start,
    steps: [...toStage2, { message: 'immediate-risk' }, { complete: 'Stage2_RecordOutcome', with: resolved }],
    path: [
      'Stage2_NotifyParties',
      'message:immediate-risk',
      'ImmediateRisk_ScheduleSameDay',
      'ImmediateRisk_NotifyChildProtection',
      'ImmediateRisk_Record',
      'Stage2_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'childrens-services-service-manager', template: 'immediate-risk' }],
    timescales: { immediateRiskDue: 'same working day' },
  },
];
