import { parseCommandArgs, reportBadInput } from '../args.js';
import { withAppData, type AppData } from '../app-data.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';
import type { RecordEntry } from '../../record/record-store.js';

const HELP = `Usage: escalation records verify
       escalation records export --escalation <id> [--format json|csv]

verify   checks the whole hash-chained record: prints the number of entries (exit 0), or names the
         first entry that was changed, removed or reordered (exit 1).
export   prints one escalation's record entries (with their payloads) as JSON or CSV; audited.
Reads DATA_DIR (default ./data) and DATA_KEY (or the key file there); works while the server runs.
Exit codes: 0 done, 1 the chain is broken or a failure, 2 bad usage.
`;

const OPTIONS = {
  escalation: { type: 'string' },
  format: { type: 'string', default: 'json' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `escalation records verify|export`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'records', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [action, ...extra] = args.positionals;
  if (extra.length > 0)
    return reportBadInput(io, 'records', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (action !== 'verify' && action !== 'export')
    return reportBadInput(io, 'records', 'give verify or export');
  if (action === 'export' && !args.values.escalation)
    return reportBadInput(io, 'records', 'export needs --escalation <id>');
  if (!['json', 'csv'].includes(args.values.format))
    return reportBadInput(io, 'records', '--format is json or csv');
  return withAppData(io, 'records', (data) => {
    if (action === 'verify') return verify(data, io);
    return exportEntries(data, io, args.values.escalation!, args.values.format as 'json' | 'csv');
  });
}

function verify(data: AppData, io: CliIo): number {
  const status = data.record.verify();
  if (status.ok) {
    io.stdout(`Record verified: ${status.count} entries, the chain is intact.\n`);
    return EXIT_OK;
  }
  io.stderr(`Record broken at entry ${status.brokenAt}: ${status.reason}.\n`);
  return EXIT_FAILURE;
}

function exportEntries(data: AppData, io: CliIo, escalationId: string, format: 'json' | 'csv'): number {
  const entries = data.record.forEscalation(escalationId);
  data.audit.append({
    actor: data.actor,
    action: 'record.export',
    target: `escalation:${escalationId}`,
    escalationId,
    outcome: entries.length > 0 ? 'ok' : 'not-found',
    source: 'cli',
    at: new Date(),
  });
  io.stdout(format === 'json' ? `${JSON.stringify(entries, null, 2)}\n` : toCsv(entries));
  return EXIT_OK;
}

const COLUMNS: (keyof RecordEntry)[] = [
  'seq',
  'recordedAt',
  'escalationId',
  'caseReference',
  'partnership',
  'stage',
  'elementId',
  'kind',
  'actorRole',
  'actorAgency',
  'outcome',
  'correctsSeq',
  'payload',
  'payloadErased',
  'prevHash',
  'hash',
];

/** RFC 4180: every field quoted, quotes doubled; the payload as JSON text. */
function toCsv(entries: RecordEntry[]): string {
  const cell = (v: unknown) =>
    `"${(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/"/g, '""')}"`;
  return (
    [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n') + '\r\n'
  );
}
