/** safeguarding-unit: Specific Processes 3.2 (requesting a conference) and 3.3 (conference dissent). */
import { resolved, unresolved, type FormValue, type Scenario, type Step } from './scenario.js';
import { CLOSED, RESOLVED, WITHDRAWN, start, withdraw } from './safeguarding-unit.scenarios.js';

const req = 'SafeguardingUnitConferenceRequest';
const dis = 'SafeguardingUnitConferenceDissent';
const reqStart = { ...start, disagreementContext: 'conference-request' as const };
const disStart = { ...start, disagreementContext: 'conference-decision' as const };

const complete = (task: string, values: Record<string, FormValue>): Step => ({
  complete: task,
  with: values,
});
/** A conference decision (Children's Social Care or the Head), with who supports the request (3.2.2). */
const decide = (task: string, outcome: 'agreed' | 'declined', requestSupportedBy: string, extra = {}) =>
  complete(task, { outcome, requestSupportedBy, decisionDetails: 'Reasons given', ...extra });
const dissatisfied = (requestSupportedBy: string) =>
  complete('AgencyView_RecordOutcome', { ...unresolved, requestSupportedBy });
const NOT_NORMALLY_AGREED = {
  notNormallyAgreedReason: 'The Section 47 enquiry found no evidence of significant harm',
};
const challenge = (outcome: string) =>
  complete('Challenge_RecordOutcome', { outcome, decisionDetails: 'Plan lacks health input' });

