/**
 * Liverpool Appendix 2 "Report to LSCB: Multi-Agency Resolution: Escalation Stages 3 and 4":
 * referred to the LSCB Business Officer when matters are escalated to Stage 3, sent to the LSCB
 * Team once resolved at Stage 3 or 4 (with lessons and further actions), and filed again with the
 * Business Manager's part. The fields are the appendix's own, in its order. The child's details come
 * from the protected store.
 */
import type { RecordEntry } from '../../src/record/record-store.js';
import { defineDocument, type DocumentSources, type FieldValue } from './document.js';
import { entryDay, latestEntry, outcomeLines } from './record-values.js';
import {
  agencyName,
  birthDate,
  dateField,
  dateOf,
  lessons,
  raisingAgency,
  raisingRoleTitle,
  rolesAndAgencies,
  roleTitle,
  text,
  textOf,
} from './values.js';

/** The lessons categories in the words of the Liverpool Appendix 2 form (forms/liverpool-appendix-2.form). */
const LSCB_LESSONS: Readonly<Record<string, string>> = {
  'agency-guidance': 'Individual agency review of procedure',
  training: 'Requirement for staff training',
  'partnership-guidance': 'Further understanding of LSCB Levels of Need (partnership guidance)',
  commissioning: 'Commissioning of services',
};

/** `liverpool-appendix-2-report`: the Report to LSCB, as far as it is completed when generated. */
export const liverpoolAppendix2Report = defineDocument({
  form: 'liverpool-appendix-2-report',
  holdsChildDetails: true,
  title: 'Appendix 2. Report to LSCB: Multi-Agency Resolution: Escalation Stages 3 and 4',
  citation:
    'Liverpool Safeguarding Children Board (LSCB), "LSCB Resolution & Escalation Procedure: Resolving ' +
    'Inter-Agency Professional Disagreement" (version 180501), Stage 2 and Appendix 2 "Report to LSCB: ' +
    'Multi-Agency Resolution: Escalation Stages 3 and 4" ("Multi-Agency Conflicts resolved at Stages 3 and 4 ' +
    'must be reported to the LSCB Team").',
  sections: [
    {
      heading: null,
      fields: [
        { key: 'childName', label: 'Name of Child / young Person' },
        { key: 'dateOfBirth', label: 'Date of Birth' },
        { key: 'address', label: 'Address' },
        { key: 'professional', label: 'Name and email of Professional Escalating concern' },
        { key: 'roleAndAgency', label: 'Role and Agency' },
        {
          key: 'otherProfessionals',
          label:
            'Name(s) of other professionals involved (Including LSCB Board Members where appropriate): Role and Agency',
        },
        { key: 'levelOfNeed', label: 'Please indicate level of need: Early Help / S17 / S47' },
        {
          key: 'disagreement',
          label: 'Brief details of inter agency disagreement (including agreed outcomes)',
        },
        { key: 'discussionDate', label: 'Date of discussion/ Meeting re disagreement' },
        { key: 'resolutionMethod', label: 'Methodology used to resolve conflict' },
        { key: 'resolvedAt', label: 'Disagreement resolved at: Level 3 / Level 4' },
        {
          key: 'lessons',
          label:
            'Please indicate lessons learned from this disagreement resolution (e.g. Individual agency review of ' +
            'procedure, requirement for staff training, further understanding of LSCB Levels of Need)',
        },
        {
          key: 'furtherActions',
          label:
            'Please identify any further actions taken by your agency following the resolution of this issue: ' +
            'Actions taken / By whom / Date completed',
        },
        { key: 'completedBy', label: 'Form completed by' },
        { key: 'completedOn', label: 'Date' },
      ],
    },
    {
      heading: 'To be completed by LSCB Business Manager',
      fields: [
        { key: 'receivedOn', label: 'Date received by LSCB Business Manager' },
        { key: 'executiveGroupOutcome', label: 'Outcome / Issues notified to LSCB Executive Group' },
        { key: 'executiveGroupNotifiedOn', label: 'Date' },
      ],
    },
  ],
  build: (s) => {
    const completing = completingEntry(s);
    return {
      childName: s.subject?.name ?? null,
      dateOfBirth: s.subject ? birthDate(s.subject.dateOfBirth) : null,
      address: s.subject?.address ?? null,
      professional: joined([text(s, 'raisedByName'), text(s, 'raisedByEmail')]),
      roleAndAgency: joined([raisingRoleTitle(s), raisingAgency(s)]),
      otherProfessionals: rolesAndAgencies(s, 'otherProfessionals'),
      levelOfNeed: text(s, 'levelOfNeed'),
      disagreement: briefDetails(s),
      discussionDate: dateField(s, 'discussionDate'),
      resolutionMethod: text(s, 'resolutionMethod'),
      resolvedAt: resolvedAt(s),
      lessons: lessons(s, LSCB_LESSONS),
      furtherActions: furtherActions(s),
      completedBy: completedBy(s, completing),
      completedOn: completing ? entryDay(completing) : null,
      receivedOn: dateField(s, 'businessManagerReceivedOn'),
      executiveGroupOutcome: text(s, 'executiveGroupOutcome'),
      executiveGroupNotifiedOn: dateField(s, 'executiveGroupNotifiedOn'),
    };
  },
});

