/**
 * liverpool: LSCB Resolution & Escalation Procedure (Liverpool Safeguarding Children Board, version
 * 180501), Stages 3 and 4 and Appendix 2 "Report to LSCB: Multi-Agency Resolution: Escalation
 * Stages 3 and 4" with the LSCB Business Manager's part.
 */
import { resolved, unresolved, type Scenario, type Step } from './scenario.js';
import { key, RESOLVED, start, toStage3 } from './liverpool.scenarios.js';

const S3 = [
  'Stage3_Appendix2Referral',
  'Stage3_ScheduleDeadline',
  'Stage3_NotifyParties',
  'Stage3_RecordOutcome',
  'Stage3_RecordCaseFile',
];
const MEDIATION = [
  'Stage3Mediation_AskBusinessManager',
  'Stage3Mediation_ScheduleDeadline',
  'Stage3Mediation_NotifyParties',
  'Stage3Mediation_RecordOutcome',
  'Stage3Mediation_RecordCaseFile',
];
const S4 = [
  'Stage4_ScheduleDeadline',
  'Stage4_NotifyBusinessManager',
  'Stage4_RequestRepresentations',
  'Stage4_NotifyParties',
  'Stage4_RecordOutcome',
  'Stage4_RecordCaseFile',
];
/** Appendix 2 completed by the raising agency, then the LSCB Business Manager's part. */
const REPORT = [
  'Lessons_NotifyAgency',
  'Lessons_CompleteReport',
  'Lessons_Record',
  'Lessons_SendReport',
  'BusinessManager_ScheduleReminder',
  'BusinessManager_RecordReceipt',
  'BusinessManager_Record',
  'BusinessManager_FileReport',
];
const ENDS = ['BusinessManager_Done', 'Escalation_Resolved'];
const report: Step[] = [
  {
    complete: 'Lessons_CompleteReport',
    with: {
      lessons: ['training', 'partnership-guidance'],
      lessonsDetails: 'Thresholds training for school staff',
      furtherActions: [
        { action: 'Briefing on the LSCB levels of need', byWhom: 'Designated Safeguarding Lead, school' },
      ],
    },
  },
  {
    complete: 'BusinessManager_RecordReceipt',
    with: {
      businessManagerReceivedOn: new Date('2026-11-20T00:00:00.000Z'),
      executiveGroupOutcome: 'Thresholds briefing to be repeated across schools',
      executiveGroupNotifiedOn: new Date('2026-12-01T00:00:00.000Z'),
    },
  },
];
const mediation = (outcome: Record<string, string>): Step => ({
  complete: 'Stage3Mediation_RecordOutcome',
  with: {
    ...outcome,
    discussionDate: new Date('2026-11-16T00:00:00.000Z'),
    resolutionMethod: 'Mediation meeting with a partnership representative',
  },
});
const toStage4: Step[] = [
  ...toStage3,
  { complete: 'Stage3_RecordOutcome', with: unresolved },
  mediation(unresolved),
];

