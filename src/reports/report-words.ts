/**
 * The report's words: disagreement contexts, lesson categories, and where each partnership's
 * procedure sends lessons learned, with the paragraph that says so.
 */
import type { LessonCategory } from '../record/lesson-facts.js';

/** Disagreement contexts (the themes), as a business office names them. */
export const CONTEXT_LABELS: Readonly<Record<string, string>> = {
  general: 'Other professional disagreements',
  'referral-enquiry': 'A referral or an enquiry',
  'conference-request': 'A request for a child protection conference',
  'conference-decision': 'A child protection conference’s decision',
  'cp-plan': 'A child protection plan',
};

/**
 * The conference contexts: whether a child should be the subject of a conference, and differences
 * arising at one (East Riding §5 "Differences of opinion regarding Child Protection Conferences";
 * Wiltshire §2.7, the Conference and Reviewing Service's examples; Wiltshire "Please note").
 */
export const CONFERENCE_CONTEXTS = ['conference-request', 'conference-decision'] as const;

/** East Riding §6's four examples, in its words. */
export const LESSON_LABELS: Readonly<Record<LessonCategory, string>> = {
  training: 'Training needs',
  commissioning: 'Commissioning needs',
  'agency-guidance': 'New agency practice guidance',
  'partnership-guidance': 'New partnership practice guidance',
};

/** Where lessons go. */
export interface LessonRoute {
  route: string;
  label: string;
  citation: string;
}

const KEPT: LessonRoute = {
  route: 'record',
  label: 'Kept in the record',
  citation: 'The procedure names no one to receive lessons learned',
};

/**
 * The route of a lessons entry of `partnership`, given East Riding's multi-agency answer (null
 * where the procedure does not ask it).
 */
export function lessonRoute(partnership: string, multiAgency: boolean | null): LessonRoute {
  switch (partnership) {
    case 'east-riding':
      return multiAgency
        ? {
            route: 'erscp-service-manager',
            label: 'Forwarded to the ERSCP Service Manager for multi-agency learning',
            citation: 'ERSCP, Resolving Inter-Agency Disagreements, §6 Learning lessons',
          }
        : {
            route: 'agency',
            label: 'Kept by the agencies (single-agency learning)',
            citation: 'ERSCP, Resolving Inter-Agency Disagreements, §6 Learning lessons',
          };
    case 'liverpool':
      return {
        route: 'lscb-team',
        label: 'Reported to the LSCB Team in the Report to LSCB',
        citation: 'LSCB Resolution & Escalation Procedure (version 180501), Appendix 2',
      };
    case 'northamptonshire':
      return {
        route: 'partnership',
        label: 'Recorded and brought forward to the Partnership',
        citation: 'NSCP Professional Disagreements (Tea-break guide), Stage 4 and Stage 5',
      };
    default:
      return KEPT;
  }
}