export const safeguardingUnitConference: Scenario[] = [
  {
    title:
      "Given an agency asks Children's Social Care for a conference, When they agree, Then the decision is written to the record and confirmed to every party",
    cite: 'safeguarding-unit 3.2.1',
    key: req,
    start: reqStart,
    steps: [decide('Csc_RecordOutcome', 'agreed', 'none')],
    path: ['Csc_ScheduleReminder', 'Csc_NotifyParties', 'Csc_RecordOutcome', 'Csc_LogOutcome', ...RESOLVED],
    ended: true,
    notified: [{ role: 'childrens-social-care', template: 'conference-request' }],
  },
  {
    title:
      "Given Children's Social Care decline a request nobody senior supports, When the agency accepts the response, Then it is resolved with no supported-request check",
    cite: 'safeguarding-unit 3.2.1, 3.2.2',
    key: req,
    start: reqStart,
    steps: [decide('Csc_RecordOutcome', 'declined', 'none'), complete('AgencyView_RecordOutcome', resolved)],
    path: [
      'Csc_LogOutcome',
      'AgencyView_NotifyParties',
      'AgencyView_RecordOutcome',
      'AgencyView_LogOutcome',
      ...RESOLVED,
    ],
    notPath: ['Csc_RecordSupportedDecline'],
    ended: true,
  },
  {
    title:
      "Given a request supported by a Named Professional, When Children's Social Care decline it, Then why it is not agreed is recorded and sent to the agency and its supporter, and the Head of the Safeguarding Unit can still agree",
    cite: 'safeguarding-unit 3.2.1, 3.2.2',
    key: req,
    start: reqStart,
    steps: [
      decide('Csc_RecordOutcome', 'declined', 'named-professional', NOT_NORMALLY_AGREED),
      dissatisfied('named-professional'),
      decide('Head_RecordOutcome', 'agreed', 'named-professional'),
    ],
    path: [
      'Csc_LogOutcome',
      'Csc_RecordSupportedDecline',
      'Csc_NotifySupportedDecline',
      'AgencyView_RecordOutcome',
      'Head_NotifyParties',
      'Head_RecordOutcome',
      'Head_LogOutcome',
      ...RESOLVED,
    ],
    notPath: ['Head_RecordSupportedDecline'],
    ended: true,
    notified: [
      { role: 'designated-named-professional', template: 'supported-request-declined' },
      { role: 'raising-professional', template: 'supported-request-declined' },
      { role: 'head-of-safeguarding-unit', template: 'conference-request-head' },
    ],
  },
  {
    title:
      'Given a request now supported by a senior manager, When the Head of the Safeguarding Unit declines it, Then why it is not "normally agreed" is recorded and sent before every party is told the differences remain',
    cite: 'safeguarding-unit 3.2.2',
    key: req,
    start: reqStart,
    steps: [
      decide('Csc_RecordOutcome', 'declined', 'none'),
      dissatisfied('senior-manager'),
      decide('Head_RecordOutcome', 'declined', 'senior-manager', NOT_NORMALLY_AGREED),
    ],
    path: [
      'Head_RecordOutcome',
      'Head_LogOutcome',
      'Head_RecordSupportedDecline',
      'Head_NotifySupportedDecline',
      ...CLOSED,
    ],
    notPath: ['Csc_RecordSupportedDecline'],
    ended: true,
    notified: [
      { role: 'senior-manager', template: 'supported-request-declined' },
      { role: 'childrens-social-care', template: 'closed-unresolved' },
    ],
  },
  {
    title:
      'Given a request nobody senior supports, When the Head of the Safeguarding Unit also declines, Then the differences are recorded and every party told that discussion continues',
    cite: 'safeguarding-unit 3.2.2',
    key: req,
    start: reqStart,
    steps: [
      decide('Csc_RecordOutcome', 'declined', 'none'),
      dissatisfied('none'),
      decide('Head_RecordOutcome', 'declined', 'none'),
    ],
    path: ['Head_RecordOutcome', ...CLOSED],
    notPath: ['Head_RecordSupportedDecline'],
    ended: true,
  },
  {
    title:
      "Given Children's Social Care have not answered, When the reminder falls due, Then they are reminded and the request stays open",
    cite: 'safeguarding-unit 3.2 (no timescale: reminder only)',
    key: req,
    start: reqStart,
    steps: [{ timer: 'Csc_Reminder', due: 'cscReminderDue' }],
    path: ['Csc_Reminder', 'Csc_NotifyReminder', 'Csc_RecordReminder', 'Csc_ReminderSent'],
    ended: false,
    timescales: { cscReminderDue: '2 working days' },
  },
  {
    title:
      "Given a conference request with immediate risk, When Children's Social Care decline and reminders fall due for the agency and the Head, Then the Head agrees",
    cite: 'safeguarding-unit 1.5, 3.2.1',
    key: req,
    start: { ...reqStart, immediateRisk: true },
    steps: [
      { message: 'immediate-risk' },
      decide('Csc_RecordOutcome', 'declined', 'none'),
      { timer: 'AgencyView_Reminder', due: 'agencyViewReminderDue' },
      dissatisfied('none'),
      { timer: 'Head_Reminder', due: 'headReminderDue' },
      decide('Head_RecordOutcome', 'agreed', 'none'),
    ],
    path: [
      'Raise_RecordRouting',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'AgencyView_Reminder',
      'AgencyView_RecordReminder',
      'Head_Reminder',
      'Head_RecordReminder',
      'Head_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given a conference request with the Head of the Safeguarding Unit, When it is withdrawn with a reason, Then the withdrawal is recorded and every party told',
    cite: 'issue 12 (withdrawal); safeguarding-unit 2.5',
    key: req,
    start: reqStart,
    steps: [decide('Csc_RecordOutcome', 'declined', 'none'), dissatisfied('none'), withdraw],
    path: ['Head_NotifyParties', ...WITHDRAWN],
    notPath: ['Head_LogOutcome'],
    ended: true,
    notified: [{ role: 'childrens-social-care', template: 'withdrawn' }],
  },

  // 3.3: dissent at a Child Protection Conference.
  {
    title:
      "Given dissent noted at a conference, When the dissenting agency decides not to challenge, Then it ends as not challenged with the Chair's decision and the dissent on record, not as an agreed outcome",
    cite: 'safeguarding-unit 3.3.1, 3.3.2',
    key: dis,
    start: disStart,
    steps: [
      complete('Challenge_RecordOutcome', { outcome: 'no-challenge', decisionDetails: 'Accept the plan' }),
    ],
    path: [
      'Raise_Record',
      'Raise_RecordDissent',
      'Challenge_NotifyParties',
      'Challenge_RecordOutcome',
      'Challenge_LogOutcome',
      'Challenge_RecordNoChallenge',
      'Challenge_NotifyNoChallenge',
      'Escalation_NotChallenged',
    ],
    notPath: ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'],
    ended: true,
    notified: [{ role: 'conference-chair', template: 'no-challenge' }],
  },
  {
    title:
      'Given the agency challenges, When its line manager and the Chair resolve it, Then it is resolved without the Head of the Safeguarding Unit',
    cite: 'safeguarding-unit 3.3.2',
    key: dis,
    start: disStart,
    steps: [challenge('challenge'), complete('LineManager_RecordOutcome', resolved)],
    path: [
      'LineManager_NotifyAgency',
      'LineManager_NotifyParties',
      'LineManager_RecordOutcome',
      'LineManager_LogOutcome',
      ...RESOLVED,
    ],
    notPath: ['Head_NotifyParties', 'SignificantHarm_NotifyAgency'],
    ended: true,
    notified: [
      { role: 'line-manager', template: 'dissent-challenge' },
      { role: 'conference-chair', template: 'dissent-challenge' },
    ],
  },
  {
    title:
      'Given the challenge is not resolved, When the line manager records it, Then the Head of the Safeguarding Unit considers further actions',
    cite: 'safeguarding-unit 3.3.3',
    key: dis,
    start: disStart,
    steps: [
      challenge('challenge'),
      complete('LineManager_RecordOutcome', unresolved),
      complete('Head_RecordOutcome', resolved),
    ],
    path: [
      'LineManager_RecordOutcome',
      'Head_NotifyParties',
      'Head_RecordOutcome',
      'Head_LogOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given the decision places the child at risk of significant harm, When the agency says so, Then it is raised formally with its own line manager and Designated or Named Professional and discussed with the Head of the Safeguarding Unit',
    cite: 'safeguarding-unit 3.3.3',
    key: dis,
    start: disStart,
    steps: [
      challenge('significant-harm'),
      complete('Head_RecordOutcome', { ...unresolved, outcome: 'unresolved' }),
    ],
    path: [
      'Challenge_LogOutcome',
      'SignificantHarm_NotifyAgency',
      'Head_NotifyParties',
      'Head_RecordOutcome',
      ...CLOSED,
    ],
    notPath: ['LineManager_NotifyAgency'],
    ended: true,
    notified: [
      { role: 'line-manager', template: 'dissent-significant-harm' },
      { role: 'designated-named-professional', template: 'dissent-significant-harm' },
      { role: 'head-of-safeguarding-unit', template: 'dissent-head-discussion' },
    ],
  },
  {
    title:
      'Given conference dissent with immediate risk, When reminders fall due at each step and risk is raised again, Then the Head of the Safeguarding Unit resolves it',
    cite: 'safeguarding-unit 1.5, 3.3.2, 3.3.3',
    key: dis,
    start: { ...disStart, immediateRisk: true },
    steps: [
      { timer: 'Challenge_Reminder', due: 'challengeReminderDue' },
      challenge('challenge'),
      { timer: 'LineManager_Reminder', due: 'lineManagerReminderDue' },
      { message: 'immediate-risk' },
      complete('LineManager_RecordOutcome', unresolved),
      { timer: 'Head_Reminder', due: 'headReminderDue' },
      complete('Head_RecordOutcome', resolved),
    ],
    path: [
      'Raise_RecordRouting',
      'Challenge_Reminder',
      'Challenge_RecordReminder',
      'LineManager_Reminder',
      'LineManager_RecordReminder',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'Head_Reminder',
      'Head_RecordReminder',
      'Head_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given a challenge with the line manager and the Chair, When it is withdrawn with a reason, Then the withdrawal is recorded and every party, the Chair and the Head are told',
    cite: 'issue 12 (withdrawal); safeguarding-unit 2.5',
    key: dis,
    start: disStart,
    steps: [challenge('challenge'), withdraw],
    path: ['LineManager_NotifyParties', ...WITHDRAWN],
    notPath: ['LineManager_LogOutcome'],
    ended: true,
    notified: [{ role: 'conference-chair', template: 'withdrawn' }],
  },
];
