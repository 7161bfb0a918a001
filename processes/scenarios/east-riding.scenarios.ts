/**
 * east-riding: ERSCP Resolving Inter-Agency Disagreements, §2, §4 (Stages 1-5, Appendix A) and §6,
 * each stage resolving or not. Breaches, immediate risk and withdrawal are in
 * east-riding-breach.scenarios.ts; conference dissent (§5) in east-riding-dissent.scenarios.ts.
 */
import { resolved, unresolved, type Scenario } from './scenario.js';

export const key = 'EastRidingEscalation';
/** Start variables shared by every east-riding scenario. */
export const start = { partnership: 'east-riding' as const };
/** A stage entered normally: its deadline, its notice, its user task and the record of its outcome. */
export const stage = (n: string): string[] => [
  `Stage${n}_ScheduleDeadline`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
  `Stage${n}_LogOutcome`,
];
export const RESOLVED = [
  'Resolved_Record',
  'Resolved_ConfirmAllParties',
  'Lessons_ScheduleReminder',
  'Lessons_Record',
  'Lessons_LogLessons',
  'Escalation_Resolved',
];
export const noLessons = { complete: 'Lessons_Record', with: { multiAgencyLessons: false } };
export const un = (n: string) => ({ complete: `Stage${n}_RecordOutcome`, with: unresolved });
/** What begins Stage 4 after its deadline is set, before the senior officers meet. */
export const STAGE4_OPENING = [
  'Stage4_ShareRecord',
  'Stage4_TellOtherOrganisation',
  'Stage4_TellErscpTeam',
  'Stage4_NotifyParties',
];
/** Appendix A's fields (Stage 4 Monitoring Information), as the Stage 4 form submits them. */
export const APPENDIX_A = {
  stage4MeetingDate: new Date('2026-11-05T00:00:00.000Z'),
  seniorOfficers: [
    { role: 'Service Manager, Safeguarding', agency: 'childrens-services' },
    { role: 'Named Nurse for Safeguarding', agency: 'health' },
  ],
  agenciesInvolved: ['childrens-services', 'health', 'school'],
};
/** The Stage 5 chair's report to the MEE Group, as the Stage 5 form submits it. */
const MEDIATION_REPORT = {
  discussionDate: new Date('2026-11-10T00:00:00.000Z'),
  mediatingAgency: 'police',
  otherProfessionals: [
    { role: 'Head of Service, Children and Families', agency: 'childrens-services' },
    { role: 'Designated Nurse', agency: 'health' },
  ],
  agenciesInvolved: ['childrens-services', 'health'],
  issuesArising: 'Threshold guidance for neglect referrals is read differently by the two agencies',
  decisionDetails: 'Assessment to start by Friday',
};
const STAGE5 = [
  'Stage5_ShareRecord',
  'Stage5_ApproachErscpChair',
  'Stage5_NotifyParties',
  'Stage5_RecordOutcome',
  'Stage5_LogOutcome',
  'Stage5_ReportToMeeGroup',
];
const toStage4 = [un('1'), un('2'), un('3')];

