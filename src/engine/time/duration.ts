/**
 * ISO 8601 durations as Camunda 7 reads them: the XML Schema `xs:duration` lexical form
 * (`PnYnMnDTnHnMnS`, a fraction only on seconds) through `DatatypeFactory.newDuration`, plus Camunda's
 * own `P<n>W` (DurationHelper.parsePnWDuration: n weeks as milliseconds, split into calendar fields
 * counted from 1970-01-01T00:00Z, so `P5W` becomes `P1M4D`). Negative durations are refused.
 */
import { DateTime } from 'luxon';

/** The fields `javax.xml.datatype.Duration.addTo(Calendar)` applies, in that order. */
export interface FieldDuration {
  years: number;
  months: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

/** Java's parser also takes `PT1.S` and `PT.5S` (checked on the JVM), so the seconds' digits are loose. */
const XS_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d*)(?:\.(\d*))?S)?)?$/;
const WEEKS = /^P(\d+)W$/;
const MS_PER_WEEK = 7 * 24 * 60 * 60 * 1000;
/** Java reads each field as an int. */
const MAX_FIELD = 2 ** 31 - 1;

/** Parses a duration; returns the reason as a string when it is not one Camunda 7 accepts. */
export function parseDuration(text: string): FieldDuration | string {
  if (text.startsWith('-')) return 'negative durations are not allowed';
  const weeks = WEEKS.exec(text);
  if (weeks) return weeksDuration(Number(weeks[1]));
  if (/W/.test(text)) return 'weeks are accepted only alone (P<n>W), as in Camunda 7; use days, e.g. P9D';
  const match = XS_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T') || /T\.?S$|[^\d]\.?S$/.test(text)) {
    return 'not an ISO 8601 duration PnYnMnDTnHnMnS (a fraction is allowed on seconds only)';
  }
  const [, y, mo, d, h, mi, s, fraction] = match;
  const fields = [y, mo, d, h, mi, s].map((v) => (v === undefined || v === '' ? 0 : Number(v)));
  if (fields.some((v) => v > MAX_FIELD)) return `a field is larger than ${MAX_FIELD}`;
  const [years = 0, months = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = fields;
  // Java keeps whole milliseconds of the fraction, truncating the rest (BigDecimal.intValue()).
  const milliseconds = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  return { years, months, days, hours, minutes, seconds, milliseconds };
}

function weeksDuration(weeks: number): FieldDuration | string {
  const ms = weeks * MS_PER_WEEK;
  if (!Number.isSafeInteger(ms) || weeks > 52 * 10_000) return 'too many weeks';
  // DatatypeFactory.newDuration(long): the fields of the instant `ms` after the epoch, in GMT.
  const t = DateTime.fromMillis(ms, { zone: 'UTC' });
  return {
    years: t.year - 1970,
    months: t.month - 1,
    days: t.day - 1,
    hours: t.hour,
    minutes: t.minute,
    seconds: t.second,
    milliseconds: t.millisecond,
  };
}

/** True when the duration has no calendar fields, so adding it is plain millisecond arithmetic. */
export function isAbsolute(d: FieldDuration): boolean {
  return d.years === 0 && d.months === 0 && d.days === 0;
}

/** Milliseconds of the time fields (hours, minutes, seconds, milliseconds). */
export function timeFieldsMillis(d: FieldDuration): number {
  return ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 + d.milliseconds;
}
