/**
 * `escalation retention run [--dry-run]`: erases the personal data of every escalation whose history
 * time to live has ended, now, as the product's daily sweep does (src/retention). It works beside a
 * running `npm start`: the application database in WAL mode, and the embedded engine's database read
 * only (never its lock) for each instance's removal time; with ENGINE_URL it asks that engine instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { withAppData, type AppData } from '../app-data.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';
import { dataFiles } from '../../store/data-files.js';
import { createCamundaRestEngine } from '../../engine/camunda-rest/index.js';
import { fatesFromEngineFile, fatesThroughPort, type InstanceFates } from '../../retention/instance-fate.js';
import { runRetention, type RetentionOutcome, type RetentionReport } from '../../retention/retention.js';
import { loadPartnerships } from '../../../processes/catalogue.js';

const HELP = `Usage: escalation retention run [--dry-run]

Erases what is personal about every escalation whose history time to live has ended (partnership.json
historyTimeToLive days, counted from its end as Camunda's removal time): the child's details (once no
other escalation about the same case reference needs them), its documents, its messages and invites,
and its record entries' details. The record keeps every entry and a new erasure entry naming what went,
so \`escalation records verify\` still passes. Every erasure is audited. --dry-run lists what would go.
The server does the same once a day; this runs it now. Reads DATA_DIR (default ./data) and DATA_KEY
(or the key file there); asks ENGINE_URL when set, else DATA_DIR's embedded engine (read only).
Exit codes: 0 done, 1 a failure (the engine could not be asked: nothing was erased), 2 bad usage.
`;

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'retention', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [action, ...extra] = args.positionals;
  if (action !== 'run' || extra.length > 0) return reportBadInput(io, 'retention', 'give run');
  const fates = instanceFates(io);
  if (typeof fates === 'string') return reportBadInput(io, 'retention', fates);
  try {
    return await withAppData(io, 'retention', async (data) => {
      try {
        return print(io, await retain(data, fates, io, args.values['dry-run']), args.values['dry-run']);
      } catch (error) {
        io.stderr(`escalation retention: the engine could not be asked, nothing was erased: ${(error as Error).message.split('\n')[0]}\n`); // prettier-ignore
        return EXIT_FAILURE;
      }
    });
  } finally {
    fates.close?.();
  }
}

/** ENGINE_URL's engine, or DATA_DIR's embedded engine read only; a string says what is missing. */
function instanceFates(io: CliIo): InstanceFates | string {
  const url = io.env.ENGINE_URL?.trim();
  if (url) {
    const [user, password] = [io.env.ENGINE_REST_USER, io.env.ENGINE_REST_PASSWORD];
    const auth = user && password ? { user, password } : null;
    return fatesThroughPort(createCamundaRestEngine({ baseUrl: url.replace(/\/+$/, ''), auth }));
  }
  const engineFile = dataFiles(path.resolve(io.env.DATA_DIR?.trim() || './data')).engine;
  if (!existsSync(engineFile)) return `no engine database in DATA_DIR (${engineFile}); set ENGINE_URL for a Camunda 7 / Operaton engine`; // prettier-ignore
  return fatesFromEngineFile(engineFile);
}

function retain(data: AppData, fates: InstanceFates, io: CliIo, dryRun: boolean): Promise<RetentionReport> {
  return runRetention({
    db: data.db,
    record: data.record,
    audit: data.audit,
    fates,
    timeToLive: new Map(loadPartnerships().map((p) => [p.settings.id, p.settings.historyTimeToLive])),
    zone: io.env.ENGINE_TIMEZONE?.trim() || 'Europe/London',
    now: new Date(),
    dryRun,
    actor: data.actor,
    source: 'cli',
  });
}

function print(io: CliIo, report: RetentionReport, dryRun: boolean): number {
  const verb = dryRun ? 'would erase' : 'erased';
  io.stdout(
    `Retention${dryRun ? ' (dry run: nothing erased)' : ''}: ${verb} ${report.erased.length} escalation(s); ` +
      `${report.notYetDue.length} ended but not yet due.\n`,
  );
  for (const outcome of report.erased) io.stdout(`  ${line(outcome, verb)}\n`);
  for (const waiting of report.notYetDue)
    io.stdout(`  not yet: ${waiting.escalationId} (${waiting.reason})\n`);
  return EXIT_OK;
}

function line({ escalationId, partnership, decision, erased }: RetentionOutcome, verb: string): string {
  const subject = { erased: "the child's details", kept: "not the child's details (another escalation needs them)", none: "no child's details stored" }[erased.subject]; // prettier-ignore
  return (
    `${verb} ${escalationId} (${partnership}; time to live ended ${decision.removalTime.toISOString()}, ${decision.basis}): ` +
    `${erased.erasedPayloads.length} record details, ${erased.documents} document(s), ${erased.messages} message(s), ` +
    `${erased.invites} invite(s), ${subject}`
  );
}
