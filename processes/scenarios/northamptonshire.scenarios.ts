/**
 * northamptonshire: Northamptonshire Safeguarding Children Partnership (NSCP), Tea-break guide
 * "Professional Disagreements" (The Process, Stages 1 to 5).
 */
import { resolved, unresolved, type Scenario } from './scenario.js';

const key = 'NorthamptonshireEscalation';
const start = { partnership: 'northamptonshire' as const };
const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const CLOSED = ['Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'];
const stage = (n: string) => [
  `Stage${n}_ScheduleDeadline`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
];
/** Each stage ends with a mutually agreed plan of action including timescales, whatever the outcome. */
const plan = { actionPlan: 'Both agencies share the assessment by Friday' };
const onward = { ...unresolved, ...plan };
const level = (outcome: string) => ({ complete: 'Stage3_RecordOutcome', with: { ...onward, outcome } });
const toStage3 = [
  { complete: 'Stage1_RecordOutcome', with: onward },
  { complete: 'Stage2_RecordOutcome', with: onward },
];
const toStage4 = [...toStage3, level('top-reached')];
const toStage5 = [...toStage4, { complete: 'Stage4_RecordOutcome', with: onward }];
const offer = {
  complete: 'Stage5_OfferMediation',
  with: { mediationOfferedOn: '2026-11-04', mediatingAgency: 'health' },
};
const levelTimer = { timer: 'Stage3_Deadline', due: 'stage3Due' };

