import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * Parses a command's arguments strictly (positionals allowed; `options` must include `help`).
 * Returns the values and positionals, or, when the command is already done, its exit code:
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

/** Writes `escalation <command>: <message>` as one line on stderr and returns the usage exit code. */
export function reportBadInput(io: CliIo, command: string, message: string): number {
  io.stderr(`escalation ${command}: ${message.split('\n')[0]}\n`);
  return EXIT_USAGE;
}
