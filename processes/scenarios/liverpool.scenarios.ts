/**
 * liverpool: LSCB Resolution & Escalation Procedure (Liverpool Safeguarding Children Board, version
 * 180501): the raise, Stage 1 (the workers, then the line managers), Stage 2 with its NOTE, immediate
 * risk and withdrawal. Stages 3 and 4 and the Report to LSCB are in liverpool-lscb.scenarios.ts.
 */
import { resolved, unresolved, type Scenario, type Step } from './scenario.js';

export const key = 'LiverpoolEscalation';
export const start = {
  partnership: 'liverpool' as const,
  raisedByAgency: 'school',
  otherAgency: 'childrens-services',
  levelOfNeed: 'S17' as const,
};
export const S1 = [
  'Raise_Record',
  'Stage1_ScheduleDeadline',
  'Stage1_NotifyParties',
  'Stage1_RecordOutcome',
  'Stage1_RecordCaseFile',
  'Stage1_SummaryLog',
];
export const S1LM = [
  'Stage1LineManager_ScheduleDeadline',
  'Stage1LineManager_NotifyParties',
  'Stage1LineManager_RecordOutcome',
  'Stage1LineManager_RecordCaseFile',
  'Stage1LineManager_SummaryLog',
];
export const S2 = [
  'Stage2_ScheduleDeadline',
  'Stage2_NotifyParties',
  'Stage2_RecordOutcome',
  'Stage2_RecordCaseFile',
  'Stage2_SummaryLog',
];
export const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
/** What an agency's Summary Log (Appendix 1) asks of the line managers and safeguarding representatives. */
export const appendix1 = {
  agencyEscalationNumber: 'SCH-2026/017',
  concern: 'Neglect: missed health appointments',
  actionsUndertaken:
    'Telephone discussion between the workers; line managers discussed with their counterparts',
};
export const toStage2: Step[] = [
  { complete: 'Stage1_RecordOutcome', with: { ...unresolved, ...appendix1 } },
  {
    complete: 'Stage1LineManager_RecordOutcome',
    with: { ...unresolved, ...appendix1, professionalsMeeting: 'convened' },
  },
];
/** Stage 2 unresolved, with the Report to LSCB (Appendix 2) fields its referral needs. */
export const toStage3: Step[] = [
  ...toStage2,
  {
    complete: 'Stage2_RecordOutcome',
    with: {
      ...unresolved,
      ...appendix1,
      otherProfessionals: [{ role: 'Named Nurse', agency: 'health' }],
      discussionDate: new Date('2026-11-09T00:00:00.000Z'),
      resolutionMethod: 'Discussion between the organisation safeguarding representatives',
    },
  },
];