function joined(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null);
  return present.length === 0 ? null : present.join(', ');
}

/** The disagreement as raised, then the latest stage's outcome (the agreed outcome once resolved). */
function briefDetails(s: DocumentSources): FieldValue {
  const disagreement = text(s, 'disagreement');
  const last = latestEntry(s, ['1', '2', '3', '4'], ['stage-outcome']);
  const outcome = last?.stage ? stagePrefixed(last.stage, outcomeLines(s, last.stage)) : agreedOutcome(s);
  const lines = [...(disagreement === null ? [] : [disagreement]), ...outcome];
  return lines.length === 0 ? null : lines;
}

function stagePrefixed(stage: string, lines: FieldValue): string[] {
  return Array.isArray(lines) ? lines.map((l, i) => (i === 0 ? `Stage ${stage}: ${l}` : l)) : [];
}

/** Without a record, the agreed outcome from the variables when the outcome is resolved. */
function agreedOutcome(s: DocumentSources): string[] {
  const agreed = text(s, 'agreedOutcome');
  return text(s, 'outcome') === 'resolved' && agreed !== null ? [`Agreed outcome: ${agreed}`] : [];
}

/**
 * "Disagreement resolved at: Level3: Level 4:": the stage (3 or 4) whose outcome in the record is
 * resolved; without a record, `lscbLevel` (the level reached, set by the diagram) when the outcome
 * is resolved. Not yet resolved (the referral at Stage 3) is not recorded.
 */
function resolvedAt(s: DocumentSources): string | null {
  const entry = latestEntry(s, ['3', '4'], ['stage-outcome']);
  if (entry) return entry.outcome === 'resolved' ? `Level ${entry.stage}` : null;
  const level = text(s, 'lscbLevel');
  return level !== null && text(s, 'outcome') === 'resolved' ? `Level ${level}` : null;
}

function furtherActions(s: DocumentSources): FieldValue {
  const v = s.variable('furtherActions');
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.map((a: { action?: unknown; byWhom?: unknown; dateCompleted?: unknown }) =>
    [
      textOf(a.action) ?? 'Action not described',
      `By whom: ${textOf(a.byWhom) ?? 'Not recorded'}`,
      `Date completed: ${dateOf(a.dateCompleted) ?? 'Not recorded'}`,
    ].join('. '),
  );
}

/**
 * The entry of the form that completed the report: the lessons and further actions (after the
 * resolution), else the stage form whose Appendix 2 part was filled in (the referral at Stage 3).
 */
function completingEntry(s: DocumentSources): RecordEntry | null {
  const lessonsEntry = [...s.record].reverse().find((e) => e.kind === 'lessons');
  return lessonsEntry ?? latestEntry(s, ['2', '3', '4'], ['stage-outcome']);
}

/**
 * Who completed it, by role and agency: the completing entry's actor, else the actor variables
 * (which name whoever acted last, so they come second).
 */
function completedBy(s: DocumentSources, entry: RecordEntry | null): string | null {
  const role = entry?.actorRole ?? text(s, 'actorRole');
  const agency = entry?.actorRole ? entry.actorAgency : text(s, 'actorAgency');
  return joined([
    role === null ? null : roleTitle(s.partnership, role, agency),
    agency === null ? null : agencyName(s.partnership, agency),
  ]);
}
