import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { databaseFileFrom, ENGINE_DATABASE_FILE } from '../../config.js';
import { backupDatabase } from '../../engine/embedded/store/backup.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation backup <file>

Writes a consistent copy of the engine database (DATA_DIR/${ENGINE_DATABASE_FILE}, DATA_DIR defaults to ./data)
to <file>, using SQLite's online backup: it is safe while the server is running. <file> must not exist;
its directory is created if missing.
Restore: stop the server, copy <file> to DATA_DIR/${ENGINE_DATABASE_FILE} (removing any -wal/-shm files
beside it), start the server. Exit codes: 0 done, 2 bad usage, 1 failure (one line on stderr says why).
`;

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

/** `escalation backup <file>`: an online backup of the engine's data. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'backup', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [target, ...extra] = args.positionals;
  if (!target || extra.length > 0) {
    return reportBadInput(
      io,
      'backup',
      'give exactly one target file, e.g. escalation backup backups/engine-2026-11-23.sqlite',
    );
  }
  const databaseFile = databaseFileFrom(io.env);
  const file = resolve(target);
  try {
    // The README's `backups/engine-<date>.sqlite` works on the first run too.
    mkdirSync(dirname(file), { recursive: true });
    await backupDatabase(databaseFile, file);
    io.stdout(`Backed up ${databaseFile} to ${file}\n`);
    return EXIT_OK;
  } catch (error) {
    io.stderr(`escalation backup: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
