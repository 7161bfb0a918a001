import { DIVISIONS, holidaysIn } from '../../calendar/index.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { loadHolidayOverrides, reportCalendarError } from '../calendar-options.js';
import { EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation holidays <year> [--division ${DIVISIONS.join('|')}] [--holidays <file>]

Lists the year's bank holidays that fall on weekdays, one per line: the ISO date, two spaces, the name.
--holidays (or the HOLIDAYS_FILE environment variable) adds the days of a GOV.UK-format override file.
Exit codes: 0 done, 2 bad input (one line on stderr says what), 1 unexpected failure.
`;

const OPTIONS = {
  division: { type: 'string' },
  holidays: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `escalation holidays <year> [--division …]`: lists a year's weekday bank holidays. */
export function run(argv: string[], io: CliIo): number {
  const args = parseCommandArgs(argv, io, 'holidays', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const [yearText, ...extra] = positionals;
  if (yearText === undefined)
    return reportBadInput(io, 'holidays', 'missing the year, e.g. escalation holidays 2026');
  if (extra.length > 0)
    return reportBadInput(io, 'holidays', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (!/^\d{4}$/.test(yearText)) {
    return reportBadInput(
      io,
      'holidays',
      `year ${JSON.stringify(yearText)} is not valid: expected four digits, e.g. 2026`,
    );
  }
  try {
    const overrides = loadHolidayOverrides(values.holidays, io);
    const list = holidaysIn(Number(yearText), values.division, overrides);
    io.stdout(list.map((h) => `${h.date}  ${h.name}\n`).join(''));
    return EXIT_OK;
  } catch (error) {
    return reportCalendarError(io, 'holidays', error);
  }
}
