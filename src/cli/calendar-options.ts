import { CalendarError, readHolidayFile, type HolidayOverrides } from '../calendar/index.js';
import { reportBadInput } from './args.js';
import type { CliIo } from './io.js';

/**
 * Reads the holidays override file named by `--holidays`, or else by the `HOLIDAYS_FILE`
 * environment variable (the server's setting, so the CLI and the server agree). No file, no overrides.
 * @throws InvalidHolidayFileError when the file cannot be read or is not in GOV.UK's format.
 */
export function loadHolidayOverrides(option: string | undefined, io: CliIo): HolidayOverrides | undefined {
  const path = option ?? (io.env.HOLIDAYS_FILE || undefined);
  if (path === undefined) return undefined;
  return readHolidayFile(path, io.readFile);
}

/** Turns a calendar error (bad input) into a one-line report; anything else is rethrown as a fault. */
export function reportCalendarError(io: CliIo, command: string, error: unknown): number {
  if (error instanceof CalendarError) return reportBadInput(io, command, error.message);
  throw error;
}