export const eastRiding: Scenario[] = [
  {
    title:
      'Given a worker raises a disagreement on Monday 10:00, When their own manager helps resolve it, Then the outcome is recorded, confirmed in writing and lessons are considered',
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
      'Given Stage 1 fails, When the workers resolve it at Stage 2 and find training and ERSCP guidance lessons on a multi-agency level, Then the lessons are recorded and the resolution goes to the ERSCP Service Manager',
    cite: 'east-riding §4 Stage Two, §6',
    key,
    start,
    steps: [
      un('1'),
      { complete: 'Stage2_RecordOutcome', with: resolved },
      {
        complete: 'Lessons_Record',
        with: {
          lessons: ['training', 'partnership-guidance'],
          multiAgencyLessons: true,
          lessonsDetails: 'Threshold guidance for neglect',
        },
      },
    ],
    path: [
      'Stage1_LogOutcome',
      ...stage('2'),
      'Resolved_Record',
      'Lessons_Record',
      'Lessons_LogLessons',
      'Lessons_NotifyServiceManager',
      'Escalation_Resolved',
    ],
    ended: true,
    notified: [{ role: 'erscp-service-manager', template: 'lessons-learned' }],
    timescales: { stage2Due: '5 days from raised' },
    dueAt: { stage2Due: '2026-11-07T10:00:00.000Z' },
  },
  {
    title: 'Given Stages 1 and 2 fail, When the line managers resolve it, Then Stage 3 records and closes it',
    cite: 'east-riding §4 Stage Three',
    key,
    start,
    steps: [un('1'), un('2'), { complete: 'Stage3_RecordOutcome', with: resolved }, noLessons],
    path: ['Stage2_LogOutcome', ...stage('3'), ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given Stage 3 fails, When the senior officers resolve it at Stage 4, Then the raising worker gets the record, the other organisation and the ERSCP Team are told first, and Appendix A is completed from the Stage 4 outcome',
    cite: 'east-riding §2, §4 Stage Four, Appendix A',
    key,
    start,
    steps: [
      ...toStage4,
      { complete: 'Stage4_RecordOutcome', with: { ...resolved, ...APPENDIX_A } },
      noLessons,
    ],
    path: [
      'Stage3_LogOutcome',
      'Stage4_ScheduleDeadline',
      ...STAGE4_OPENING,
      'Stage4_RecordOutcome',
      'Stage4_LogOutcome',
      'Stage4_AppendixA',
      ...RESOLVED,
    ],
    ended: true,
    notified: [
      { role: 'raising-professional', template: 'record-shared' },
      { role: 'other-agency-senior-manager', template: 'stage4-intention' },
      { role: 'erscp-team', template: 'stage4-erscp-aware' },
    ],
    timescales: { stage4Due: '5 days from raised' },
  },
  {
    title:
      'Given the Stage 4 senior officers cannot agree, When they progress it up to Head of Service level, Then the Heads of Service are told, Stage 4 repeats and Appendix A is returned again from the new outcome',
    cite: 'east-riding §4 Stage Four, Appendix A',
    key,
    start,
    steps: [
      ...toStage4,
      {
        complete: 'Stage4_RecordOutcome',
        with: { outcome: 'next-level', unresolvedReason: 'Still disputed', ...APPENDIX_A },
      },
      {
        complete: 'Stage4_RecordOutcome',
        with: {
          ...resolved,
          stage4MeetingDate: new Date('2026-11-06T00:00:00.000Z'),
          seniorOfficers: [
            { role: 'Head of Children and Families Service', agency: 'childrens-services' },
            { role: 'Director of Nursing', agency: 'health' },
          ],
        },
      },
      noLessons,
    ],
    path: [
      'Stage4_RecordOutcome',
      'Stage4_LogOutcome',
      'Stage4_AppendixA',
      'Stage4_NotifyNextLevel',
      'Stage4_RecordOutcome',
      'Stage4_LogOutcome',
      'Stage4_AppendixA',
      ...RESOLVED,
    ],
    notPath: ['Stage5_ScheduleDeadline'],
    ended: true,
    notified: [{ role: 'head-of-service', template: 'stage4-next-level' }],
  },
  {
    title:
      "Given Stage 4 fails, When an uninvolved Partnership Member chairs the Stage 5 mediation and it agrees, Then it is due 10 days from raised, recorded, and the chair's report goes to the MEE Group",
    cite: 'east-riding §3, §4 Stage Five',
    key,
    start,
    steps: [
      ...toStage4,
      { complete: 'Stage4_RecordOutcome', with: { ...unresolved, ...APPENDIX_A } },
      { complete: 'Stage5_RecordOutcome', with: { ...resolved, ...MEDIATION_REPORT } },
      noLessons,
    ],
    path: ['Stage4_AppendixA', 'Stage5_ScheduleDeadline', ...STAGE5, ...RESOLVED],
    ended: true,
    notified: [
      { role: 'erscp-chair', template: 'stage5-identify-chair' },
      { role: 'mediation-chair', template: 'stage-started' },
    ],
    timescales: { stage5Due: '10 days from raised' },
    dueAt: { stage5Due: '2026-11-12T10:00:00.000Z' },
  },
  {
    title:
      'Given Stage 5 mediation ends without agreement, When it is recorded, Then the decision is finalised, reported to the MEE Group and every party and the partnership are told',
    cite: 'east-riding §4 Stage Five',
    key,
    start,
    steps: [
      ...toStage4,
      un('4'),
      { complete: 'Stage5_RecordOutcome', with: { ...unresolved, ...MEDIATION_REPORT } },
    ],
    path: [...STAGE5, 'Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'],
    ended: true,
    notified: [{ role: 'erscp-service-manager', template: 'closed-unresolved' }],
  },
  {
    title:
      'Given Stage 5 passes 10 days from raised, When its timer fires, Then the ERSCP Chair is reminded, a follow-up deadline is set and the escalation stays open until recorded',
    cite: 'east-riding §3',
    key,
    start,
    steps: [
      ...toStage4,
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
      'Stage5_LogOutcome',
      ...RESOLVED,
    ],
    ended: true,
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
      'Lessons_LogLessons',
      'Escalation_Resolved',
      'Lessons_ReminderSent',
    ],
    ended: true,
  },
];
