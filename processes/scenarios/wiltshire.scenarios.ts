/**
 * wiltshire: Wiltshire Safeguarding Children Board (WSCB), protocol on resolving significant case
 * disagreements and its one-page "Resolving disagreements about a case". No fixed timescales:
 * reminders only prompt.
 */
import { resolved, unresolved, type Scenario, type Step } from './scenario.js';

const key = 'WiltshireEscalation';
const start = { partnership: 'wiltshire' as const };

/** §2.4: the raising professional thinks the concern through with their safeguarding lead first. */
const lead: Step = {
  complete: 'Raise_SafeguardingLead',
  with: { outcome: 'agreed', decisionDetails: 'Threshold evidence reviewed with the safeguarding lead' },
};
const level = (n: number) => [
  `Level${n}_ScheduleReminder`,
  `Level${n}_NotifyParties`,
  `Level${n}_RecordOutcome`,
  `Level${n}_LogOutcome`,
];
const un = (n: number): Step => ({ complete: `Level${n}_RecordOutcome`, with: unresolved });
const stuck = (n: number): Step => ({
  complete: `Level${n}_RecordOutcome`,
  with: { outcome: 'stuck', unresolvedReason: 'High risk, no clear way forward' },
});
const offer = (by: 'qap-mediator' | 'independent-chair' | 'partner-organisation'): Step => ({
  complete: 'Mediation_OfferMediator',
  with: { outcome: by, decisionDetails: 'Mediator from an agency not involved; meeting next week' },
});
const mediation = (outcome: Record<string, string>): Step => ({
  complete: 'Mediation_RecordOutcome',
  with: outcome,
});
const RAISE = [
  'Raise_Record',
  'Raise_NotifySafeguardingLead',
  'Raise_SafeguardingLead',
  'Raise_RecordSafeguardingLead',
];
const RESOLVED = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];
const OFFER = [
  'Mediation_ScheduleOffer',
  'Mediation_InformQap',
  'Mediation_NotifyManagers',
  'Mediation_OfferMediator',
  'Mediation_RecordOffer',
];
const MEDIATION = [
  'Mediation_ScheduleReminder',
  'Mediation_NotifyParties',
  'Mediation_RecordOutcome',
  'Mediation_LogOutcome',
];
const FORMAL = [
  'FormalLog_Record',
  'FormalLog_NotifyQap',
  'FormalLog_NotifyParties',
  'Escalation_FormallyLogged',
];
const DEEP_DIVE: Step = {
  complete: 'SeriousConcern_DeepDiveDecision',
  with: { outcome: 'agreed', decisionDetails: 'Deep dive into threshold decisions across the area' },
};
const CHAIR = [
  'SeriousConcern_Log',
  'SeriousConcern_NotifyChair',
  'SeriousConcern_DeepDiveDecision',
  'SeriousConcern_RecordDecision',
];

