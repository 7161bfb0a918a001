/**
 * Every document a diagram may name in an `escalation-form` task's `form` input. A test reads all
 * diagrams and fails on a form missing here.
 */
import type { DocumentDefinition } from './document.js';
import { eastRidingAppendixA } from './east-riding-appendix-a.js';
import { eastRidingMediationReport } from './east-riding-mediation-report.js';
import { liverpoolAppendix1SummaryLog } from './liverpool-appendix-1-summary-log.js';
import { liverpoolAppendix2Report } from './liverpool-appendix-2-report.js';
import { northamptonshirePartnershipReport } from './northamptonshire-partnership-report.js';

const definitions: DocumentDefinition[] = [
  eastRidingAppendixA,
  eastRidingMediationReport,
  liverpoolAppendix1SummaryLog,
  liverpoolAppendix2Report,
  northamptonshirePartnershipReport,
];

/** The documents by their `form` name. */
export const DOCUMENTS: ReadonlyMap<string, DocumentDefinition> = new Map(
  definitions.map((d) => [d.form, d]),
);
