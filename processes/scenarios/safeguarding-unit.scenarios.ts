/** safeguarding-unit: General Principles, Resolving Disagreements and Specific Processes 3.1-3.4. */
import { resolved, unresolved, type Scenario } from './scenario.js';

const start = { partnership: 'safeguarding-unit' as const };
const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const CLOSED = ['Final_RecordUnresolved', 'Final_NotifyUnresolved', 'Escalation_ClosedUnresolved'];
const st = (n: string) => [
  `Stage${n}_ScheduleReminder`,
  `Stage${n}_NotifyParties`,
  `Stage${n}_RecordOutcome`,
];
const lv = (outcome: string) => ({ complete: 'Stage3_RecordOutcome', with: { ...unresolved, outcome } });
const un = (n: string) => ({ complete: `Stage${n}_RecordOutcome`, with: unresolved });

const line = 'SafeguardingUnitLineManagement';
const cp = 'SafeguardingUnitCpPlan';
const req = 'SafeguardingUnitConferenceRequest';
const dis = 'SafeguardingUnitConferenceDissent';

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
      'Given an agency asks CSC for a conference, When CSC agrees, Then the decision is recorded and confirmed to every party',
    cite: 'safeguarding-unit 3.2.1',
    key: req,
    start: { ...start, disagreementContext: 'conference-request' },
    steps: [
      { complete: 'Csc_RecordOutcome', with: { outcome: 'agreed', decisionDetails: 'Conference on 16 Nov' } },
    ],
    path: ['Csc_ScheduleReminder', 'Csc_NotifyParties', 'Csc_RecordOutcome', ...RESOLVED],
    ended: true,
    notified: [{ role: 'childrens-social-care', template: 'conference-request' }],
  },
  {
    title: 'Given CSC declines, When the agency accepts the response, Then it is resolved',
    cite: 'safeguarding-unit 3.2.1',
    key: req,
    start: { ...start, disagreementContext: 'conference-request' },
    steps: [
      {
        complete: 'Csc_RecordOutcome',
        with: { outcome: 'declined', decisionDetails: 'Section 17 support instead' },
      },
      { complete: 'AgencyView_RecordOutcome', with: resolved },
    ],
    path: ['Csc_RecordOutcome', 'AgencyView_NotifyParties', 'AgencyView_RecordOutcome', ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given a dissatisfied agency with a senior-backed request, When the Head of the Safeguarding Unit agrees, Then a conference is convened',
    cite: 'safeguarding-unit 3.2.1, 3.2.2',
    key: req,
    start: { ...start, disagreementContext: 'conference-request' },
    steps: [
      { complete: 'Csc_RecordOutcome', with: { outcome: 'declined', decisionDetails: 'Not needed' } },
      { complete: 'AgencyView_RecordOutcome', with: unresolved },
      {
        complete: 'Head_RecordOutcome',
        with: { outcome: 'agreed', decisionDetails: 'Backed by the Named Nurse' },
      },
    ],
    path: ['AgencyView_RecordOutcome', 'Head_NotifyParties', 'Head_RecordOutcome', ...RESOLVED],
    ended: true,
    notified: [{ role: 'head-of-safeguarding-unit', template: 'conference-request-head' }],
  },
  {
    title:
      'Given the Head also declines, When recorded, Then the differences are recorded and every party told that discussion continues',
    cite: 'safeguarding-unit 3.2.2',
    key: req,
    start: { ...start, disagreementContext: 'conference-request' },
    steps: [
      { complete: 'Csc_RecordOutcome', with: { outcome: 'declined', decisionDetails: 'x' } },
      { complete: 'AgencyView_RecordOutcome', with: unresolved },
      { complete: 'Head_RecordOutcome', with: { outcome: 'declined', decisionDetails: 'y' } },
    ],
    path: ['Head_RecordOutcome', ...CLOSED],
    ended: true,
  },
  {
    title:
      'Given CSC has not answered, When the reminder falls due, Then CSC is reminded and the request stays open',
    cite: 'safeguarding-unit 3.2 (no timescale: reminder only)',
    key: req,
    start: { ...start, disagreementContext: 'conference-request' },
    steps: [{ timer: 'Csc_Reminder', due: 'cscReminderDue' }],
    path: ['Csc_Reminder', 'Csc_NotifyReminder', 'Csc_ReminderSent'],
    ended: false,
  },
  {
    title:
      'Given dissent noted at a conference, When the agency decides not to challenge, Then the decision and the dissent stay on record',
    cite: 'safeguarding-unit 3.3.1, 3.3.2',
    key: dis,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      {
        complete: 'Challenge_RecordOutcome',
        with: { outcome: 'no-challenge', decisionDetails: 'Accept the plan' },
      },
    ],
    path: ['Raise_Record', 'Challenge_NotifyParties', 'Challenge_RecordOutcome', ...RESOLVED],
    ended: true,
  },
  {
    title: 'Given the agency challenges, When its line manager and the Chair resolve it, Then it is resolved',
    cite: 'safeguarding-unit 3.3.2',
    key: dis,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      {
        complete: 'Challenge_RecordOutcome',
        with: { outcome: 'challenge', decisionDetails: 'Plan lacks health input' },
      },
      { complete: 'LineManager_RecordOutcome', with: resolved },
    ],
    path: ['LineManager_NotifyParties', 'LineManager_RecordOutcome', ...RESOLVED],
    notPath: ['Head_NotifyParties'],
    ended: true,
  },
  {
    title:
      'Given the challenge is not resolved, When the line manager records it, Then the Head of the Safeguarding Unit considers further actions',
    cite: 'safeguarding-unit 3.3.3',
    key: dis,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      { complete: 'Challenge_RecordOutcome', with: { outcome: 'challenge', decisionDetails: 'x' } },
      { complete: 'LineManager_RecordOutcome', with: unresolved },
      { complete: 'Head_RecordOutcome', with: resolved },
    ],
    path: ['LineManager_RecordOutcome', 'Head_NotifyParties', 'Head_RecordOutcome', ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given the decision places the child at risk of significant harm, When the agency says so, Then the Head of the Safeguarding Unit is told at once',
    cite: 'safeguarding-unit 3.3.3',
    key: dis,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      {
        complete: 'Challenge_RecordOutcome',
        with: { outcome: 'significant-harm', decisionDetails: 'Child unsafe at home' },
      },
      { complete: 'Head_RecordOutcome', with: unresolved },
    ],
    path: ['Challenge_RecordOutcome', 'Head_NotifyParties', 'Head_RecordOutcome', ...CLOSED],
    notPath: ['LineManager_NotifyParties'],
    ended: true,
    notified: [{ role: 'head-of-safeguarding-unit', template: 'dissent-significant-harm' }],
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
  {
    title:
      'Given a conference request with immediate risk, When CSC declines and reminders fall due for the agency and the Head, Then the Head agrees',
    cite: 'safeguarding-unit 1.5, 3.2.1',
    key: req,
    start: { ...start, disagreementContext: 'conference-request', immediateRisk: true },
    steps: [
      { message: 'immediate-risk' },
      { complete: 'Csc_RecordOutcome', with: { outcome: 'declined', decisionDetails: 'x' } },
      { timer: 'AgencyView_Reminder', due: 'agencyViewReminderDue' },
      { complete: 'AgencyView_RecordOutcome', with: unresolved },
      { timer: 'Head_Reminder', due: 'headReminderDue' },
      { complete: 'Head_RecordOutcome', with: { outcome: 'agreed', decisionDetails: 'y' } },
    ],
    path: [
      'Raise_RecordRouting',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'AgencyView_Reminder',
      'Head_Reminder',
      'Head_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given conference dissent with immediate risk, When reminders fall due at each step and risk is raised again, Then the Head of the Safeguarding Unit resolves it',
    cite: 'safeguarding-unit 1.5, 3.3.2, 3.3.3',
    key: dis,
    start: { ...start, disagreementContext: 'conference-decision', immediateRisk: true },
    steps: [
      { timer: 'Challenge_Reminder', due: 'challengeReminderDue' },
      { complete: 'Challenge_RecordOutcome', with: { outcome: 'challenge', decisionDetails: 'x' } },
      { timer: 'LineManager_Reminder', due: 'lineManagerReminderDue' },
      { message: 'immediate-risk' },
      { complete: 'LineManager_RecordOutcome', with: unresolved },
      { timer: 'Head_Reminder', due: 'headReminderDue' },
      { complete: 'Head_RecordOutcome', with: resolved },
    ],
    path: [
      'Raise_RecordRouting',
      'Challenge_Reminder',
      'LineManager_Reminder',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'Head_Reminder',
      'Head_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
];
