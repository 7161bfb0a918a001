/** wiltshire: WSCB protocol (no fixed timescales: reminders only). */
import { resolved, unresolved, type Scenario } from './scenario.js';

const key = 'WiltshireEscalation';
const start = { partnership: 'wiltshire' as const };
const level = (n: number) => [
  `Level${n}_ScheduleReminder`,
  `Level${n}_NotifyParties`,
  `Level${n}_RecordOutcome`,
];
const un = (n: number) => ({ complete: `Level${n}_RecordOutcome`, with: unresolved });
const stuck = (n: number) => ({
  complete: `Level${n}_RecordOutcome`,
  with: { outcome: 'stuck', unresolvedReason: 'High risk, no clear way forward' },
});
const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const MEDIATION = ['Mediation_ScheduleReminder', 'Mediation_NotifyParties', 'Mediation_RecordOutcome'];
const FORMAL = ['FormalLog_Record', 'FormalLog_Notify', 'Escalation_FormallyLogged'];

export const wiltshire: Scenario[] = [
  {
    title:
      'Given a challenge between professionals, When they agree a way forward, Then Level 1 records the challenge and the resolution',
    cite: 'wiltshire "Record challenge and the resolution"',
    key,
    start,
    steps: [{ complete: 'Level1_RecordOutcome', with: resolved }],
    path: ['Raise_Record', ...level(1), ...RESOLVED],
    notPath: ['SeriousConcern_Log'],
    ended: true,
    timescales: { level1ReminderDue: '5 working days' },
    dueAt: { level1ReminderDue: '2026-11-09T10:00:00.000Z' },
  },
  {
    title:
      'Given no fixed timescale, When the Level 1 reminder falls due, Then the parties are reminded, nothing is closed, and they later resolve it',
    cite: 'wiltshire "Timescales for a resolution will vary" (reminders only prompt)',
    key,
    start,
    steps: [
      { timer: 'Level1_Reminder', due: 'level1ReminderDue' },
      { complete: 'Level1_RecordOutcome', with: resolved },
    ],
    path: [
      'Level1_NotifyParties',
      'Level1_Reminder',
      'Level1_NotifyReminder',
      'Level1_RecordReminder',
      'Level1_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'raising-professional', template: 'stage-reminder' }],
  },
  {
    title:
      'Given the reminder has fired, When nobody has recorded an outcome, Then the escalation stays open at Level 1',
    cite: 'wiltshire (reminders never close anything)',
    key,
    start,
    steps: [{ timer: 'Level1_Reminder', due: 'level1ReminderDue' }],
    path: ['Level1_Reminder', 'Level1_ReminderSent'],
    ended: false,
  },
  {
    title: 'Given professionals disagree, When managers resolve it, Then Level 2 closes it',
    cite: 'wiltshire §2.5 (Manager to Manager)',
    key,
    start,
    steps: [un(1), { complete: 'Level2_RecordOutcome', with: resolved }],
    path: [...level(2), ...RESOLVED],
    ended: true,
  },
  {
    title: 'Given managers disagree, When senior managers resolve it, Then Level 3 closes it',
    cite: 'wiltshire §2.5 (Senior Manager to Senior Manager)',
    key,
    start,
    steps: [un(1), un(2), { complete: 'Level3_RecordOutcome', with: resolved }],
    path: [...level(3), ...RESOLVED],
    ended: true,
  },
  {
    title: 'Given senior managers disagree, When leaders resolve it, Then Level 4 closes it',
    cite: 'wiltshire §2.5 (Leader to Leader)',
    key,
    start,
    steps: [un(1), un(2), un(3), { complete: 'Level4_RecordOutcome', with: resolved }],
    path: [...level(4), ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given every level leaves the concern unresolved, When Level 4 records it, Then it is formally logged with the QA&P Sub Group',
    cite: 'wiltshire §3.1(b)',
    key,
    start,
    steps: [un(1), un(2), un(3), un(4)],
    path: [...level(4), ...FORMAL],
    ended: true,
    notified: [{ role: 'qap-sub-group', template: 'qap-formal-log' }],
  },
  {
    title:
      'Given a stuck case at Level 2, When the QA&P Sub Group offers a mediator and the agencies agree a way forward, Then the agencies record the resolution',
    cite: 'wiltshire §3.1(c)',
    key,
    start,
    steps: [un(1), stuck(2), { complete: 'Mediation_RecordOutcome', with: resolved }],
    path: ['Level2_RecordOutcome', ...MEDIATION, ...RESOLVED],
    notPath: ['Level3_ScheduleReminder'],
    ended: true,
    notified: [{ role: 'qap-mediator', template: 'mediation-offer' }],
  },
  {
    title:
      'Given mediation does not find a way forward, When the agencies record it, Then it is formally logged with the QA&P Sub Group',
    cite: 'wiltshire §3.1(b), §3.1(c)',
    key,
    start,
    steps: [stuck(1), { complete: 'Mediation_RecordOutcome', with: unresolved }],
    path: [...MEDIATION, ...FORMAL],
    ended: true,
  },
  {
    title:
      'Given a matter of serious concern, When it is raised, Then it is logged with the QA&P Chair at once, the Chair decides on a deeper review, and Level 1 runs alongside',
    cite: 'wiltshire §3.1(a)',
    key,
    start: { ...start, seriousConcern: true },
    steps: [
      {
        complete: 'SeriousConcern_DeepDiveDecision',
        with: { outcome: 'agreed', decisionDetails: 'Deep dive into threshold decisions' },
      },
      { complete: 'Level1_RecordOutcome', with: resolved },
    ],
    path: [
      'SeriousConcern_Log',
      'SeriousConcern_NotifyChair',
      'SeriousConcern_DeepDiveDecision',
      'SeriousConcern_RecordDecision',
      'Level1_RecordOutcome',
      'Escalation_Resolved',
      'SeriousConcern_Logged',
    ],
    ended: true,
    notified: [{ role: 'qap-chair', template: 'qap-serious-concern' }],
  },
  {
    title:
      'Given a disagreement with a Child Protection Conference decision, When it is raised, Then it is referred to the Dissent Procedure',
    cite: 'wiltshire "Please note"',
    key,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [],
    path: ['Raise_Record', 'Dissent_Refer', 'Dissent_Record', 'Escalation_DissentProcedure'],
    notPath: ['Level1_ScheduleReminder'],
    ended: true,
  },
  {
    title:
      'Given Level 2 is under way, When immediate risk is raised, Then child protection is told the same working day and Level 2 carries on',
    cite: 'issue 7 (immediate risk in every procedure)',
    key,
    start,
    steps: [un(1), { message: 'immediate-risk' }, { complete: 'Level2_RecordOutcome', with: resolved }],
    path: [
      'Level2_NotifyParties',
      'message:immediate-risk',
      'ImmediateRisk_NotifyChildProtection',
      'Level2_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
  },
  {
    title:
      'Given a serious concern at immediate risk where nobody acts promptly, When every reminder falls due, Then each only prompts, and the stuck case is mediated to a resolution',
    cite: 'wiltshire §3.1(a), §3.1(c); "Timescales for a resolution will vary"',
    key,
    start: { ...start, immediateRisk: true, seriousConcern: true },
    steps: [
      { timer: 'SeriousConcern_Reminder', due: 'deepDiveReminderDue' },
      {
        complete: 'SeriousConcern_DeepDiveDecision',
        with: { outcome: 'declined', decisionDetails: 'Case-specific only' },
      },
      un(1),
      { timer: 'Level2_Reminder', due: 'level2ReminderDue' },
      un(2),
      { timer: 'Level3_Reminder', due: 'level3ReminderDue' },
      un(3),
      { timer: 'Level4_Reminder', due: 'level4ReminderDue' },
      stuck(4),
      { timer: 'Mediation_Reminder', due: 'mediationReminderDue' },
      { complete: 'Mediation_RecordOutcome', with: resolved },
    ],
    path: [
      'Raise_NotifyChildProtection',
      'SeriousConcern_Reminder',
      'SeriousConcern_NotifyReminder',
      'SeriousConcern_DeepDiveDecision',
      'Level2_Reminder',
      'Level2_NotifyReminder',
      'Level3_Reminder',
      'Level4_Reminder',
      'Level4_RecordOutcome',
      'Mediation_Reminder',
      'Mediation_RecordReminder',
      'Mediation_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    timescales: { deepDiveReminderDue: '10 working days', mediationReminderDue: '10 working days' },
  },
];
