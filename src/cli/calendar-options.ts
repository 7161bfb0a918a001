import {
  CalendarError,
  InvalidHolidayFileError,
  parseHolidayFile,
  type HolidayOverrides,
} from '../calendar/index.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * Parses a calendar command's arguments strictly (positionals allowed; `options` must include
 * `help`). Returns the values and positionals, or, when the command is already done, its exit code:
 * after reporting an unknown or malformed option, or after printing `help` for `--help`.
 */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  io: CliIo,
  command: string,
  options: O,
  help: string,
): Parsed<O> | number {
  let args: Parsed<O>;
  try {
    args = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return reportBadInput(io, command, (error as Error).message);
  }
  if ((args.values as { help?: boolean }).help) {
    io.stdout(help);
    return EXIT_OK;
  }
  return args;
}

/**
 * Reads the holidays override file named by `--holidays`, or else by the `HOLIDAYS_FILE`
 * environment variable (the server's setting, so the CLI and the server agree). No file, no overrides.
 * @throws InvalidHolidayFileError when the file cannot be read or is not in GOV.UK's format.
 */
export function loadHolidayOverrides(option: string | undefined, io: CliIo): HolidayOverrides | undefined {
  const path = option ?? (io.env.HOLIDAYS_FILE || undefined);
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InvalidHolidayFileError(`cannot read holidays file ${path}: ${code}`);
  }
  return parseHolidayFile(text, `holidays file ${path}`);
}

/** Writes `escalation <command>: <message>` as one line on stderr and returns the usage exit code. */
export function reportBadInput(io: CliIo, command: string, message: string): number {
  io.stderr(`escalation ${command}: ${message.split('\n')[0]}\n`);
  return EXIT_USAGE;
}

/** Turns a calendar error (bad input) into a one-line report; anything else is rethrown as a fault. */
export function reportCalendarError(io: CliIo, command: string, error: unknown): number {
  if (error instanceof CalendarError) return reportBadInput(io, command, error.message);
  throw error;
}
