/**
 * The partnership report (issue 16) for those with the `reports` permission in that partnership:
 * - `GET /reports/partnerships/:id?from=&to=` the figures as JSON (exact counts);
 * - `…/report.csv` and `…/report.pdf`, the same figures to keep or print, small numbers suppressed;
 * - `…/report.svg?chart=` one chart with exact counts, for the web UI's Reports page;
 * - `…/summary-log.csv?agency=` Liverpool's Appendix 1 Agency Escalation Summary Log for one agency.
 * A member of the partnership without `reports` gets 403; anyone else 404, the same as for a
 * partnership that does not exist. Every request is audited as `report.read` (the summary log as
 * `report.summary-log`), with its outcome. Answers are `Cache-Control: no-store`.
 */
import { z } from 'zod';
import type { Request, Response } from 'express';
import { visibilityFilter } from '../../access/visibility-sql.js';
import { partnershipReport } from '../../reports/partnership-report.js';
import { ReportRunner } from '../../reports/report-runner.js';
import { partnershipReportSchema, type PartnershipReport } from '../../reports/report-schema.js';
import { checkedPeriod, periodFields, periodQuery, type ReportPeriod } from '../../reports/period.js';
import { reportCsv } from '../../reports/report-csv.js';
import { reportPdf } from '../../reports/report-pdf.js';
import { CHARTS, renderChart } from '../../reports/report-charts.js';
import { summaryLogCsv, SUMMARY_LOG_PARTNERSHIPS } from '../../reports/summary-log.js';
import { SummaryLogTooLong } from '../../reports/errors/summary-log-too-long.js';
import { badRequest, forbidden, notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { audit } from '../escalations/visible.js';

const idParam = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,63}$/, 'a partnership id, e.g. liverpool')
    .describe('The partnership'),
});
const DENIED = {
  403: { description: 'You are a member of the partnership without the reports permission' },
  404: { description: 'No such partnership that you are a member of' },
};
const BASE = '/reports/partnerships/:id';

export function registerReports(api: RouteRegistry, deps: ApiDependencies): void {
  const runner = new ReportRunner();
  const readReport = (req: Request, id: string, period: ReportPeriod, format: string) =>
    readReportWith(runner, deps, req, id, period, format);
  api.add({
    method: 'get',
    path: BASE,
    summary: 'The partnership report for a period: escalations, stages, deadlines, lessons (exact counts)',
    tag: 'Reports',
    params: idParam,
    query: periodQuery,
    responses: { 200: { description: 'The report', schema: partnershipReportSchema }, ...DENIED },
    handler: async ({ params, query }, req, res) => {
      const report = await readReport(req, params.id, query, 'json');
      res.setHeader('Cache-Control', 'no-store');
      return report;
    },
  });
  api.add({
    method: 'get',
    path: `${BASE}/report.csv`,
    summary: 'The partnership report as CSV, small numbers suppressed ("<5")',
    tag: 'Reports',
    params: idParam,
    query: periodQuery,
    responses: {
      200: { description: 'The report (section,key,label,measure,value)', mediaType: 'text/csv' },
      ...DENIED,
    },
    handler: async ({ params, query }, req, res) => {
      const report = await readReport(req, params.id, query, 'csv');
      send(res, 'text/csv; charset=utf-8', fileName(report, 'csv'), reportCsv(report, now(deps)));
      return undefined;
    },
  });
  api.add({
    method: 'get',
    path: `${BASE}/report.pdf`,
    summary: 'The partnership report as a printable PDF with charts, small numbers suppressed',
    tag: 'Reports',
    params: idParam,
    query: periodQuery,
    responses: { 200: { description: 'The report', mediaType: 'application/pdf' }, ...DENIED },
    handler: async ({ params, query }, req, res) => {
      const report = await readReport(req, params.id, query, 'pdf');
      send(res, 'application/pdf', fileName(report, 'pdf'), await reportPdf(report, now(deps)));
      return undefined;
    },
  });
  api.add({
    method: 'get',
    path: `${BASE}/report.svg`,
    summary: 'One chart of the partnership report as SVG (exact counts, for the Reports page)',
    tag: 'Reports',
    params: idParam,
    query: checkedPeriod(
      z.object({ ...periodFields, chart: z.enum(CHARTS).describe('Which chart') }).strict(),
    ),
    responses: { 200: { description: 'The chart', mediaType: 'image/svg+xml' }, ...DENIED },
    handler: async ({ params, query }, req, res) => {
      const report = await readReport(req, params.id, query, `svg:${query.chart}`);
      const chart = renderChart(report, query.chart, false);
      send(res, 'image/svg+xml; charset=utf-8', null, chart.svg);
      return undefined;
    },
  });
  registerSummaryLog(api, deps);
}

