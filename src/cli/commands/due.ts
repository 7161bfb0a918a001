import { DIVISIONS, dueFor } from '../../calendar/index.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { loadHolidayOverrides, reportCalendarError } from '../calendar-options.js';
import { EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation due "<timescale>" --from <ISO instant> [--raised <ISO instant>]
                      [--division ${DIVISIONS.join('|')}] [--holidays <file>] [--json]

Prints the deadline as an ISO 8601 UTC instant, or with --json { "due", "rule", "explanation" }.
Timescales: N working days, N days, N weeks, N hours, N minutes, Day N, same working day,
each optionally followed by "from raised" (then --raised is required). See docs/timescales.md.
--holidays (or the HOLIDAYS_FILE environment variable) names a GOV.UK-format override file.
Exit codes: 0 done, 2 bad input (one line on stderr says what), 1 unexpected failure.
`;

const OPTIONS = {
  from: { type: 'string' },
  raised: { type: 'string' },
  division: { type: 'string' },
  holidays: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `escalation due "<timescale>" --from <instant> …`: prints a stage's deadline. */
export function run(argv: string[], io: CliIo): number {
  const args = parseCommandArgs(argv, io, 'due', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  // An unquoted timescale arrives as several words; they are the same words, so join them.
  const timescale = positionals.join(' ');
  if (!timescale)
    return reportBadInput(io, 'due', 'missing the timescale, e.g. escalation due "2 working days" …');
  if (values.from === undefined)
    return reportBadInput(io, 'due', 'missing --from <ISO instant>, e.g. --from 2026-12-24T10:00:00Z');
  try {
    const holidays = loadHolidayOverrides(values.holidays, io);
    const result = dueFor(timescale, {
      from: values.from,
      raised: values.raised,
      division: values.division,
      holidays,
    });
    const due = result.due.toISOString();
    const json = { due, rule: result.rule, explanation: result.explanation };
    io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${due}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportCalendarError(io, 'due', error);
  }
}
