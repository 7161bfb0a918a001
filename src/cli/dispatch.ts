import type { CommandTable } from './command.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

/**
 * Runs `escalation <command> …`: finds the command in `table`, loads it and returns its exit code.
 * No command prints the list (exit 2); `help`, `--help` or `-h` prints it (exit 0); an unknown
 * command is a one-line error (exit 2); an unexpected exception is a one-line error (exit 1).
 */
export async function dispatch(argv: readonly string[], io: CliIo, table: CommandTable): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage(table));
    return EXIT_USAGE;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage(table));
    return EXIT_OK;
  }
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!entry) {
    io.stderr(
      `escalation: unknown command ${JSON.stringify(name)}; commands: ${Object.keys(table).join(', ')}\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    // Commands report bad input themselves; anything reaching here is a fault, said in one line.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`escalation ${name}: unexpected error: ${message.split('\n')[0]}\n`);
    return EXIT_FAILURE;
  }
}

function usage(table: CommandTable): string {
  const width = Math.max(...Object.keys(table).map((n) => n.length));
  const lines = Object.entries(table).map(([n, e]) => `  ${n.padEnd(width)}  ${e.summary}`);
  return `Usage: escalation <command> [options]   (escalation <command> --help for its options)\n\nCommands:\n${lines.join('\n')}\n`;
}