const now = (deps: ApiDependencies) => new Date(deps.clock.now());

/**
 * The report, after the permission check and with the audit entry: `reports` in that partnership,
 * 403 for its other members, 404 for everyone else and for a partnership that does not exist.
 */
async function readReportWith(
  runner: ReportRunner,
  deps: ApiDependencies,
  req: Request,
  id: string,
  period: ReportPeriod,
  format: string,
): Promise<PartnershipReport> {
  const entry = permitted(deps, req, id, 'report.read', format);
  const { db } = deps.stores;
  // Off the event loop in the report thread; an in-memory database (no file to share) is read here.
  const report = db.memory
    ? await partnershipReport({ db, partnership: entry, period, now: now(deps) })
    : await runner.run({ dbFile: db.name, partnership: id, period, now: now(deps) });
  audit(deps, req, 'report.read', null, 'ok', target(id, format, period));
  return report;
}

function permitted(deps: ApiDependencies, req: Request, id: string, action: string, format: string) {
  const entry = deps.partnerships.get(id);
  const membership = req.principal!.memberships.find((m) => m.partnership === id);
  if (!entry || !membership) {
    audit(deps, req, action, null, 'not-found', `partnership:${id}:${format}`);
    throw notFound('There is no partnership with that id that you are a member of.');
  }
  if (!membership.reports) {
    audit(deps, req, action, null, 'denied', `partnership:${id}:${format}`);
    throw forbidden('Reports of this partnership need the reports permission in it.');
  }
  return entry;
}

const target = (id: string, format: string, p: ReportPeriod) =>
  `partnership:${id}:${format}:${p.from.toISOString()}/${p.to.toISOString()}`;

/** A file named by partnership and period only (never a case reference). */
function fileName(report: PartnershipReport, ext: string): string {
  const day = (iso: string) => iso.slice(0, 10);
  return `${report.partnership.id}-report-${day(report.period.from)}-${day(report.period.to)}.${ext}`;
}

function send(res: Response, type: string, name: string | null, body: string | Buffer): void {
  res.status(200).type(type).setHeader('Cache-Control', 'no-store');
  if (name) res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.end(body);
}

const summaryQuery = checkedPeriod(
  z
    .object({
      ...periodFields,
      agency: z
        .string()
        .regex(/^[a-z][a-z0-9-]{1,63}$/, 'an agency id from roles.json, e.g. school')
        .describe('The agency whose log it is'),
    })
    .strict(),
);

function registerSummaryLog(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: `${BASE}/summary-log.csv`,
    summary:
      'Liverpool Appendix 1: an agency’s Escalation Summary Log (case reference, never the child’s details)',
    tag: 'Reports',
    params: idParam,
    query: summaryQuery,
    responses: {
      200: { description: 'One row per escalation of the agency that you can see', mediaType: 'text/csv' },
      400: { description: 'A bad period or an agency the partnership does not have' },
      ...DENIED,
    },
    handler: async ({ params, query }, req, res) => {
      const entry = permitted(deps, req, params.id, 'report.summary-log', 'summary-log');
      if (!SUMMARY_LOG_PARTNERSHIPS.includes(params.id)) {
        audit(deps, req, 'report.summary-log', null, 'not-found', `partnership:${params.id}:summary-log`);
        throw notFound('Only Liverpool’s procedure has an agency summary log (Appendix 1).');
      }
      const agencies = entry.roles.agencies.map((a) => a.id);
      if (!agencies.includes(query.agency))
        throw badRequest([{ path: 'query.agency', message: `one of ${agencies.join(', ')}` }]);
      let log;
      try {
        log = summaryLogCsv({
          partnership: entry,
          agency: query.agency,
          period: query,
          principal: req.principal!,
          visible: visibilityFilter(req.principal!, deps.roles),
          escalations: deps.stores.escalations,
          record: deps.stores.record,
          forms: deps.forms,
          roles: deps.roles,
          now: now(deps),
        });
      } catch (error) {
        if (error instanceof SummaryLogTooLong)
          throw badRequest([{ path: 'query.from', message: error.message }]);
        throw error;
      }
      const t = `${target(params.id, `summary-log:${query.agency}`, query)}:${log.rows}`;
      audit(deps, req, 'report.summary-log', null, 'ok', t);
      const name = `${params.id}-${query.agency}-summary-log-${query.from.toISOString().slice(0, 10)}.csv`;
      send(res, 'text/csv; charset=utf-8', name, log.csv);
      return undefined;
    },
  });
}
