/**
 * A report's period, `[from, to)`: from its start, up to but not including its end. Each edge is an
 * RFC 3339 instant, or a day (`2026-10-01`), read as the start of that day in London; so
 * `from=2026-10-01&to=2027-01-01` is October to December, and the next quarter starts where this
 * one ends. The periods before it (for `agenciesWithoutEscalations`) are of equal length: whole
 * calendar months when both edges are the first of a month in London (a quarter's previous periods
 * are the quarters before it), otherwise the same number of milliseconds.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isoInstantSchema, LONDON, londonDateOf } from '../calendar/index.js';

/** How many periods before the report's own its previous-period counts cover: a year of quarters. */
export const PREVIOUS_PERIODS = 4;

/** The longest period a report covers (ten years): beyond it, a typo (`20266-…`) is the likelier cause. */
const MAX_DAYS = 3660;

export interface ReportPeriod {
  from: Date;
  to: Date;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One edge: an RFC 3339 instant, or a day (the start of that day in London). */
export const periodEdge = z
  .union([isoInstantSchema, z.string().regex(DATE, 'a date (YYYY-MM-DD) or an RFC 3339 date-time')])
  .refine((s) => !DATE.test(s) || DateTime.fromISO(s, { zone: LONDON }).isValid, 'a real calendar date')
  .transform((s) =>
    DATE.test(s)
      ? DateTime.fromISO(s, { zone: LONDON }).startOf('day').toJSDate()
      : DateTime.fromISO(s, { setZone: true }).toJSDate(),
  );

/** The fields of every report's query: `from` and `to`, both required. */
export const periodFields = {
  from: periodEdge.describe('Start of the period (included): an RFC 3339 instant, or a day (London)'),
  to: periodEdge.describe(
    'End of the period (not included): an RFC 3339 instant, or a day (its start in London)',
  ),
};

/** `schema` with the period's own rule: `to` after `from`, at most ten years apart (a 400 naming `to`). */
export function checkedPeriod<T extends z.ZodType<{ from: Date; to: Date }>>(schema: T): T {
  return schema.superRefine((q, ctx) => {
    // zod 4 runs this even when an edge already failed (missing, not a date): that issue is enough.
    if (!(q.from instanceof Date) || !(q.to instanceof Date)) return;
    if (q.to.getTime() <= q.from.getTime())
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'after from (the period is [from, to))' });
    else if (q.to.getTime() - q.from.getTime() > MAX_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'within ten years of from' });
  }) as T;
}

/** The query of a report: the period alone. */
export const periodQuery = checkedPeriod(z.object(periodFields).strict());

/** The `n` periods of equal length just before `period`, oldest first. */
export function previousPeriods(period: ReportPeriod, n = PREVIOUS_PERIODS): ReportPeriod[] {
  const months = wholeMonths(period);
  const periods: ReportPeriod[] = [];
  for (let k = n; k >= 1; k -= 1) {
    if (months !== null) {
      const start = DateTime.fromJSDate(period.from, { zone: LONDON });
      periods.push({
        from: start.minus({ months: months * k }).toJSDate(),
        to: start.minus({ months: months * (k - 1) }).toJSDate(),
      });
    } else {
      const length = period.to.getTime() - period.from.getTime();
      periods.push({
        from: new Date(period.from.getTime() - length * k),
        to: new Date(period.from.getTime() - length * (k - 1)),
      });
    }
  }
  return periods;
}

/** The period's length in calendar months when both edges are the first of a month in London, else null. */
function wholeMonths(period: ReportPeriod): number | null {
  const from = DateTime.fromJSDate(period.from, { zone: LONDON });
  const to = DateTime.fromJSDate(period.to, { zone: LONDON });
  const startOfMonth = (d: DateTime) => d.equals(d.startOf('month'));
  if (!startOfMonth(from) || !startOfMonth(to)) return null;
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** A period as people read it, by its London days, the last one included: "2026-10-01 to 2026-12-31". */
export function periodText(from: Date | string, to: Date | string): string {
  const start = new Date(from);
  const end = new Date(new Date(to).getTime() - 1);
  return `${londonDateOf(start)} to ${londonDateOf(end)}`;
}
