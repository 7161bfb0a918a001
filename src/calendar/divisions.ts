import { z } from 'zod';
import { UnknownDivisionError } from './errors/unknown-division-error.js';

/** The UK's bank-holiday divisions, named as GOV.UK names them in `bank-holidays.json`. */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

/** One of {@link DIVISIONS}. */
export type Division = (typeof DIVISIONS)[number];

/** The division used when a partnership names none (every partnership in the specification is English). */
export const DEFAULT_DIVISION: Division = 'england-and-wales';

/** How people write each division's name, for explanations. */
export const DIVISION_NAMES: Readonly<Record<Division, string>> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** zod schema of a division name (exact, lower case, as GOV.UK writes it). */
export const divisionSchema = z.enum(DIVISIONS);

/**
 * The date-holidays region (a GB "state") whose public holidays are the division's bank holidays.
 * Wales has the same bank holidays as England (proved against GOV.UK in the calendar tests).
 */
export const LIBRARY_REGION: Readonly<Record<Division, 'ENG' | 'SCT' | 'NIR'>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/**
 * Validates a division name; `undefined` means {@link DEFAULT_DIVISION}.
 * @throws UnknownDivisionError naming `field` for anything else.
 */
export function parseDivision(input: unknown, field = 'division'): Division {
  if (input === undefined) return DEFAULT_DIVISION;
  const parsed = divisionSchema.safeParse(input);
  if (!parsed.success) throw new UnknownDivisionError(input, DIVISIONS, field);
  return parsed.data;
}
