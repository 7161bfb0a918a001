import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { databaseFileFrom } from '../../config.js';
import { backupDatabase } from '../../engine/embedded/store/backup.js';
import { APP_DATABASE_FILE, dataFiles, ENGINE_DATABASE_FILE, KEY_FILE } from '../../store/data-files.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation backup <directory>

Writes a consistent copy of every store in DATA_DIR (default ./data) into <directory>, using SQLite's
online backup, so it is safe while the server is running:
  ${ENGINE_DATABASE_FILE}        the embedded engine (deployments, escalations, timers, history)
  ${APP_DATABASE_FILE}   the record, outbox, documents, children's details, invites and audit log
<directory> must not exist yet; it is created (mode 0700).
The encryption key is never in a backup: it is DATA_KEY, or DATA_DIR/${KEY_FILE}. Keep a copy of it
somewhere else; without it the backup's documents, record payloads and children's details cannot be read.
Restore: stop the server, copy the files into DATA_DIR (removing any -wal/-shm files beside them), put the
key back, start the server. Exit codes: 0 done, 2 bad usage, 1 failure (one line on stderr says why).
`;

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

/** `escalation backup <directory>`: an online backup of every store of DATA_DIR. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'backup', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [target, ...extra] = args.positionals;
  if (!target || extra.length > 0) {
    return reportBadInput(
      io,
      'backup',
      'give exactly one target directory, e.g. escalation backup backups/2026-11-23',
    );
  }
  const files = dataFiles(resolve(databaseFileFrom(io.env), '..'));
  const stores = [files.engine, files.app].filter((f) => existsSync(f));
  const dir = resolve(target);
  if (existsSync(dir)) return failure(io, `${dir} already exists; choose a new directory`);
  if (stores.length === 0)
    return failure(
      io,
      `nothing to back up: no ${ENGINE_DATABASE_FILE} or ${APP_DATABASE_FILE} in ${files.dir}`,
    );
  try {
    // The README's `backups/<date>` works on the first run too.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const store of stores) {
      const copy = join(dir, store === files.engine ? ENGINE_DATABASE_FILE : APP_DATABASE_FILE);
      await backupDatabase(store, copy);
      io.stdout(`Backed up ${store} to ${copy}\n`);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return failure(io, (error as Error).message);
  }
  io.stdout(
    io.env.DATA_KEY?.trim()
      ? 'The encryption key is not in the backup: it is DATA_KEY. Keep a copy of it apart from the backup.\n'
      : `The encryption key is not in the backup: it is ${files.keyFile}. Keep a copy of it apart from the backup.\n`,
  );
  return EXIT_OK;
}

function failure(io: CliIo, message: string): number {
  io.stderr(`escalation backup: ${message}\n`);
  return EXIT_FAILURE;
}
