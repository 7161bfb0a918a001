/**
 * East Riding Appendix A "Stage 4 Monitoring Information": returned to the ERSCP Team when a
 * disagreement reaches Stage Four (after every Stage 4 outcome, and when Stage 4 runs out of time).
 * The headings and fields are the appendix's own, in its order. The child's name, date of birth,
 * address and (when the agency gave them) the parents' names come from the protected store.
 */
import { defineDocument, type DocumentSources, type FieldValue } from './document.js';
import { outcomeLines, OUTCOME_WORDS, stageOutcomes, stageValue } from './record-values.js';
import {
  agenciesInvolved,
  birthDate,
  dateField,
  dateOf,
  disagreementLines,
  raisingAgency,
  raisingRoleTitle,
  rolesAndAgenciesOf,
  text,
} from './values.js';

/** Stage 4's outcomes in the words of §4 Stage Four and Stage Five. */
const STAGE4_WORDS: Readonly<Record<string, string>> = {
  ...OUTCOME_WORDS,
  resolved: 'Resolved at Stage 4',
  'next-level':
    'Not resolved: the dispute is progressed through senior management up to Head of Service or Director level',
  unresolved: 'Not resolved: Stage Five, resolution through mediation using an ERSCP chaired meeting',
};

/** `east-riding-appendix-a`: Appendix A, from the raise, the protected store, the record and the Stage 4 form. */
export const eastRidingAppendixA = defineDocument({
  form: 'east-riding-appendix-a',
  holdsChildDetails: true,
  title: 'Appendix A: Stage 4 Monitoring Information',
  citation:
    'East Riding Safeguarding Children Partnership (ERSCP), "Resolving Inter-Agency Disagreements: guidance ' +
    'and protocol, including escalation, for use by staff from all agencies" (May 2014, reviewed Feb 2018), ' +
    '§4 Stage Four and Appendix A "Stage 4 Monitoring Information": "The ERSCP should be informed if a case ' +
    'reaches Stage Four by returning this completed form".',
  sections: [
    {
      heading: null,
      fields: [
        { key: 'dateOfReferral', label: 'Date of Referral' },
        { key: 'nameOfReferrer', label: 'Name of Referrer' },
        { key: 'jobTitle', label: 'Job Title' },
        { key: 'agency', label: 'Agency' },
        { key: 'addressOrEmail', label: 'Address/Email Address' },
      ],
    },
    {
      heading: 'Family Details – First Name, Surname and DOB',
      fields: [
        { key: 'parents', label: 'Parents' },
        { key: 'children', label: 'Children' },
      ],
    },
    {
      heading: null,
      fields: [
        { key: 'familyAddress', label: 'Family Address' },
        { key: 'agenciesInvolved', label: 'Agencies involved – in the dispute or in the case generally' },
        { key: 'natureOfDisagreement', label: 'Issues of Concern/Nature of Disagreement' },
        { key: 'stages1To3', label: 'Dates and Outcomes of Stages 1, 2 and 3' },
        { key: 'stage4MeetingDate', label: 'Date of Stage 4 Meeting/Discussion' },
        { key: 'seniorOfficers', label: 'Names of Senior Officers involved at Stage 4 and their Agency' },
        { key: 'outcome', label: 'Outcome' },
      ],
    },
  ],
  build: (s) => ({
    // The day the disagreement was raised: the referrer is the professional who raised it.
    dateOfReferral: dateField(s, 'raisedAt'),
    nameOfReferrer: text(s, 'raisedByName'),
    jobTitle: raisingRoleTitle(s),
    agency: raisingAgency(s),
    addressOrEmail: text(s, 'raisedByEmail'),
    parents: s.subject?.parents ?? null,
    children: s.subject ? `${s.subject.name}, DOB ${birthDate(s.subject.dateOfBirth)}` : null,
    familyAddress: s.subject?.address ?? null,
    agenciesInvolved: agenciesInvolved(s, stageValue(s, '4', 'agenciesInvolved')),
    natureOfDisagreement: disagreementLines(s),
    stages1To3: stageOutcomes(s, ['1', '2', '3']),
    stage4MeetingDate: dateOf(stageValue(s, '4', 'stage4MeetingDate')),
    seniorOfficers: rolesAndAgenciesOf(s.partnership, stageValue(s, '4', 'seniorOfficers')),
    outcome: stage4Outcome(s),
  }),
});

/** The Stage 4 outcome, or, when its latest entry is a breach, that it ran out of time. */
function stage4Outcome(s: DocumentSources): FieldValue {
  return outcomeLines(s, '4', {
    words: STAGE4_WORDS,
    breached: 'Stage Five, resolution through mediation using an ERSCP chaired meeting, begins',
  });
}
