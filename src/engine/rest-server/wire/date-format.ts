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
  return DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ");
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

/** A human description of the format, for error messages. */
export const CAMUNDA_DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