export const liverpoolLscb: Scenario[] = [
  {
    title:
      'Given the LSCB representatives resolve it at Stage 3, When they record it, Then it goes on the case record, every party is told, and the raising agency completes the Report to LSCB (lessons, further actions) for the LSCB Team, whose Business Manager records receipt and the Executive Group notice',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 3, Appendix 2 ("Multi-Agency Conflicts resolved at Stages 3 and 4 must be reported to the LSCB Team")',
    key,
    start,
    steps: [
      ...toStage3,
      {
        complete: 'Stage3_RecordOutcome',
        with: { ...resolved, otherProfessionals: [{ role: 'Designated Nurse', agency: 'health' }] },
      },
      ...report,
    ],
    path: [...S3, 'Resolved_Record', ...REPORT, ...ENDS],
    notPath: ['Stage3Mediation_AskBusinessManager'],
    ended: true,
    notified: [
      { role: 'lscb-safeguarding-representative', template: 'report-requested' },
      { role: 'all-parties', template: 'outcome-confirmation' },
    ],
    timescales: { stage3Due: 'Day 16', lessonsReminderDue: '10 working days' },
    dueAt: { stage3Due: '2026-11-18T00:00:00.000Z', lessonsReminderDue: '2026-11-16T10:00:00.000Z' },
  },
  {
    title:
      'Given the LSCB representatives cannot resolve it, When Stage 3 is unresolved, Then the Business Manager is asked to identify a partnership representative, the mediation meeting resolves it, and the reminders prompt the report and the Business Manager until they are done',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 3, Appendix 2',
    key,
    start,
    steps: [
      ...toStage3,
      { complete: 'Stage3_RecordOutcome', with: unresolved },
      mediation(resolved),
      { timer: 'Lessons_Reminder', due: 'lessonsReminderDue' },
      report[0]!,
      { timer: 'BusinessManager_Reminder', due: 'businessManagerReminderDue' },
      report[1]!,
    ],
    path: [
      ...S3,
      ...MEDIATION,
      'Lessons_Reminder',
      'Lessons_NotifyReminder',
      'Lessons_CompleteReport',
      'BusinessManager_Reminder',
      'BusinessManager_NotifyReminder',
      'BusinessManager_RecordReceipt',
      'BusinessManager_FileReport',
      'BusinessManager_Done',
      'BusinessManager_ReminderSent',
      'Escalation_Resolved',
      'Lessons_ReminderSent',
    ],
    ended: true,
    notified: [{ role: 'lscb-business-manager', template: 'identify-mediator' }],
    timescales: { stage3MediationDue: 'Day 16, at least 2 working days' },
    dueAt: { stage3MediationDue: '2026-11-18T00:00:00.000Z' },
  },
  {
    title:
      'Given Stage 3 passes Day 16 without an outcome, When its timer fires, Then the breach goes on the case record and the mediation meeting with a partnership representative is still convened, with at least 2 working days, and resolves it',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 3 ("If matters remain unresolved a meeting must be convened")',
    key,
    start,
    steps: [...toStage3, { timer: 'Stage3_Deadline', due: 'stage3Due' }, mediation(resolved), ...report],
    path: ['Stage3_Deadline', 'Stage3_NotifyBreach', 'Stage3_RecordBreach', ...MEDIATION, ...REPORT, ...ENDS],
    notPath: ['Stage4_NotifyParties'],
    ended: true,
    notified: [{ role: 'lscb-safeguarding-representative', template: 'stage-breached' }],
  },
  {
    title:
      "Given the mediation meeting passes its deadline, When its timer fires, Then the raising agency's detail goes to the LSCB Business Manager via the Business Officer, those involved are invited to make written representations, and the Independent Chair resolves it with a panel, on the case record and in a Level 4 report",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 4 ("The agency raising the dispute must email detail to the LSCB Business Manager via LSCB Business Officer"), RECORD, Appendix 2',
    key,
    start,
    steps: [
      ...toStage3,
      { complete: 'Stage3_RecordOutcome', with: unresolved },
      { timer: 'Stage3Mediation_Deadline', due: 'stage3MediationDue' },
      {
        complete: 'Stage4_RecordOutcome',
        with: {
          ...resolved,
          resolutionPanel: true,
          resolutionMethod: 'Resolution panel',
          otherProfessionals: [{ role: 'Assistant Director', agency: 'childrens-services' }],
        },
      },
      ...report,
    ],
    path: [
      'Stage3Mediation_Deadline',
      'Stage3Mediation_NotifyBreach',
      'Stage3Mediation_RecordBreach',
      ...S4,
      ...REPORT,
      ...ENDS,
    ],
    ended: true,
    notified: [
      { role: 'lscb-business-officer', template: 'stage4-referral' },
      { role: 'lscb-business-manager', template: 'stage4-referral' },
      { role: 'all-parties', template: 'written-representations' },
      { role: 'lscb-independent-chair', template: 'stage-started' },
    ],
    timescales: { stage4Due: 'Day 23, at least 2 working days' },
    dueAt: { stage4Due: '2026-11-25T00:00:00.000Z' },
  },
  {
    title:
      "Given the Independent Chair passes Day 23, When the timer fires, Then the Chair and Business Manager are reminded, the breach goes on the case record, a follow-up deadline is set and the Chair's outcome is written to the case record",
    cite: 'LSCB Resolution & Escalation Procedure, Stage 4, RECORD',
    key,
    start,
    steps: [
      ...toStage4,
      { timer: 'Stage4_Deadline', due: 'stage4Due' },
      { complete: 'Stage4_RecordOutcome', with: resolved },
      ...report,
    ],
    path: [
      'Stage4_NotifyParties',
      'Stage4_Deadline',
      'Stage4_NotifyBreach',
      'Stage4_RecordBreach',
      'Stage4_ScheduleFollowUp',
      'Stage4_RecordOutcome',
      'Stage4_RecordCaseFile',
      ...REPORT,
      ...ENDS,
    ],
    ended: true,
    notified: [{ role: 'lscb-independent-chair', template: 'stage-breached' }],
  },
  {
    title:
      'Given the Independent Chair records that it is not resolved, When Stage 4 ends, Then the outcome is written to the case record, every party and the Business Manager are told, and no resolution report is asked for',
    cite: 'LSCB Resolution & Escalation Procedure, Stage 4, RECORD',
    key,
    start,
    steps: [...toStage4, { complete: 'Stage4_RecordOutcome', with: unresolved }],
    path: [...S4, 'Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'],
    notPath: ['Lessons_CompleteReport', ...RESOLVED],
    ended: true,
    notified: [{ role: 'lscb-business-manager', template: 'closed-unresolved' }],
  },
  {
    title:
      "Given Stage 3 under way, When a professional raises immediate risk of significant harm, Then both agencies' safeguarding leads are asked to escalate it the same working day and Stage 3 carries on",
    cite: 'LSCB Resolution & Escalation Procedure, p.3 (IMMEDIATE RISK)',
    key,
    start,
    steps: [
      ...toStage3,
      { message: 'immediate-risk' },
      { complete: 'Stage3_RecordOutcome', with: resolved },
      ...report,
    ],
    path: ['Stage3_NotifyParties', 'ImmediateRisk_NotifyChildProtection', 'Stage3_RecordOutcome', ...REPORT],
    ended: true,
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
  },
];
