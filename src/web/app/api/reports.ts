/**
 * The partnership report (`GET /reports/partnerships/:id`) and the addresses of its files: the CSV
 * and PDF (small numbers suppressed), one chart as SVG (exact counts, for the Reports page) and
 * Liverpool's Appendix 1 summary log for one agency. The files are plain links: the browser sends
 * the session cookie with a GET, and a GET needs no CSRF token.
 */
import type { PartnershipReport } from '../../../reports/report-schema.js';
import type { ChartId } from '../../../reports/report-charts.js';
import { api, API_BASE, queryString } from './client.js';

export type { PartnershipReport, ChartId };

/** A report's query: the partnership and the period [from, to) as London days (YYYY-MM-DD). */
export interface ReportQuery {
  partnership: string;
  from: string;
  to: string;
}

const base = (q: ReportQuery) => `/reports/partnerships/${encodeURIComponent(q.partnership)}`;

export function getReport(q: ReportQuery, signal?: AbortSignal): Promise<PartnershipReport> {
  return api.get<PartnershipReport>(base(q), { from: q.from, to: q.to }, signal);
}

/** `report.csv` or `report.pdf` of the query. */
export function reportFileHref(q: ReportQuery, format: 'csv' | 'pdf'): string {
  return `${API_BASE}${base(q)}/report.${format}${queryString({ from: q.from, to: q.to })}`;
}

/** One chart of the report as SVG, drawn on the server. */
export function chartHref(q: ReportQuery, chart: ChartId): string {
  return `${API_BASE}${base(q)}/report.svg${queryString({ from: q.from, to: q.to, chart })}`;
}

/** Liverpool's Appendix 1 Agency Escalation Summary Log of one agency. */
export function summaryLogHref(q: ReportQuery, agency: string): string {
  return `${API_BASE}${base(q)}/summary-log.csv${queryString({ from: q.from, to: q.to, agency })}`;
}
