import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPartnerships, type PartnershipEntry } from '../../../processes/catalogue.js';
import { backfillLessonFacts } from '../../record/lesson-facts.js';
import { partnershipReport } from '../../reports/partnership-report.js';
import { periodQuery, type ReportPeriod } from '../../reports/period.js';
import { reportCsv } from '../../reports/report-csv.js';
import { reportPdf } from '../../reports/report-pdf.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { withAppData, type AppData } from '../app-data.js';
import { EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation report --partnership <id> --from <date> --to <date> [--format json|csv|pdf] [--out <file>]

The partnership report for the escalations raised in [from, to): raised by agency and agency pair,
by disagreement context, stages reached and resolved at, time at each stage, deadlines met and
breached, immediate risk, conferences, withdrawals, lessons learned and the agencies that raised
none (see docs/reports.md). The same figures as GET /api/v1/reports/partnerships/<id>.

  --partnership  the partnership's id, e.g. liverpool
  --from         start of the period (included): a day (YYYY-MM-DD, London) or an RFC 3339 instant
  --to           end of the period (not included), e.g. --from 2026-10-01 --to 2027-01-01 for a quarter
  --format       json (exact counts, the default), csv or pdf (counts of 1 to 4 shown as "<5")
  --out          write to this file (mode 0600) instead of standard output; needed for pdf

Reads DATA_DIR (default ./data) and DATA_KEY (or the key file there); works while the server runs.
Every report is written to the audit log. Exit codes: 0 done, 1 a failure, 2 bad usage.
`;

const OPTIONS = {
  partnership: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string', default: 'json' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['json', 'csv', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface ReportRequest {
  entry: PartnershipEntry;
  format: Format;
  period: ReportPeriod;
  out: string | undefined;
}

/** The request the options make, or what is wrong with them (one line). */
function requestOf(values: Record<string, string | boolean | undefined>): ReportRequest | string {
  const id = values.partnership as string | undefined;
  if (!id) return 'give --partnership <id>, e.g. --partnership liverpool';
  const partnerships = loadPartnerships();
  const entry = partnerships.find((p) => p.settings.id === id);
  if (!entry) return `--partnership: one of ${partnerships.map((p) => p.settings.id).join(', ')}`;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) return '--format: json, csv or pdf';
  const out = values.out as string | undefined;
  if (format === 'pdf' && !out) return 'pdf needs --out <file>';
  const period = periodQuery.safeParse({ from: values.from, to: values.to });
  if (!period.success) {
    const issue = period.error.issues[0]!;
    return `--${issue.path.join('.')}: ${issue.message}`;
  }
  return { entry, format, period: period.data, out };
}

/** `escalation report --partnership <id> --from <date> --to <date>`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'report', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  if (args.positionals.length > 0)
    return reportBadInput(io, 'report', `unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const request = requestOf(args.values);
  if (typeof request === 'string') return reportBadInput(io, 'report', request);
  return withAppData(io, 'report', async (data) => {
    await write(data, io, request);
    return EXIT_OK;
  });
}

/** Computes the report, audits it, and writes it to the file or standard output. */
async function write(data: AppData, io: CliIo, { entry, format, period, out }: ReportRequest): Promise<void> {
  // Lessons entries written before migration 3 get their plain facts (as the server does on start).
  backfillLessonFacts(data.db, data.record);
  const now = new Date();
  const report = await partnershipReport({ db: data.db, partnership: entry, period, now });
  data.audit.append({
    actor: data.actor,
    action: 'report.read',
    target: `partnership:${entry.settings.id}:${format}:${period.from.toISOString()}/${period.to.toISOString()}`,
    escalationId: null,
    outcome: 'ok',
    source: 'cli',
    at: now,
  });
  const body =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'csv'
        ? reportCsv(report, now)
        : await reportPdf(report, now);
  if (!out) {
    io.stdout(body as string);
    return;
  }
  const file = path.resolve(out);
  writeFileSync(file, body, { mode: 0o600 });
  io.stdout(`${file}\n`);
}
