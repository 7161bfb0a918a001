import type { CliIo } from './io.js';

/**
 * A module under `src/cli/commands/`: `run` gets the arguments after the command's name and
 * returns the exit code (see `EXIT_*` in io.ts). It writes only through `io`.
 */
export interface CliCommand {
  run(argv: string[], io: CliIo): number | Promise<number>;
}

/** One line of the command table: a summary for `escalation help` and a lazy loader. */
export interface CommandEntry {
  summary: string;
  /** Loaded on use, so one command never pays for another's dependencies. */
  load: () => Promise<CliCommand>;
}

/** Command name → entry. */
export type CommandTable = Readonly<Record<string, CommandEntry>>;
