/**
 * Camunda 7's REST date format, `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (Java's SimpleDateFormat), e.g.
 * `2026-11-23T14:00:00.000+0000`. Camunda formats in the server's zone (Operaton runs with
 * `-Duser.timezone=Europe/London`), so we format in the engine's zone too and a summer date reads
 * `…+0100`, exactly as Cockpit shows it.
 */
import { DateTime } from 'luxon';

/** The pattern Camunda accepts: the offset is `+hhmm` (RFC 822); SimpleDateFormat rejects `Z` and `+hh:mm`. */
const CAMUNDA_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})([+-])(\d{2})(\d{2})$/;

/** Formats an instant as Camunda does, in `zone` (an IANA name). */
export function formatCamundaDate(date: Date, zone = 'Europe/London'): string {
  const ms = date.getTime();
  const offset = offsetMinutes(ms, zone);
  if (offset === null) return DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ");
  // Every answer carries dates (a fetched task two), and asking luxon for a zone's offset goes
  // through Intl each time: so the offset comes from a cache and the digits are written here.
  const local = new Date(ms + offset * 60_000);
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}T` +
    `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}.` +
    `${String(local.getUTCMilliseconds()).padStart(3, '0')}${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`
  );
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const HOUR = 3_600_000;
/** Years whose dates take the fast path (four-digit years, zones' modern whole-minute offsets). */
const FAST_FROM = Date.UTC(1900, 0, 2);
const FAST_TO = Date.UTC(9999, 11, 30);
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at `ms` in minutes, from a cache of hours whose offset luxon found the
 * same at both ends (no zone changes its offset twice within an hour); null outside the fast range.
 */
function offsetMinutes(ms: number, zone: string): number | null {
  if (!(ms >= FAST_FROM && ms <= FAST_TO)) return null;
  let hours = offsets.get(zone);
  if (!hours) offsets.set(zone, (hours = new Map()));
  const hour = Math.floor(ms / HOUR);
  const cached = hours.get(hour);
  if (cached !== undefined) return cached;
  const at = (t: number): number => DateTime.fromMillis(t, { zone }).offset;
  const start = at(hour * HOUR);
  if (!Number.isInteger(start)) return null;
  // An hour in which the offset changes (a DST switch) is computed per instant, never cached.
  if (start !== at(hour * HOUR + HOUR - 1)) return at(ms);
  if (hours.size >= 10_000) hours.clear();
  hours.set(hour, start);
  return start;
}

/** Formats a nullable date; null stays null (Camunda serialises absent dates as `null`). */
export function formatNullableDate(date: Date | null | undefined, zone?: string): string | null {
  return date ? formatCamundaDate(date, zone) : null;
}

/**
 * Parses Camunda's date format. Returns null when `text` is not exactly in that format or names an
 * impossible date (we refuse what SimpleDateFormat's lenient mode would roll over, e.g. month 13).
 */
export function parseCamundaDate(text: string): Date | null {
  const m = CAMUNDA_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, sign, oh, om] = m as unknown as string[];
  const offsetMinutes = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  if (Number(oh) > 23 || Number(om) > 59) return null;
  const local = DateTime.fromObject(
    {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s),
      millisecond: Number(ms),
    },
    { zone: 'UTC' },
  );
  if (!local.isValid) return null;
  return new Date(local.toMillis() - offsetMinutes * 60_000);
}
