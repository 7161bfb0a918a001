/** safeguarding-unit: Specific Processes 3.2 (requesting a conference) and 3.3 (conference dissent). */
import { resolved, unresolved, type Scenario } from './scenario.js';
import { CLOSED, RESOLVED, start } from './safeguarding-unit.scenarios.js';

const req = 'SafeguardingUnitConferenceRequest';
const dis = 'SafeguardingUnitConferenceDissent';

export const safeguardingUnitConference: Scenario[] = [
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