const levels: Scenario[] = [
  {
    title:
      'Given a challenge between professionals, When they agree a way forward, Then Professional to Professional records the challenge, its outcome and the resolution',
    cite: 'WSCB "Resolving disagreements about a case": "Record challenge and the resolution"',
    key,
    start,
    steps: [lead, { complete: 'Level1_RecordOutcome', with: resolved }],
    path: [...RAISE, ...level(1), ...RESOLVED],
    notPath: ['SeriousConcern_Log', 'Mediation_InformQap'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'outcome-confirmation' }],
    timescales: { safeguardingLeadReminderDue: '2 working days', level1ReminderDue: '5 working days' },
    dueAt: {
      safeguardingLeadReminderDue: '2026-11-04T10:00:00.000Z',
      level1ReminderDue: '2026-11-09T10:00:00.000Z',
    },
  },
  {
    title:
      'Given a concern is raised, When the escalation starts, Then the raising professional first thinks it through with their own safeguarding lead, and persists even where the lead disagrees',
    cite: 'WSCB protocol §2.4; "Resolving disagreements about a case": "Concerns have been thought through with safeguarding leads"',
    key,
    start,
    steps: [
      {
        complete: 'Raise_SafeguardingLead',
        with: { outcome: 'declined', decisionDetails: 'Lead advised waiting; the risk cannot wait' },
      },
    ],
    path: [...RAISE, 'Level1_NotifyParties'],
    ended: false,
    notified: [{ role: 'designated-safeguarding-lead', template: 'think-through-with-safeguarding-lead' }],
  },
  {
    title:
      'Given no fixed timescale, When the Professional to Professional reminder falls due, Then the parties are reminded, nothing is closed, and they later resolve it',
    cite: 'WSCB "Resolving disagreements about a case": "Timescales for a resolution will vary" (reminders only prompt)',
    key,
    start,
    steps: [
      lead,
      { timer: 'Level1_Reminder', due: 'level1ReminderDue' },
      { complete: 'Level1_RecordOutcome', with: resolved },
    ],
    path: [
      'Level1_NotifyParties',
      'Level1_Reminder',
      'Level1_NotifyReminder',
      'Level1_RecordReminder',
      'Level1_RecordOutcome',
      'Level1_LogOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'raising-professional', template: 'stage-reminder' }],
  },
  {
    title:
      'Given the reminder has fired, When nobody has recorded an outcome, Then the escalation stays open at Professional to Professional',
    cite: 'WSCB "Resolving disagreements about a case" (reminders never close anything)',
    key,
    start,
    steps: [lead, { timer: 'Level1_Reminder', due: 'level1ReminderDue' }],
    path: ['Level1_Reminder', 'Level1_ReminderSent'],
    notPath: ['Level1_LogOutcome'],
    ended: false,
  },
  {
    title:
      'Given professionals disagree, When managers resolve it, Then Manager to Manager closes it and both levels are recorded',
    cite: 'WSCB protocol §2.5 (Manager to Manager)',
    key,
    start,
    steps: [lead, un(1), { complete: 'Level2_RecordOutcome', with: resolved }],
    path: ['Level1_LogOutcome', ...level(2), ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given managers disagree, When senior managers resolve it, Then Senior Manager to Senior Manager closes it',
    cite: 'WSCB protocol §2.5 (Senior Manager to Senior Manager)',
    key,
    start,
    steps: [lead, un(1), un(2), { complete: 'Level3_RecordOutcome', with: resolved }],
    path: ['Level2_LogOutcome', ...level(3), ...RESOLVED],
    ended: true,
  },
  {
    title: 'Given senior managers disagree, When leaders resolve it, Then Leader to Leader closes it',
    cite: 'WSCB protocol §2.5 ("up to, and include, the senior managers and leaders")',
    key,
    start,
    steps: [lead, un(1), un(2), un(3), { complete: 'Level4_RecordOutcome', with: resolved }],
    path: ['Level3_LogOutcome', ...level(4), ...RESOLVED],
    ended: true,
  },
  {
    title:
      'Given every level leaves the concern unresolved, When Leader to Leader records it, Then it is formally logged with the QA&P Sub Group, which is told, as is every party',
    cite: 'WSCB protocol §3.1(b)',
    key,
    start,
    steps: [lead, un(1), un(2), un(3), un(4)],
    path: [...level(4), ...FORMAL],
    notPath: ['Resolved_Record'],
    ended: true,
    notified: [
      { role: 'qap-sub-group', template: 'qap-formal-log' },
      { role: 'all-parties', template: 'qap-formal-log' },
    ],
  },
];

const stuckCases: Scenario[] = [
  {
    title:
      'Given a stuck case at Manager to Manager, When the QA&P Sub Group is informed and offers a mediator and the agencies agree a way forward, Then the agencies record the resolution',
    cite: 'WSCB protocol §3.1(c)',
    key,
    start,
    steps: [lead, un(1), stuck(2), offer('qap-mediator'), mediation(resolved)],
    path: ['Level2_LogOutcome', ...OFFER, 'Mediation_NotifyMediator', ...MEDIATION, ...RESOLVED],
    notPath: ['Level3_ScheduleReminder', 'Mediation_NotifyIndependentChair'],
    ended: true,
    notified: [
      { role: 'qap-sub-group', template: 'qap-stuck-case' },
      { role: 'all-parties', template: 'stuck-case' },
      { role: 'qap-mediator', template: 'mediation-request' },
      { role: 'all-parties', template: 'mediation-offer' },
    ],
  },
  {
    title:
      'Given a stuck case, When the QA&P Sub Group offers external mediation by the Independent Chair, Then the Independent Chair is asked to mediate',
    cite: 'WSCB protocol §2.3 ("external mediation … by the Independent Chair"), §3.1(c)',
    key,
    start,
    steps: [lead, stuck(1), offer('independent-chair'), mediation(resolved)],
    path: [...OFFER, 'Mediation_NotifyIndependentChair', ...MEDIATION, ...RESOLVED],
    notPath: ['Mediation_NotifyMediator'],
    ended: true,
    notified: [{ role: 'independent-chair', template: 'mediation-request' }],
  },
  {
    title:
      'Given a stuck case between professionals, When mediation finds no way forward, Then resolution continues at Manager to Manager',
    cite: 'WSCB protocol §2.5 ("that resolution continues up the hierarchies until a resolution is reached"), §3.1(c)',
    key,
    start,
    steps: [
      lead,
      stuck(1),
      offer('partner-organisation'),
      mediation(unresolved),
      { complete: 'Level2_RecordOutcome', with: resolved },
    ],
    path: ['Level1_LogOutcome', ...OFFER, 'Mediation_NotifyMediator', ...MEDIATION, ...level(2), ...RESOLVED],
    notPath: ['FormalLog_Record'],
    ended: true,
  },
  {
    title:
      'Given each level in turn gets stuck, When each mediation finds no way forward, Then it climbs one level at a time up to and including leaders, and is then formally logged',
    cite: 'WSCB protocol §2.5 ("up to, and include, the senior managers and leaders"), §3.1(b), §3.1(c)',
    key,
    start,
    steps: [
      lead,
      un(1),
      stuck(2),
      offer('qap-mediator'),
      mediation(unresolved),
      stuck(3),
      offer('qap-mediator'),
      mediation(unresolved),
      stuck(4),
      offer('qap-mediator'),
      mediation(unresolved),
    ],
    path: [
      'Level2_LogOutcome',
      'Mediation_LogOutcome',
      ...level(3),
      'Mediation_LogOutcome',
      ...level(4),
      'Mediation_LogOutcome',
      ...FORMAL,
    ],
    ended: true,
  },
];

const qap: Scenario[] = [
  {
    title:
      'Given a matter of serious concern, When it is raised, Then it is logged with the QA&P Chair at once, the Chair decides on a deeper review, and Professional to Professional runs alongside',
    cite: 'WSCB protocol §3.1(a)',
    key,
    start: { ...start, seriousConcern: true },
    steps: [lead, DEEP_DIVE, { complete: 'Level1_RecordOutcome', with: resolved }],
    path: [...CHAIR, 'Level1_RecordOutcome', 'Escalation_Resolved', 'SeriousConcern_Logged'],
    ended: true,
    notified: [{ role: 'qap-chair', template: 'qap-serious-concern' }],
  },
  {
    title:
      'Given Senior Manager to Senior Manager is under way, When a matter of serious concern becomes clear, Then it is logged with the QA&P Chair, who decides on a deep dive, and the level carries on',
    cite: 'WSCB protocol §3.1(a) ("automatically logged with the Chair of the WSCB QA&P Sub Group")',
    key,
    start,
    steps: [
      lead,
      un(1),
      un(2),
      { message: 'serious-concern' },
      DEEP_DIVE,
      { complete: 'Level3_RecordOutcome', with: resolved },
    ],
    path: ['Level3_NotifyParties', 'message:serious-concern', ...CHAIR, 'Level3_RecordOutcome', ...RESOLVED],
    ended: true,
    notified: [{ role: 'qap-chair', template: 'qap-serious-concern' }],
  },
  {
    title:
      'Given a disagreement with a Child Protection Conference decision, When it is raised, Then it is referred to the Dissent Procedure and the conference chair hears of it for the QA&P overview',
    cite: 'WSCB "Resolving disagreements about a case", "Please note"; protocol §2.7',
    key,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [],
    path: [
      'Raise_Record',
      'Dissent_Refer',
      'Dissent_NotifyChair',
      'Dissent_Record',
      'Escalation_DissentProcedure',
    ],
    notPath: ['Raise_NotifySafeguardingLead', 'Level1_ScheduleReminder', 'SeriousConcern_Log'],
    ended: true,
    notified: [
      { role: 'raising-professional', template: 'dissent-procedure' },
      { role: 'conference-chair', template: 'dissent-procedure' },
    ],
  },
  {
    title:
      'Given a serious concern about a Child Protection Conference decision, When it is raised, Then it goes to the Dissent Procedure and is still logged with the QA&P Chair, who decides on a deep dive',
    cite: 'WSCB protocol §3.1(a) ("automatically logged"); "Please note" (Dissent Procedure)',
    key,
    start: { ...start, disagreementContext: 'conference-decision', seriousConcern: true },
    steps: [DEEP_DIVE],
    path: [
      'Dissent_Refer',
      'Dissent_NotifyChair',
      'Dissent_Record',
      'SeriousConcern_DeepDiveDecision',
      'SeriousConcern_RecordDecision',
      'Escalation_DissentProcedure',
      'SeriousConcern_Logged',
    ],
    ended: true,
    notified: [{ role: 'qap-chair', template: 'qap-serious-concern' }],
  },
];

const anyStage: Scenario[] = [
  {
    title:
      'Given Manager to Manager is under way, When immediate risk is raised, Then child protection is told the same working day and the level carries on',
    cite: 'immediate risk (every partnership): child protection the same working day',
    key,
    start,
    steps: [lead, un(1), { message: 'immediate-risk' }, { complete: 'Level2_RecordOutcome', with: resolved }],
    path: [
      'Level2_NotifyParties',
      'message:immediate-risk',
      'ImmediateRisk_NotifyChildProtection',
      'ImmediateRisk_Record',
      'Level2_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [{ role: 'designated-safeguarding-lead', template: 'immediate-risk' }],
  },
  {
    title:
      'Given Manager to Manager is under way, When the escalation is withdrawn with a reason, Then the withdrawal is recorded, every party is told, and nothing of the level remains',
    cite: 'issue 12 (withdrawal); WSCB "Record challenge and the resolution"',
    key,
    start,
    steps: [
      lead,
      un(1),
      { message: 'withdraw', variables: { withdrawalReason: 'Agreed informally after new information' } },
    ],
    path: [
      'Level2_NotifyParties',
      'message:withdraw',
      'Withdrawn_Record',
      'Withdrawn_NotifyAllParties',
      'Withdrawn_End',
    ],
    notPath: ['Level2_LogOutcome', 'Level3_ScheduleReminder', 'Resolved_Record'],
    ended: true,
    notified: [{ role: 'all-parties', template: 'withdrawn' }],
  },
  {
    title:
      "Given a serious concern awaits the QA&P Chair and a stuck case awaits the Sub Group's offer, When the escalation is withdrawn, Then both end with it",
    cite: 'issue 12 (withdrawal); WSCB protocol §3.1(a), §3.1(c)',
    key,
    start: { ...start, seriousConcern: true },
    steps: [
      lead,
      stuck(1),
      { message: 'withdraw', variables: { withdrawalReason: 'Raised in error: wrong case reference' } },
    ],
    path: ['SeriousConcern_NotifyChair', 'Mediation_InformQap', 'Withdrawn_Record', 'Withdrawn_End'],
    notPath: ['SeriousConcern_RecordDecision', 'Mediation_RecordOffer', 'Escalation_Resolved'],
    ended: true,
  },
  {
    title:
      'Given a serious concern at immediate risk where nobody acts promptly, When every reminder falls due, Then each only prompts, and the stuck case is mediated to a resolution',
    cite: 'WSCB protocol §2.4, §3.1(a), §3.1(c); "Timescales for a resolution will vary"',
    key,
    start: { ...start, immediateRisk: true, seriousConcern: true },
    steps: [
      { timer: 'Raise_Reminder', due: 'safeguardingLeadReminderDue' },
      lead,
      { timer: 'SeriousConcern_Reminder', due: 'deepDiveReminderDue' },
      { ...DEEP_DIVE, with: { outcome: 'declined', decisionDetails: 'Case-specific only' } },
      un(1),
      { timer: 'Level2_Reminder', due: 'level2ReminderDue' },
      un(2),
      { timer: 'Level3_Reminder', due: 'level3ReminderDue' },
      un(3),
      { timer: 'Level4_Reminder', due: 'level4ReminderDue' },
      stuck(4),
      { timer: 'Mediation_OfferReminder', due: 'mediationOfferDue' },
      offer('qap-mediator'),
      { timer: 'Mediation_Reminder', due: 'mediationReminderDue' },
      mediation(resolved),
    ],
    path: [
      'Raise_NotifyChildProtection',
      'Raise_Reminder',
      'Raise_NotifyReminder',
      'Raise_RecordReminder',
      'Raise_SafeguardingLead',
      'SeriousConcern_Reminder',
      'SeriousConcern_NotifyReminder',
      'SeriousConcern_RecordReminder',
      'SeriousConcern_DeepDiveDecision',
      'Level2_Reminder',
      'Level2_NotifyReminder',
      'Level3_Reminder',
      'Level4_Reminder',
      'Level4_LogOutcome',
      'Mediation_OfferReminder',
      'Mediation_NotifyOfferReminder',
      'Mediation_RecordOfferReminder',
      'Mediation_RecordOffer',
      'Mediation_Reminder',
      'Mediation_RecordReminder',
      'Mediation_RecordOutcome',
      ...RESOLVED,
    ],
    ended: true,
    notified: [
      { role: 'raising-professional', template: 'stage-reminder' },
      { role: 'qap-sub-group', template: 'stage-reminder' },
    ],
    timescales: {
      deepDiveReminderDue: '10 working days',
      mediationOfferDue: '5 working days',
      mediationReminderDue: '10 working days',
    },
  },
];

export const wiltshire: Scenario[] = [...levels, ...stuckCases, ...qap, ...anyStage];
