/** east-riding: ERSCP Resolving Inter-Agency Disagreements, §5 (Child Protection Conference dissent). */
import { resolved, unresolved, type Scenario } from './scenario.js';
import { start } from './east-riding.scenarios.js';

const dissentKey = 'EastRidingConferenceDissent';
const ADJ = [
  'Raise_Record',
  'Adjournment_RecordInterimPlan',
  'Adjournment_ScheduleDeadline',
  'Adjournment_NotifyParties',
];
const ARB = ['Arbitration_ScheduleReminder', 'Arbitration_NotifyParties'];
const MINUTES = ['Resolved_Record', 'Resolved_ConfirmAllParties', 'Escalation_Resolved'];

export const eastRidingDissent: Scenario[] = [
  {
    title:
      'Given a conference adjourned over a disagreement, When the chair and named senior managers agree within 72 hours, Then the minutes record the decision and all attempts to agree',
    cite: 'east-riding §5',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision', childStatus: 'CPP' },
    steps: [{ complete: 'Adjournment_RecordOutcome', with: resolved }],
    path: [...ADJ, 'Adjournment_RecordOutcome', ...MINUTES],
    ended: true,
    notified: [{ role: 'conference-chair', template: 'stage-started' }],
    timescales: { adjournmentDue: '72 hours' },
    dueAt: { adjournmentDue: '2026-11-05T10:00:00.000Z' },
  },
  {
    title:
      'Given the 72-hour adjournment expires unresolved, When its timer fires, Then the chair and the ERSCP are told and the ERSCP arbitrates',
    cite: 'east-riding §5',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      { timer: 'Adjournment_Deadline', due: 'adjournmentDue' },
      { complete: 'Arbitration_RecordOutcome', with: resolved },
    ],
    path: [
      ...ADJ,
      'Adjournment_Deadline',
      'Adjournment_NotifyBreach',
      'Adjournment_RecordBreach',
      ...ARB,
      'Arbitration_RecordOutcome',
      ...MINUTES,
    ],
    ended: true,
    notified: [
      { role: 'erscp-team', template: 'stage-breached' },
      { role: 'erscp-chair', template: 'arbitration-request' },
    ],
  },
  {
    title:
      'Given the chair sees no agreement before 72 hours, When the outcome is recorded as unresolved, Then arbitration starts early without waiting for expiry',
    cite: 'east-riding §5',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      { complete: 'Adjournment_RecordOutcome', with: unresolved },
      { complete: 'Arbitration_RecordOutcome', with: resolved },
    ],
    path: ['Adjournment_RecordOutcome', ...ARB, 'Arbitration_RecordOutcome', ...MINUTES],
    notPath: ['Adjournment_NotifyBreach'],
    ended: true,
  },
  {
    title:
      'Given arbitration takes longer than the reminder, When the reminder fires, Then the ERSCP Chair is reminded and the escalation stays open',
    cite: 'east-riding §5 (no timescale for arbitration: reminder only)',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      { complete: 'Adjournment_RecordOutcome', with: unresolved },
      { timer: 'Arbitration_Reminder', due: 'arbitrationReminderDue' },
    ],
    path: [
      ...ARB,
      'Arbitration_Reminder',
      'Arbitration_NotifyReminder',
      'Arbitration_RecordReminder',
      'Arbitration_ReminderSent',
    ],
    ended: false,
    timescales: { arbitrationReminderDue: '5 working days' },
  },
  {
    title:
      'Given arbitration does not settle it, When recorded as unresolved, Then the minutes record it and every party is told',
    cite: 'east-riding §5',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [
      { complete: 'Adjournment_RecordOutcome', with: unresolved },
      { complete: 'Arbitration_RecordOutcome', with: unresolved },
    ],
    path: [
      'Arbitration_RecordOutcome',
      'Final_RecordUnresolved',
      'Final_NotifyUnresolved',
      'Escalation_ClosedUnresolved',
    ],
    ended: true,
  },
  {
    title:
      'Given an adjournment, When immediate risk is raised, Then it is routed the same working day and the adjournment carries on',
    cite: 'east-riding §1, §5',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision' },
    steps: [{ message: 'immediate-risk' }, { complete: 'Adjournment_RecordOutcome', with: resolved }],
    path: [
      'Adjournment_NotifyParties',
      'message:immediate-risk',
      'ImmediateRisk_Record',
      'Adjournment_RecordOutcome',
      ...MINUTES,
    ],
    ended: true,
  },
  {
    title:
      'Given a child at risk of immediate harm when the conference adjourns, When the escalation starts, Then it is routed the same working day and the adjournment still runs',
    cite: 'east-riding §1, §5',
    key: dissentKey,
    start: { ...start, disagreementContext: 'conference-decision', immediateRisk: true },
    steps: [{ complete: 'Adjournment_RecordOutcome', with: resolved }],
    path: [
      'Raise_ScheduleSameDay',
      'Raise_NotifyChildProtection',
      'Raise_RecordRouting',
      'Adjournment_RecordInterimPlan',
      'Adjournment_RecordOutcome',
      ...MINUTES,
    ],
    ended: true,
  },
];
