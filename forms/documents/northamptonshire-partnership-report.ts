/**
 * Northamptonshire Stage 5: "The partner providing mediation will provide a report on the case to
 * the Partnership." The guide prints no form, so the report follows the guide's own words: the
 * stages reached, each with its "mutually agreed plan of action including timescales", the learning
 * points "recorded and brought forward" at Stage 4, the referral to the Business Office, the
 * mediation a Strategic Lead offered and its outcome. Filled from the record and the Stage 4 and 5
 * forms; it names no child, only the case reference.
 */
import { defineDocument, type DocumentSources } from './document.js';
import {
  entryDay,
  latestEntry,
  outcomeLines,
  OUTCOME_WORDS,
  stageOutcomes,
  stageValue,
} from './record-values.js';
import {
  agencyName,
  dateField,
  dateOf,
  disagreementLines,
  lessons,
  raisingAgency,
  raisingRoleTitle,
  roleTitle,
  text,
  textOf,
} from './values.js';

const MEDIATION_WORDS: Readonly<Record<string, string>> = {
  ...OUTCOME_WORDS,
  resolved: 'Resolved through mediation',
  unresolved: 'Not resolved through mediation',
};

/** `northamptonshire-partnership-report`: the mediating partner's report, from the record and the Stage 4 and 5 forms. */
export const northamptonshirePartnershipReport = defineDocument({
  form: 'northamptonshire-partnership-report',
  holdsChildDetails: false,
  title: 'Report on the case to the Partnership',
  citation:
    'Northamptonshire Safeguarding Children Partnership (NSCP), Tea-break guide "Professional Disagreements", ' +
    'Stage 5 – Partnership: "The partner providing mediation will provide a report on the case to the ' +
    'Partnership."',
  sections: [
    {
      heading: 'The disagreement',
      fields: [
        { key: 'raisedOn', label: 'Date the disagreement was raised' },
        { key: 'professionals', label: 'The professionals who disagree: Role and Agency' },
        { key: 'disagreement', label: 'What the disagreement is about' },
      ],
    },
    {
      heading: 'Stages 1 to 4',
      fields: [
        { key: 'stages', label: 'Stages reached: dates, outcomes and plans of action' },
        { key: 'learningPoints', label: 'Learning points recorded and brought forward' },
      ],
    },
    {
      heading: 'Stage 5 – Partnership',
      fields: [
        {
          key: 'referredOn',
          label: 'Date referred to the Business Office of the Safeguarding Children Partnership',
        },
        { key: 'mediationOfferedOn', label: 'Date a Strategic Lead offered mediation' },
        { key: 'mediatingPartner', label: 'Partner providing mediation' },
        { key: 'mediationDate', label: 'Date of the mediation' },
        { key: 'outcome', label: 'Outcome' },
        { key: 'actionPlan', label: 'Mutually agreed plan of action, including timescales' },
      ],
    },
  ],
  build: (s) => {
    const partner = text(s, 'mediatingAgency');
    return {
      raisedOn: dateField(s, 'raisedAt'),
      professionals: professionals(s),
      disagreement: disagreementLines(s),
      stages: stageOutcomes(s, ['1', '2', '3', '4'], { details: true }),
      learningPoints: lessons(s),
      referredOn: referredOn(s),
      mediationOfferedOn: dateField(s, 'mediationOfferedOn'),
      mediatingPartner: partner === null ? null : agencyName(s.partnership, partner),
      mediationDate: dateOf(stageValue(s, '5', 'discussionDate')),
      outcome: outcomeLines(s, '5', { words: MEDIATION_WORDS, plan: false }),
      actionPlan: textOf(stageValue(s, '5', 'actionPlan')),
    };
  },
});

/** Both parties by role title and agency: the raising professional, then the other agency's. */
function professionals(s: DocumentSources): string[] | null {
  const raising = [raisingRoleTitle(s), raisingAgency(s)].filter(Boolean).join(', ');
  const role = text(s, 'otherAgencyRole');
  const agency = text(s, 'otherAgency');
  const other = [
    role === null ? null : roleTitle(s.partnership, role, agency),
    agency === null ? null : agencyName(s.partnership, agency),
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [raising, other].filter((l) => l !== '');
  return lines.length === 0 ? null : lines;
}

/** The day Stage 4 ended without resolution (its outcome or its breach): the referral to Stage 5. */
function referredOn(s: DocumentSources): string | null {
  const entry = latestEntry(s, ['4']);
  if (!entry || (entry.kind === 'stage-outcome' && entry.outcome === 'resolved')) return null;
  return entryDay(entry);
}
