/**
 * `javax.xml.datatype.Duration.addTo(Calendar)` on a `java.util.GregorianCalendar` in a zone, which is
 * how Camunda 7 adds a timer duration: field by field from years down. Years and months keep the
 * wall-clock time and pin the day to the month's end (Jan 31 + P1M = Feb 28); days keep the wall-clock
 * time across a DST change; hours, minutes and seconds are absolute. Where a wall-clock time falls in
 * a DST gap or overlap the result is Java's, checked against a real JVM (java-oracle/).
 */
import { DateTime, IANAZone } from 'luxon';
import type { FieldDuration } from './duration.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Adds `d` to the instant `at` (epoch ms) as Java's Duration.addTo(GregorianCalendar) does in `zone`. */
export function addDuration(at: number, d: FieldDuration, zone: string): number {
  const tz = IANAZone.create(zone);
  let t = at;
  if (d.years !== 0) t = addMonths(t, d.years * 12, tz);
  if (d.months !== 0) t = addMonths(t, d.months, tz);
  if (d.days !== 0) t = addDays(t, d.days, tz);
  return t + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 + d.milliseconds;
}

/** Calendar.add(MONTH, n) (and YEAR as 12n): same wall time, day pinned to the target month's length. */
function addMonths(at: number, months: number, tz: IANAZone): number {
  const local = DateTime.fromMillis(at, { zone: tz });
  const index = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(local.day, DateTime.utc(year, month, 1).daysInMonth ?? 28);
  const wall = Date.UTC(year, month - 1, day, local.hour, local.minute, local.second, local.millisecond);
  return fromWallTime(wall, tz);
}

/**
 * Java's GregorianCalendar.computeTime for a wall-clock time: a time in a DST gap or overlap is read in
 * standard time (the offset before a spring-forward; the smaller offset of an overlap).
 */
function fromWallTime(wall: number, tz: IANAZone): number {
  const before = tz.offset(wall - MS_PER_DAY);
  const after = tz.offset(wall + MS_PER_DAY);
  const valid = [before, after].filter((o) => tz.offset(wall - o * MS_PER_MINUTE) === o);
  if (valid.length === 0) return wall - before * MS_PER_MINUTE; // in a gap
  return wall - Math.min(...valid) * MS_PER_MINUTE;
}

/**
 * Calendar.add(DAY_OF_MONTH, n), transcribed from OpenJDK's GregorianCalendar.add: move the local date,
 * keep the time of day with the old offset, then correct by the offset change unless that changes the date.
 */
function addDays(at: number, days: number, tz: IANAZone): number {
  const oldOffset = tz.offset(at) * MS_PER_MINUTE;
  const localMs = at + oldOffset;
  const fixedDate = Math.floor(localMs / MS_PER_DAY) + days;
  const timeOfDay = localMs - Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY;
  const first = fixedDate * MS_PER_DAY + timeOfDay - oldOffset;
  const change = oldOffset - tz.offset(first) * MS_PER_MINUTE;
  if (change === 0) return first;
  const adjusted = first + change;
  const adjustedDate = Math.floor((adjusted + tz.offset(adjusted) * MS_PER_MINUTE) / MS_PER_DAY);
  return adjustedDate === fixedDate ? adjusted : first;
}
