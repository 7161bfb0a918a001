import { parseCommandArgs, reportBadInput } from '../args.js';
import { withAppData } from '../app-data.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation audit verify

Checks the whole hash-chained audit log: prints the number of entries (exit 0), or names the first
entry that was changed, removed or reordered (exit 1). Reads DATA_DIR (default ./data).
`;

/** `escalation audit verify`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'audit', { help: { type: 'boolean', short: 'h' } } as const, HELP);
  if (typeof args === 'number') return args;
  if (args.positionals.join(' ') !== 'verify') return reportBadInput(io, 'audit', 'give verify');
  return withAppData(io, 'audit', (data) => {
    const status = data.audit.verify();
    if (status.ok) {
      io.stdout(`Audit log verified: ${status.count} entries, the chain is intact.\n`);
      return EXIT_OK;
    }
    io.stderr(`Audit log broken at entry ${status.brokenAt}: ${status.reason}.\n`);
    return EXIT_FAILURE;
  });
}
