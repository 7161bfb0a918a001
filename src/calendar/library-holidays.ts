import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { addHoliday, holidayList, type BankHoliday } from './bank-holiday.js';
import { LIBRARY_REGION, type Division } from './divisions.js';
import { isWeekend, LONDON } from './london-time.js';

// date-holidays carries every country's rules in one large module (about 160 ms to load). It is
// required on first use, not imported, so code that only parses timescales or override files (the
// diagram linter, the API's validation, CLI commands that never count days) does not pay for it.
const require = createRequire(import.meta.url);
let HolidaysClass: typeof Holidays | undefined;

const parsers = new Map<Division, Holidays>();
const byYear = new Map<string, readonly BankHoliday[]>();

/**
 * The division's bank holidays in `year` that fall on a weekday, as date-holidays computes them:
 * only `type === 'public'` entries (GB marks Easter Sunday, Mother's Day and Father's Day as
 * `observance`), substitute days included. Weekend dates are left out, as GOV.UK leaves them out:
 * their substitute weekday is the holiday that matters. Computed once per division and year.
 */
export function libraryHolidays(year: number, division: Division): readonly BankHoliday[] {
  const key = `${division}:${year}`;
  let found = byYear.get(key);
  if (!found) {
    found = Object.freeze(compute(year, division));
    byYear.set(key, found);
  }
  return found;
}

function compute(year: number, division: Division): BankHoliday[] {
  const merged = new Map<string, string>();
  for (const h of parserFor(division).getHolidays(year)) {
    if (h.type !== 'public') continue;
    // `h.date` is the local (London) date and time, "YYYY-MM-DD hh:mm:ss".
    const date = h.date.slice(0, 10);
    if (!isWeekend(date)) addHoliday(merged, date, h.name);
  }
  return holidayList(merged);
}

function parserFor(division: Division): Holidays {
  let parser = parsers.get(division);
  if (!parser) {
    HolidaysClass ??= require('date-holidays') as typeof Holidays;
    parser = new HolidaysClass('GB', LIBRARY_REGION[division], { languages: 'en', timezone: LONDON });
    parsers.set(division, parser);
  }
  return parser;
}
