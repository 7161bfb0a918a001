import { parseCommandArgs, reportBadInput } from '../args.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { loadPartnerships } from '../../../processes/catalogue.js';
import { exampleDirectory } from '../../../workers/notify/example-directory.js';

const HELP = `Usage: escalation directory example > directory.json

Prints a directory file covering every partnership's contact groups, with made-up example.org
addresses: a starting point for DIRECTORY_FILE. Replace each address with the real mailbox; add an
entry per organisation (a named school, trust or service) where one differs from its agency's.
`;

/** `escalation directory example`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(
    argv,
    io,
    'directory',
    { help: { type: 'boolean', short: 'h' } } as const,
    HELP,
  );
  if (typeof args === 'number') return args;
  if (args.positionals.join(' ') !== 'example') return reportBadInput(io, 'directory', 'give example');
  io.stdout(`${JSON.stringify(exampleDirectory(loadPartnerships()), null, 2)}\n`);
  return EXIT_OK;
}
