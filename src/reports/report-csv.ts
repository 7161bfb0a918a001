/**
 * The report as CSV (RFC 4180, written by csv-stringify), one figure a line so a spreadsheet can
 * filter it: `section,key,label,measure,value`. The first lines say what it is (partnership,
 * period, as at, the suppression rule); then every cell of every section of report-sections.ts,
 * with small numbers suppressed ("<5"). A spreadsheet must not read a value as a formula: values
 * are counts, "<5", durations or our own words, and labels come from roles.json and the diagrams;
 * any text starting with = + - @ is still prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { PartnershipReport } from './report-schema.js';
import { cellText, reportSections } from './report-sections.js';
import { periodText } from './period.js';

export const CSV_HEADER = ['section', 'key', 'label', 'measure', 'value'];

export const SUPPRESSION_NOTE =
  'Counts of 1 to 4 are shown as "<5", and medians over 1 to 4 escalations are withheld (small-number suppression).';

/** The CSV text (UTF-8, CRLF line ends). */
export function reportCsv(report: PartnershipReport, generatedAt: Date): string {
  const rows: string[][] = [
    ['report', 'partnership', 'Partnership', 'name', report.partnership.name],
    ['report', 'period', 'Period (escalations raised)', 'from', report.period.from],
    ['report', 'period', 'Period (escalations raised)', 'to (not included)', report.period.to],
    [
      'report',
      'period',
      'Period (escalations raised)',
      'days',
      periodText(report.period.from, report.period.to),
    ],
    ['report', 'as-at', 'Record read as at', 'instant', report.asAt],
    ['report', 'generated', 'Generated', 'instant', generatedAt.toISOString()],
    ['report', 'suppression', 'Small numbers', 'rule', SUPPRESSION_NOTE],
  ];
  for (const section of reportSections(report)) {
    for (const row of section.rows) {
      row.cells.forEach((cell, i) => {
        rows.push([section.id, row.key, row.label, section.columns[i] ?? '', cellText(cell, true)]);
      });
    }
  }
  return stringify([CSV_HEADER, ...rows.map((r) => r.map(safe))], { record_delimiter: 'windows' });
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe ("<5" and numbers are left as they are). */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