export const northamptonshire: Scenario[] = [
  {
    title:
      'Given a disagreement raised on Monday 10:00, When the professionals agree a plan, Then Stage 1 resolves it, the outcome is written to the record and every party gets the plan in writing',
    cite: 'NSCP guide, Stage 1',
    key,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: ['Raise_Record', ...stage('1'), 'Stage1_LogOutcome', ...RESOLVED],
    ended: true,
    timescales: { stage1Due: '2 working days' },
    dueAt: { stage1Due: '2026-11-04T10:00:00.000Z' },
  },
  {
    title:
      "Given a disagreement raised, When Stage 1 starts, Then the raising professional's own line manager is asked to offer support while the professionals discuss it",
    cite: 'NSCP guide, Stage 1 ("some professionals may need support when raising a disagreement")',
    key,
    start,
    steps: [{ complete: 'Stage1_RecordOutcome', with: resolved }],
    path: ['Stage1_NotifyParties', 'Stage1_OfferSupport', 'Stage1_RecordOutcome'],
    ended: true,
    notified: [
      { role: 'line-manager', template: 'raiser-support' },
      { role: 'raising-professional', template: 'stage-started' },
    ],
  },
  {
    title:
      'Given Stage 1 ends unresolved with a plan of action, When it is recorded, Then the outcome and plan go to the record before the line managers are asked to discuss it',
    cite: 'NSCP guide, Stage 1 and Stage 2 (a mutually agreed plan of action including timescales)',
    key,
    start,
    steps: [
      { complete: 'Stage1_RecordOutcome', with: onward },
      { complete: 'Stage2_RecordOutcome', with: resolved },
    ],
    path: ['Stage1_RecordOutcome', 'Stage1_LogOutcome', ...stage('2'), 'Stage2_LogOutcome', ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given no agreed plan within 2 working days, When the Stage 1 timer fires, Then both line managers are told, the breach recorded and the managers resolve it at Stage 2',
    cite: 'NSCP guide, Stage 1, Stage 2',
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
      "Given the problem goes to each professional's line manager, When Stage 2 starts, Then each line manager gets the other's contact details at once, and so does each level after",
    cite: 'NSCP guide, The Process ("Requests to provide management contact details should also be dealt with without delay")',
    key,
    start,
    steps: [...toStage4, { complete: 'Stage4_RecordOutcome', with: resolved }],
    path: [
      'Stage2_NotifyParties',
      'Stage2_ShareContacts',
      'Stage2_RecordOutcome',
      'Stage3_NotifyParties',
      'Stage3_ShareContacts',
      'Stage3_RecordOutcome',
      'Stage4_NotifyParties',
      'Stage4_ShareContacts',
      'Stage4_RecordOutcome',
    ],
    ended: true,
    notified: [
      { role: 'line-manager', template: 'management-contacts' },
      { role: 'senior-manager', template: 'management-contacts' },
      { role: 'director-chief-executive', template: 'management-contacts' },
    ],
  },
  {
    title:
      'Given Stage 2 passes 5 working days, When its timer fires, Then the senior managers are told and Stage 3 resolves it at the first level',
    cite: 'NSCP guide, Stage 2, Stage 3',
    key,
    start,
    steps: [
      { complete: 'Stage1_RecordOutcome', with: onward },
      { timer: 'Stage2_Deadline', due: 'stage2Due' },
      { complete: 'Stage3_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage2_Deadline',
      'Stage2_NotifyBreach',
      'Stage2_RecordBreach',
      ...stage('3'),
      'Stage3_LogOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'senior-manager', template: 'stage-breached' }],
    timescales: { stage3Due: '5 working days' },
  },
  {
    title:
      'Given three levels of management, When Stage 3 is referred up twice and the third level is the top, Then each level gets 5 working days and Stage 4 resolves it',
    cite: 'NSCP guide, Stage 3 (continues through the management structure), Stage 4',
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
      'Given the Partnership counts 3 senior-manager levels, When the third level still refers it up, Then it goes to Directors / Chief Executives (Stage 4), never to a fourth level',
    cite: 'NSCP guide, Stage 3, Stage 4 ("The final stage for escalation with agencies will be to Directors / Chief Executive level")',
    key,
    start,
    steps: [
      ...toStage3,
      level('next-level'),
      level('next-level'),
      level('next-level'),
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage3_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3_RecordOutcome',
      ...stage('4'),
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given every Stage 3 level lets its 5 working days pass, When the breach at the third level fires, Then the Directors are asked for a speedy response and Stage 4 starts (no endless loop at the senior-manager level)',
    cite: 'NSCP guide, Stage 3, Stage 4; issue 12 (a breach at the top of Stage 3 reaches Stage 4)',
    key,
    start,
    steps: [
      ...toStage3,
      levelTimer,
      levelTimer,
      levelTimer,
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage3_RecordBreach',
      'Stage3_NotifyBreach',
      'Stage3_RecordBreach',
      'Stage3_NotifyBreach',
      'Stage3_RecordBreach',
      'Stage3_NotifyBreachDirectors',
      ...stage('4'),
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'director-chief-executive', template: 'stage-breached' }],
  },
  {
    title:
      'Given a partnership that counts 2 senior-manager levels, When the second level lets its 5 working days pass, Then Stage 4 starts',
    cite: 'NSCP guide, Stage 3; partnership.json stage3MaxLevels',
    key,
    start: { ...start, stage3MaxLevels: 2 },
    steps: [...toStage3, levelTimer, levelTimer, { complete: 'Stage4_RecordOutcome', with: resolved }],
    path: ['Stage3_NotifyBreach', 'Stage3_RecordBreach', 'Stage3_NotifyBreachDirectors', ...stage('4')],
    ended: true,
  },
  {
    title:
      'Given an escalation raised without stage3MaxLevels (e.g. from Camunda Tasklist), When the third level refers it up, Then the default of 3 levels applies and Stage 4 starts',
    cite: 'NSCP guide, Stage 3; issue 12 (stage3MaxLevels may be Null)',
    key,
    start: { ...start, stage3MaxLevels: undefined },
    steps: [
      ...toStage3,
      level('next-level'),
      level('next-level'),
      level('next-level'),
      { complete: 'Stage4_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage3_RecordOutcome',
      'Stage3_RecordOutcome',
      'Stage3_RecordOutcome',
      ...stage('4'),
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given a head teacher who holds every level, When the first Stage 3 level is also the top, Then it goes straight on to Stage 4',
    cite: 'NSCP guide, The Process ("a head teacher within a school may need to act at all levels")',
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
    cite: 'NSCP guide, Stage 3',
    key,
    start,
    steps: [...toStage3, levelTimer, { complete: 'Stage3_RecordOutcome', with: resolved }],
    path: ['Stage3_Deadline', 'Stage3_RecordBreach', 'Stage3_NotifyBreach', ...stage('3'), ...RESOLVED],
    notPath: ['Stage3_NotifyBreachDirectors'],
    ended: true,
  },
  {
    title:
      'Given the Directors hold a resolution meeting, When they record the plan with learning points, Then the learning points are recorded and it is resolved',
    cite: 'NSCP guide, Stage 4 ("a resolution meeting to ensure any learning points are recorded and brought forward")',
    key,
    start,
    steps: [
      ...toStage4,
      {
        complete: 'Stage4_RecordOutcome',
        with: {
          ...resolved,
          stage4MeetingDate: '2026-11-06',
          lessons: ['training', 'partnership-guidance'],
          lessonsDetails: 'Threshold training for school staff',
        },
      },
    ],
    path: ['Stage4_RecordOutcome', 'Stage4_LogOutcome', 'Lessons_RecordLearningPoints', ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given Directors pass 2 working days, When the Stage 4 timer fires, Then both Directors are told and the Business Office is notified, which starts the 5 working days for a Strategic Lead to offer mediation',
    cite: 'NSCP guide, Stage 4, Stage 5',
    key,
    start,
    steps: [
      ...toStage4,
      { timer: 'Stage4_Deadline', due: 'stage4Due' },
      offer,
      { complete: 'Stage5_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage4_Deadline',
      'Stage4_NotifyBreach',
      'Stage4_RecordBreach',
      'Stage5_ReferToBusinessOffice',
      'Stage5_ScheduleDeadline',
      'Stage5_NotifyParties',
      'Stage5_OfferMediation',
      'Stage5_RecordOutcome',
      'Stage5_PartnershipReport',
      ...RESOLVED,
    ],
    ended: true,
    notified: [
      { role: 'director-chief-executive', template: 'stage-breached' },
      { role: 'nscp-business-office', template: 'stage5-referral' },
    ],
    timescales: { stage5Due: '5 working days' },
  },
  {
    title:
      'Given a Strategic Lead offers mediation within 5 working days, When the mediation then takes longer than that, Then no deadline is breached: the offer is recorded and confirmed to both partners, a reminder only prompts, and the report goes to the Partnership',
    cite: 'NSCP guide, Stage 5 ("will offer mediation within 5 working days of notification"; "The partner providing mediation will provide a report on the case to the Partnership")',
    key,
    start,
    steps: [
      ...toStage5,
      offer,
      { timer: 'Stage5_Reminder', due: 'stage5ReminderDue' },
      { complete: 'Stage5_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage5_OfferMediation',
      'Stage5_RecordOffer',
      'Stage5_NotifyOffer',
      'Stage5_ScheduleReminder',
      'Stage5_Reminder',
      'Stage5_NotifyReminder',
      'Stage5_RecordReminder',
      'Stage5_RecordOutcome',
      'Stage5_LogOutcome',
      'Stage5_PartnershipReport',
      ...RESOLVED,
      'Stage5_ReminderSent',
    ],
    notPath: ['Stage5_Deadline', 'Stage5_NotifyBreach'],
    ended: true,
    notified: [
      { role: 'director-chief-executive', template: 'mediation-offered' },
      { role: 'nscp-strategic-lead', template: 'stage-reminder' },
    ],
    timescales: { stage5Due: '5 working days', stage5ReminderDue: '10 working days' },
  },
  {
    title:
      'Given mediation is not offered within 5 working days, When the Stage 5 timer fires, Then the Business Office and Strategic Lead are reminded, the breach recorded and the offer is still awaited',
    cite: 'NSCP guide, Stage 5',
    key,
    start,
    steps: [
      ...toStage5,
      { timer: 'Stage5_Deadline', due: 'stage5Due' },
      offer,
      { complete: 'Stage5_RecordOutcome', with: resolved },
    ],
    path: [
      'Stage5_Deadline',
      'Stage5_NotifyBreach',
      'Stage5_RecordBreach',
      'Stage5_ScheduleFollowUp',
      'Stage5_OfferMediation',
      'Stage5_RecordOffer',
      'Stage5_RecordOutcome',
      'Stage5_PartnershipReport',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'nscp-strategic-lead', template: 'stage-breached' }],
  },
  {
    title:
      'Given mediation does not resolve it, When Stage 5 ends, Then the report goes to the Partnership and every party and the Partnership are told',
    cite: 'NSCP guide, Stage 5',
    key,
    start,
    steps: [...toStage5, offer, { complete: 'Stage5_RecordOutcome', with: unresolved }],
    path: ['Stage5_RecordOutcome', 'Stage5_LogOutcome', 'Stage5_PartnershipReport', ...CLOSED],
    ended: true,
    notified: [{ role: 'nscp-partnership', template: 'closed-unresolved' }],
  },
  {
    title:
      'Given Stage 3 is under way, When the raising professional withdraws the disagreement with a reason, Then the withdrawal is recorded, every party is told and the escalation ends with no stage task or timer left',
    cite: 'issue 12 (Withdrawal)',
    key,
    start,
    steps: [...toStage3, { message: 'withdraw', variables: { withdrawalReason: 'Agreed informally' } }],
    path: [
      'Stage3_ShareContacts',
      'message:withdraw',
      'Withdrawn_Record',
      'Withdrawn_NotifyAllParties',
      'Withdrawn_End',
    ],
    notPath: ['Stage3_LogOutcome', 'Stage3_RecordBreach'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'withdrawn' }],
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
