import { DateTime } from 'luxon';
import { z } from 'zod';
import { InvalidInstantError } from './errors/invalid-instant-error.js';

/**
 * An exact instant in ISO 8601: a date, a time to the minute or finer, and Z or an offset. A
 * date-time without a zone is refused rather than read as London time: nothing guesses.
 */
export const isoInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i)
  .refine((text) => DateTime.fromISO(text, { setZone: true }).isValid);

/**
 * Reads a `from` / `raised` input: a valid `Date`, or a string accepted by {@link isoInstantSchema}.
 * @throws InvalidInstantError naming `field` for anything else.
 */
export function parseInstant(input: unknown, field: string): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidInstantError(field, input);
    return new Date(input.getTime());
  }
  const parsed = isoInstantSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInstantError(field, input);
  return DateTime.fromISO(parsed.data, { setZone: true }).toJSDate();
}
