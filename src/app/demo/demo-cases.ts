/**
 * The demo's escalations: in every partnership, several at different stages (just raised, moved on
 * once or twice, resolved), and where the procedure has its own conference route one raised on it.
 * Case references are clearly fake (`DEMO-0001`…); the child's details are made up and go to the
 * protected store like any raise's. Each step is a stage task's form data, sent as a practitioner or
 * manager with one of the task's roles on its side would send it.
 */
import type { DemoOrganisation } from './demo-people.js';

/** A stage completed on the way: the task (element id) and the form's data. */
export interface DemoStep {
  task: string;
  values: Record<string, unknown>;
}

/** One demo escalation. */
export interface DemoCase {
  caseReference: string;
  partnership: string;
  /** Which demo organisation's practitioner raises it. */
  raisedBy: DemoOrganisation['key'];
  /** The other party's demo organisation. */
  other: DemoOrganisation['key'];
  /** Start fields beyond the common ones (context, level of need, child status). */
  start: Record<string, unknown>;
  steps: DemoStep[];
  /** In words, for the printed list: where it stands once seeded. */
  stage: string;
}

const RESOLVED = {
  outcome: 'resolved',
  agreedOutcome: 'Both agencies agreed a joint home visit and a review of the threshold decision.',
  actionPlan: 'Joint visit within 5 working days; the social worker confirms the outcome in writing.',
};
const UNRESOLVED = {
  outcome: 'unresolved',
  unresolvedReason: 'The agencies still disagree about the level of need; escalated to the next stage.',
};
const SUMMARY_LOG = {
  agencyEscalationNumber: 'DEMO-LOG-001',
  concern: 'Neglect: missed health appointments (made-up demo case)',
  actionsUndertaken: 'Telephone discussion between the workers.',
};
const WILTSHIRE_LEAD = {
  outcome: 'agreed',
  decisionDetails: 'Discussed with the safeguarding lead: escalate to the professional in the other agency.',
};
const NORTHANTS_UNRESOLVED = { ...UNRESOLVED, actionPlan: 'Managers to meet this week.' };

type Plan = Omit<DemoCase, 'caseReference' | 'partnership'>;
const open = (stage: string, steps: DemoStep[], more: Partial<Plan> = {}): Plan => ({
  raisedBy: 'school',
  other: 'social-care',
  start: {},
  steps,
  stage,
  ...more,
});

const PLANS: Record<string, Plan[]> = {
  liverpool: [
    open('Stage 1: the workers', [], { start: { levelOfNeed: 'S17' } }),
    open(
      'Stage 1: the line managers',
      [{ task: 'Stage1_RecordOutcome', values: { ...UNRESOLVED, ...SUMMARY_LOG } }],
      {
        raisedBy: 'health',
        start: { levelOfNeed: 'Early Help' },
      },
    ),
    open(
      'Stage 2: organisation safeguarding representatives',
      [
        { task: 'Stage1_RecordOutcome', values: { ...UNRESOLVED, ...SUMMARY_LOG } },
        {
          task: 'Stage1LineManager_RecordOutcome',
          values: { ...UNRESOLVED, ...SUMMARY_LOG, professionalsMeeting: 'convened' },
        },
      ],
      { start: { levelOfNeed: 'S47', childStatus: 'CPP' } },
    ),
    open('resolved at Stage 1', [{ task: 'Stage1_RecordOutcome', values: { ...RESOLVED, ...SUMMARY_LOG } }], {
      raisedBy: 'social-care',
      other: 'school',
      start: { levelOfNeed: 'S17' },
    }),
  ],
  'east-riding': [
    open('Stage 1: clarify with your line manager', []),
    open('Stage 2: the workers discuss', [{ task: 'Stage1_RecordOutcome', values: UNRESOLVED }], {
      raisedBy: 'health',
    }),
    open('Stage 3: the line managers', [
      { task: 'Stage1_RecordOutcome', values: UNRESOLVED },
      { task: 'Stage2_RecordOutcome', values: UNRESOLVED },
    ]),
    open('resolved at Stage 1: lessons to consider', [{ task: 'Stage1_RecordOutcome', values: RESOLVED }], {
      raisedBy: 'social-care',
      other: 'health',
    }),
    open('a child protection conference: the chair', [], {
      raisedBy: 'health',
      start: { disagreementContext: 'conference-decision', childStatus: 'CPP' },
    }),
  ],
  northamptonshire: [
    open('Stage 1: practitioners', []),
    open('Stage 2: line managers', [{ task: 'Stage1_RecordOutcome', values: NORTHANTS_UNRESOLVED }], {
      raisedBy: 'health',
    }),
    open('Stage 3: senior managers', [
      { task: 'Stage1_RecordOutcome', values: NORTHANTS_UNRESOLVED },
      { task: 'Stage2_RecordOutcome', values: NORTHANTS_UNRESOLVED },
    ]),
    open('resolved at Stage 1', [{ task: 'Stage1_RecordOutcome', values: RESOLVED }], {
      raisedBy: 'social-care',
      other: 'health',
    }),
  ],
  'safeguarding-unit': [
    open('Stage 1: practitioners', []),
    open('Stage 2: first-line managers', [{ task: 'Stage1_RecordOutcome', values: UNRESOLVED }], {
      raisedBy: 'health',
    }),
    open('resolved at Stage 1', [{ task: 'Stage1_RecordOutcome', values: RESOLVED }], {
      raisedBy: 'social-care',
      other: 'health',
    }),
    open('a conference request: Children’s Social Care decide', [], {
      raisedBy: 'health',
      start: { disagreementContext: 'conference-request' },
    }),
  ],
  wiltshire: [
    open('before Level 1: think it through with your safeguarding lead', []),
    open(
      'Level 1: professional to professional',
      [{ task: 'Raise_SafeguardingLead', values: WILTSHIRE_LEAD }],
      {
        raisedBy: 'health',
      },
    ),
    open('Level 2: manager to manager', [
      { task: 'Raise_SafeguardingLead', values: WILTSHIRE_LEAD },
      { task: 'Level1_RecordOutcome', values: UNRESOLVED },
    ]),
    open(
      'resolved at Level 1',
      [
        { task: 'Raise_SafeguardingLead', values: WILTSHIRE_LEAD },
        { task: 'Level1_RecordOutcome', values: RESOLVED },
      ],
      { raisedBy: 'social-care', other: 'health' },
    ),
  ],
};

/** Every demo escalation, numbered DEMO-0001… in a fixed order (the same on every run). */
export function demoCases(partnerships: readonly string[]): DemoCase[] {
  let n = 0;
  return partnerships.flatMap((partnership) =>
    (PLANS[partnership] ?? []).map((plan) => ({
      ...plan,
      partnership,
      caseReference: `DEMO-${String(++n).padStart(4, '0')}`,
    })),
  );
}

/** The made-up child of a demo case (only in the protected store and the documents that print it). */
export function demoChild(caseReference: string): { name: string; dateOfBirth: string; address: string } {
  const n = Number(caseReference.slice(-4));
  return {
    name: `Demo Child ${n}`,
    dateOfBirth: `${2010 + (n % 8)}-0${1 + (n % 9)}-1${n % 10}`,
    address: `${n} Example Street, Demo Town DE1 0AA`,
  };
}

/** What the raiser says: plain demo text, never a child's name. */
export const DEMO_DISAGREEMENT = {
  disagreement:
    'Demo: the referral was closed without an assessment although the school reports repeated concerns.',
  outcomeSought: 'An assessment of the family’s needs.',
  timescaleSought: 'Within 5 working days',
};
