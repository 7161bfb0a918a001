/**
 * East Riding Stage Five: the chair of the ERSCP chaired mediation meeting "will then report on
 * issues arising from this process to the ERSCP Management, Evaluation and Effectiveness Group".
 * The procedure prints no form for it, so the labels are the procedure's own words for the meeting:
 * who chaired it (a Partnership Member from an uninvolved agency), who met (the most senior managers
 * with operational responsibility for the case), the issues at hand, the decision as finalised and
 * the issues arising. Filled from the Stage 5 form (east-riding-stage-5) and the record; it names
 * no child, only the case reference.
 */
import { defineDocument } from './document.js';
import { outcomeLines, OUTCOME_WORDS, stageOutcomes, stageValue } from './record-values.js';
import {
  agenciesInvolved,
  agencyName,
  dateOf,
  disagreementLines,
  rolesAndAgenciesOf,
  textOf,
} from './values.js';

const STAGE5_WORDS: Readonly<Record<string, string>> = {
  ...OUTCOME_WORDS,
  resolved: 'Resolved at the ERSCP chaired meeting',
  unresolved: 'Not resolved at the ERSCP chaired meeting',
};

/** `east-riding-mediation-report`: the Stage Five chair's report, from the record and the Stage 5 form. */
export const eastRidingMediationReport = defineDocument({
  form: 'east-riding-mediation-report',
  holdsChildDetails: false,
  title: 'Stage Five: report to the ERSCP Management, Evaluation and Effectiveness Group',
  citation:
    'East Riding Safeguarding Children Partnership (ERSCP), "Resolving Inter-Agency Disagreements: guidance ' +
    'and protocol, including escalation, for use by staff from all agencies" (May 2014, reviewed Feb 2018), ' +
    '§4 Stage Five "resolution through mediation using an ERSCP chaired meeting": "The chair of this meeting ' +
    'will then report on issues arising from this process to the ERSCP Management, Evaluation and ' +
    'Effectiveness Group."',
  sections: [
    {
      heading: 'The ERSCP chaired meeting',
      fields: [
        { key: 'meetingDate', label: 'Date of the meeting' },
        {
          key: 'chairAgency',
          label: 'Agency of the Partnership Member who chaired the meeting (an uninvolved agency)',
        },
        {
          key: 'seniorManagers',
          label: 'The most senior managers with operational responsibility for the case: Role and Agency',
        },
        { key: 'agenciesInvolved', label: 'The agencies directly involved in the case' },
      ],
    },
    {
      heading: 'The issues at hand',
      fields: [
        { key: 'disagreement', label: 'What the disagreement is about' },
        { key: 'earlierStages', label: 'Dates and Outcomes of Stages 1 to 4' },
      ],
    },
    {
      heading: 'Outcome',
      fields: [
        { key: 'outcome', label: 'Outcome of the meeting' },
        { key: 'decision', label: 'The decision as finalised' },
      ],
    },
    {
      heading: 'Issues arising',
      fields: [{ key: 'issuesArising', label: 'Issues arising from this process' }],
    },
  ],
  build: (s) => {
    const stage5 = (name: string) => stageValue(s, '5', name);
    const chair = textOf(stage5('mediatingAgency'));
    return {
      meetingDate: dateOf(stage5('discussionDate')),
      chairAgency: chair === null ? null : agencyName(s.partnership, chair),
      seniorManagers: rolesAndAgenciesOf(s.partnership, stage5('otherProfessionals')),
      agenciesInvolved: agenciesInvolved(s, stage5('agenciesInvolved')),
      disagreement: disagreementLines(s),
      earlierStages: stageOutcomes(s, ['1', '2', '3', '4']),
      outcome: outcomeLines(s, '5', { words: STAGE5_WORDS }),
      decision: textOf(stage5('decisionDetails')),
      issuesArising: textOf(stage5('issuesArising')),
    };
  },
});
