/**
 * Each partnership's working-day calendar: its UK division and extra days from its own
 * `holidaysFile` (partnership.json) plus the server's HOLIDAYS_FILE. Read once at start, so a bad
 * file stops the process there rather than failing tasks later.
 */
import { join } from 'node:path';
import {
  mergeHolidayOverrides,
  NO_HOLIDAY_OVERRIDES,
  readHolidayFile,
  type Division,
  type HolidayOverrides,
} from '../../src/calendar/index.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';

export interface PartnershipCalendar {
  division: Division;
  holidays: HolidayOverrides;
}

/** Partnership id → calendar. */
export type Calendars = ReadonlyMap<string, PartnershipCalendar>;

export function partnershipCalendars(
  partnerships: readonly PartnershipEntry[],
  serverHolidays: HolidayOverrides,
  readFile: (path: string) => string,
): Calendars {
  return new Map(
    partnerships.map((p) => {
      const own = p.settings.holidaysFile
        ? readHolidayFile(join(p.dir, p.settings.holidaysFile), readFile)
        : NO_HOLIDAY_OVERRIDES;
      return [
        p.settings.id,
        { division: p.settings.division, holidays: mergeHolidayOverrides(own, serverHolidays) },
      ];
    }),
  );
}
