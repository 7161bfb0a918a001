/**
 * Liverpool Appendix 1 "Agency Escalation Summary Log": completed at Stage 1 (by the workers, then
 * the line managers) and collated at Stage 2 (by the organisation safeguarding representatives),
 * each time a stage ends or runs out of time. The columns are the appendix's own, in its order. The
 * child's name and date of birth come from the protected store; the age is in whole years on the
 * day the log is generated.
 */
import { defineDocument, type DocumentSources, type FieldValue } from './document.js';
import { currentStage, outcomeLines, OUTCOME_WORDS } from './record-values.js';
import { ageInYears, birthDate, raisingAgency, text } from './values.js';

/** The outcomes in the procedure's words (Stage 1, Stage 2 and its NOTE). */
const LOG_WORDS: Readonly<Record<string, string>> = {
  ...OUTCOME_WORDS,
  unresolved: 'Matters remain unresolved: escalated',
  'significant-harm':
    "Immediate risk of significant harm: escalated to service managers within children's services",
};

/** `liverpool-appendix-1-summary-log`: one row of the log, for the stage the task names. */
export const liverpoolAppendix1SummaryLog = defineDocument({
  form: 'liverpool-appendix-1-summary-log',
  holdsChildDetails: true,
  title: 'Appendix 1: Agency Escalation Summary Log',
  citation:
    'Liverpool Safeguarding Children Board (LSCB), "LSCB Resolution & Escalation Procedure: Resolving ' +
    'Inter-Agency Professional Disagreement" (version 180501), Stage 1, Stage 2 and Appendix 1 "Agency ' +
    'Escalation Summary Log" (for completion by Line Manager - Stage 1 / Line Manager & Safeguarding ' +
    'Representative Stage 2).',
  sections: [
    {
      heading: null,
      fields: [
        { key: 'agencySchool', label: 'Agency / School' },
        { key: 'escalationNumber', label: 'Agency / School & Escalation Number' },
        { key: 'child', label: 'Child Name / DOB / Age' },
        { key: 'concern', label: 'Concern' },
        { key: 'levelOfNeed', label: 'Level of Need' },
        { key: 'disagreement', label: 'Summary of Professional Disagreement' },
        { key: 'actionsUndertaken', label: 'Actions Undertaken Towards Resolution' },
        { key: 'outcome', label: 'Outcome of Resolution' },
      ],
    },
  ],
  build: (s) => {
    const agency = raisingAgency(s);
    const number = text(s, 'agencyEscalationNumber');
    return {
      agencySchool: agency,
      // "allocated to identify the case by the agency or school": shown with whose number it is.
      escalationNumber: number === null ? null : agency === null ? number : `${agency}: ${number}`,
      child: s.subject
        ? `${s.subject.name} / ${birthDate(s.subject.dateOfBirth)} / ${ageInYears(s.subject.dateOfBirth, s.generatedAt)}`
        : null,
      concern: text(s, 'concern'),
      levelOfNeed: text(s, 'levelOfNeed'),
      disagreement: text(s, 'disagreement'),
      actionsUndertaken: text(s, 'actionsUndertaken'),
      outcome: logOutcome(s),
    };
  },
});

/** The outcome of the stage the log is completed for (the task's `stage`), or its breach. */
function logOutcome(s: DocumentSources): FieldValue {
  const stage = currentStage(s);
  if (stage === null) return null;
  return outcomeLines(s, stage, {
    words: LOG_WORDS,
    breached: 'matters remain unresolved and are escalated',
  });
}
