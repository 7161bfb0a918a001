/**
 * The Reports page's address: `/reports?partnership=liverpool&from=2026-10-01&to=2027-01-01`, the
 * period [from, to) in London days as the API reads them. With no period in the address the page
 * shows the current quarter (on the service's clock), the usual period of a QA&P or MEE group
 * meeting; with no partnership, the first one the user may report on.
 */
import type { ReportQuery } from '../../api/reports.js';
import { queryString } from '../../api/client.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
});

/** The quarter (January, April, July, October) that `now` falls in, in London, as [from, to). */
export function quarterOf(now: number): { from: string; to: string } {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(now)).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const first = Math.floor((Number(parts.month) - 1) / 3) * 3 + 1;
  const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  return { from: day(year, first), to: first === 10 ? day(year + 1, 1) : day(year, first + 3) };
}

/**
 * The query the address asks for: its partnership if the user may report on it (else the first
 * one), its days as given (the API says what is wrong with them), or the current quarter.
 */
export function reportQueryOf(
  query: Record<string, string | undefined>,
  reportable: readonly string[],
  now: number,
): ReportQuery | null {
  const partnership = reportable.includes(query.partnership ?? '') ? query.partnership! : reportable[0];
  if (!partnership) return null;
  const quarter = quarterOf(now);
  const given = DAY.test(query.from ?? '') && DAY.test(query.to ?? '');
  return given
    ? { partnership, from: query.from!, to: query.to! }
    : { partnership, from: quarter.from, to: quarter.to };
}

/** The page's address for a query. */
export function reportsHref(q: ReportQuery): string {
  return `/reports${queryString({ partnership: q.partnership, from: q.from, to: q.to })}`;
}

/** The last day of [from, to) as a date: the day before `to`. */
export function lastDayOf(to: string): string {
  const d = new Date(`${to}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The day after a date (for a last day typed in the form). */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