export const liverpool: Scenario[] = [
  {
    title:
      'Given a disagreement raised on Monday, When the workers resolve it in their discussion, Then Stage 1 writes the case record and the Summary Log, every party gets the outcome and no Report to LSCB is asked for',
    cite: 'LSCB Resolution & Escalation Procedure, RECORD, Stage 1 Attempt Resolution',
    key,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: { ...resolved, ...appendix1 } }],
    path: [...S1, ...RESOLVED],
    notPath: ['Stage1LineManager_ScheduleDeadline', 'Lessons_CompleteReport'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'outcome-confirmation' }],
    timescales: { stage1Due: 'Day 1' },
    dueAt: { stage1Due: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      'Given Stage 1 is not resolved by the end of Day 1, When its timer fires, Then the workers are told, the breach goes on the case record and the Escalation Summary Log, and the line managers resolve it by Day 2',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 1 Attempt Resolution ("If matters remain unresolved this also must be recorded on the Escalation Summary Log"), RECORD',
    key,
    start,
    steps: [
      { timer: 'Stage1_Deadline', due: 'stage1Due' },
      {
        complete: 'Stage1LineManager_RecordOutcome',
        with: { ...resolved, professionalsMeeting: 'not-needed' },
      },
    ],
    path: [
      'Stage1_Deadline',
      'Stage1_NotifyBreach',
      'Stage1_RecordBreach',
      'Stage1_BreachSummaryLog',
      ...S1LM,
      ...RESOLVED,
    ],
    notPath: ['Stage1LineManager_NotifyIRO'],
    ended: true,
    notified: [
      { role: 'raising-professional', template: 'stage-breached' },
      { role: 'line-manager', template: 'stage-started' },
    ],
    timescales: { stage1LineManagerDue: 'Day 2' },
    dueAt: { stage1LineManagerDue: '2026-11-04T00:00:00.000Z' },
  },
  {
    title:
      'Given the line managers do not resolve it by Day 2, When the timer fires, Then the breach goes on the case record and the Summary Log, Stage 2 starts without telling an IRO (child not on a CPP or CLA) and resolves it',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 1 Escalate to Line Manager, Stage 2',
    key,
    start,
    steps: [
      { complete: 'Stage1_RecordOutcome', with: unresolved },
      { timer: 'Stage1LineManager_Deadline', due: 'stage1LineManagerDue' },
      { complete: 'Stage2_RecordOutcome', with: { ...resolved, ...appendix1 } },
    ],
    path: [
      'Stage1LineManager_Deadline',
      'Stage1LineManager_NotifyBreach',
      'Stage1LineManager_RecordBreach',
      'Stage1LineManager_BreachSummaryLog',
      ...S2,
      ...RESOLVED,
    ],
    notPath: ['Stage1LineManager_NotifyIRO', 'Stage2_NotifyIRO', 'Lessons_CompleteReport'],
    ended: true,
    notified: [
      { role: 'line-manager', template: 'stage-breached' },
      { role: 'organisation-safeguarding-representative', template: 'stage-started' },
    ],
    timescales: { stage2Due: 'Day 9' },
    dueAt: { stage2Due: '2026-11-11T00:00:00.000Z' },
  },
  {
    title:
      "Given a child on a Child Protection Plan, When the workers escalate to their line managers, Then the Independent Reviewing Officer is notified at the line managers' step, before Stage 2 is ever reached",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 1 Escalate to Line Manager ("the Independent Reviewing Officer must also be notified")',
    key,
    start: { ...start, childStatus: 'CPP' },
    steps: [
      { complete: 'Stage1_RecordOutcome', with: unresolved },
      { complete: 'Stage1LineManager_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage1_RecordOutcome',
      'Stage1LineManager_NotifyIRO',
      'Stage1LineManager_NotifyParties',
      'Stage1LineManager_RecordOutcome',
      ...RESOLVED,
    ],
    notPath: ['Stage2_NotifyIRO'],
    ended: true,
    notified: [{ role: 'independent-reviewing-officer', template: 'iro-notification' }],
  },
  {
    title:
      "Given a Child Looked After and Day 1 passing, When the line managers take it up and then escalate to Stage 2, Then the Independent Reviewing Officer hears at the line managers' step and again at Stage 2",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 1 Escalate to Line Manager (CPP or CLA note), Stage 2',
    key,
    start: { ...start, childStatus: 'CLA' },
    steps: [
      { timer: 'Stage1_Deadline', due: 'stage1Due' },
      { complete: 'Stage1LineManager_RecordOutcome', with: unresolved },
      { complete: 'Stage2_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage1_BreachSummaryLog',
      'Stage1LineManager_NotifyIRO',
      ...S1LM,
      'Stage2_NotifyIRO',
      ...S2,
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given Stage 2 under way, When its Day 9 passes, Then the breach goes on the case record and on the Escalation Summary Log for the LSCB Team before Stage 3 and its Appendix 2 referral',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 2 ("collate detail ... using the Escalation Summary Log"), RECORD',
    key,
    start,
    steps: [
      ...toStage2,
      { timer: 'Stage2_Deadline', due: 'stage2Due' },
      { complete: 'Stage3_RecordOutcome', with: unresolved },
      { message: 'withdraw', variables: { withdrawalReason: 'Agreed outside the procedure' } },
    ],
    path: [
      'Stage2_Deadline',
      'Stage2_NotifyBreach',
      'Stage2_RecordBreach',
      'Stage2_BreachSummaryLog',
      'Stage3_Appendix2Referral',
      'Stage3_RecordOutcome',
    ],
    ended: true,
    notified: [{ role: 'organisation-safeguarding-representative', template: 'stage-breached' }],
  },
  {
    title:
      "Given a safeguarding representative who, with children's services, considers the child at immediate risk of significant harm, When they record it at Stage 2, Then service managers in children's services are told to respond the same working day and their response resolves it, without Stage 3",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 2 NOTE',
    key,
    start,
    steps: [
      ...toStage2,
      { complete: 'Stage2_RecordOutcome', with: { outcome: 'significant-harm', unresolvedReason: 'Risk' } },
      { complete: 'Stage2ServiceManagers_RecordOutcome', with: resolved },
    ],
    path: [
      ...S2,
      'Stage2ServiceManagers_ScheduleDeadline',
      'Stage2ServiceManagers_NotifyParties',
      'Stage2ServiceManagers_RecordOutcome',
      'Stage2ServiceManagers_RecordCaseFile',
      'Stage2ServiceManagers_SummaryLog',
      ...RESOLVED,
    ],
    notPath: ['Stage3_Appendix2Referral'],
    ended: true,
    notified: [{ role: 'childrens-services-service-manager', template: 'immediate-risk' }],
    timescales: { stage2ServiceManagersDue: 'same working day' },
    dueAt: { stage2ServiceManagersDue: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      "Given the service managers in children's services do not resolve it, When they record that, Then it goes on the Summary Log and to Stage 3 with the Report to LSCB",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 2 NOTE, Stage 3',
    key,
    start,
    steps: [
      ...toStage2,
      { complete: 'Stage2_RecordOutcome', with: { outcome: 'significant-harm', unresolvedReason: 'Risk' } },
      { complete: 'Stage2ServiceManagers_RecordOutcome', with: unresolved },
      { complete: 'Stage3_RecordOutcome', with: unresolved },
      { message: 'withdraw', variables: { withdrawalReason: 'Child moved out of the area' } },
    ],
    path: [
      'Stage2ServiceManagers_RecordOutcome',
      'Stage2ServiceManagers_RecordCaseFile',
      'Stage2ServiceManagers_SummaryLog',
      'Stage3_Appendix2Referral',
      'Stage3_RecordOutcome',
    ],
    ended: true,
  },
  {
    title:
      "Given the service managers in children's services do not respond the same working day, When the timer fires, Then the breach goes on the case record and the Summary Log and Stage 3 begins",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 2 NOTE, p.3 (same working day), RECORD',
    key,
    start,
    steps: [
      ...toStage2,
      { complete: 'Stage2_RecordOutcome', with: { outcome: 'significant-harm', unresolvedReason: 'Risk' } },
      { timer: 'Stage2ServiceManagers_Deadline', due: 'stage2ServiceManagersDue' },
      { message: 'withdraw', variables: { withdrawalReason: 'Resolved by a strategy discussion' } },
    ],
    path: [
      'Stage2ServiceManagers_Deadline',
      'Stage2ServiceManagers_NotifyBreach',
      'Stage2ServiceManagers_RecordBreach',
      'Stage2ServiceManagers_BreachSummaryLog',
      'Stage3_Appendix2Referral',
      'Stage3_NotifyParties',
    ],
    ended: true,
    notified: [{ role: 'childrens-services-service-manager', template: 'stage-breached' }],
  },
  {
    title:
      "Given a child at immediate risk of significant harm at raise, When the escalation starts, Then the raising professional and their own agency's safeguarding lead are asked to escalate it the same working day under established safeguarding procedures, and Stage 1 still runs",
    cite: 'LSCB Resolution & Escalation Procedure, p.3 (IMMEDIATE RISK: "THE INDIVIDUAL MUST ENSURE ... ON THE SAME WORKING DAY")',
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
    notified: [
      { role: 'raising-professional', template: 'immediate-risk' },
      { role: 'designated-safeguarding-lead', template: 'immediate-risk' },
    ],
    timescales: { raiseRiskDue: 'same working day' },
    dueAt: { raiseRiskDue: '2026-11-03T00:00:00.000Z' },
  },
  {
    title:
      "Given Stage 2 under way, When a professional raises immediate risk of significant harm, Then both agencies' safeguarding leads are asked to escalate it the same working day and Stage 2 carries on to a resolution",
    cite: 'LSCB Resolution & Escalation Procedure, p.3 (IMMEDIATE RISK)',
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
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
    timescales: { immediateRiskDue: 'same working day' },
  },
  {
    title:
      'Given Stage 2 under way, When the escalation is withdrawn with a reason, Then the withdrawal is recorded, every party and the LSCB Team are told, and no stage task or timer is left',
    cite: 'Issue 12 (withdrawal); LSCB Resolution & Escalation Procedure, RECORD, Appendix 1 (LSCB monitoring)',
    key,
    start,
    steps: [
      ...toStage2,
      { message: 'withdraw', variables: { withdrawalReason: 'Agreed between the agencies' } },
    ],
    path: [
      'Stage2_NotifyParties',
      'message:withdraw',
      'Withdrawn_Record',
      'Withdrawn_NotifyAllParties',
      'Withdrawn_End',
    ],
    notPath: ['Stage2_RecordCaseFile', 'Stage2_NotifyBreach'],
    ended: true,
    notified: [
      { role: 'all-parties', template: 'withdrawn' },
      { role: 'lscb-team', template: 'withdrawn' },
    ],
  },
];
