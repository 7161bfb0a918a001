import { DateTime } from 'luxon';

/**
 * The zone of all wall-clock arithmetic. Every UK division keeps London time, and the issue fixes
 * it, so it is a constant rather than a parameter.
 */
export const LONDON = 'Europe/London';

/** A calendar date as London clocks show it, written `YYYY-MM-DD`. */
export type LocalDate = string;

/** A time of day on a wall clock. */
export interface WallTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const MIDNIGHT: WallTime = { hour: 0, minute: 0, second: 0, millisecond: 0 };

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The instant as London clocks show it. */
export function inLondon(instant: Date): DateTime {
  return DateTime.fromMillis(instant.getTime(), { zone: LONDON });
}

/** The London calendar date of an instant. */
export function londonDateOf(instant: Date): LocalDate {
  return inLondon(instant).toFormat('yyyy-MM-dd');
}

/** The London wall-clock time of an instant. */
export function londonWallTimeOf(instant: Date): WallTime {
  const t = inLondon(instant);
  return { hour: t.hour, minute: t.minute, second: t.second, millisecond: t.millisecond };
}

// Dates are counted on a UTC calendar: a date has no time, so no clock change can bend the count.
function utcDate(date: LocalDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return utcDate(date).plus({ days }).toFormat('yyyy-MM-dd');
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return utcDate(date).weekday;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: LocalDate): boolean {
  return weekdayOf(date) >= 6;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && utcDate(text).isValid;
}

/**
 * The instant at which London clocks show `time` on `date`. Clock changes make two cases
 * explicit (luxon alone resolves them differently depending on how a time is built):
 * - a time that happens twice (the autumn change, e.g. 01:30 on 25 Oct 2026) is the *earlier*
 *   occurrence, because the earlier deadline is the safe one for a child;
 * - a time that never happens (the spring change, e.g. 01:30 on 28 Mar 2027) moves forward by
 *   the gap (to 02:30 BST), as a wall clock set before the change would show it.
 */
export function atLondonTime(date: LocalDate, time: WallTime): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = DateTime.utc(y, m, d, time.hour, time.minute, time.second, time.millisecond).toMillis();
  const before = offsetMs(naive - DAY_MS);
  const candidates = [naive - before, naive - offsetMs(naive + DAY_MS)];
  const matching = candidates.filter((t) => t + offsetMs(t) === naive).sort((a, b) => a - b);
  return new Date(matching[0] ?? naive - before);
}

/** Local midnight at the start of `date`. */
export function startOfLondonDay(date: LocalDate): Date {
  return atLondonTime(date, MIDNIGHT);
}

function offsetMs(instant: number): number {
  return DateTime.fromMillis(instant, { zone: LONDON }).offset * 60_000;
}

/** `Fri 25 Dec 2026`: fixed English names, so records read the same whatever the host's locale or ICU. */
export function formatDay(date: LocalDate): string {
  const t = utcDate(date);
  return `${WEEKDAYS[t.weekday - 1]} ${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** `Wed 30 Dec 2026 at 10:00 GMT` (seconds only when not zero). */
export function formatLondonInstant(instant: Date): string {
  return `${formatDay(londonDateOf(instant))} at ${formatLondonClock(instant)}`;
}

/** `10:00`, or `10:00:30` / `10:00:30.250` when the seconds are not zero. */
export function formatWallTime(time: WallTime): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const hm = `${pad(time.hour)}:${pad(time.minute)}`;
  if (!time.second && !time.millisecond) return hm;
  return `${hm}:${pad(time.second)}${time.millisecond ? `.${pad(time.millisecond, 3)}` : ''}`;
}

/** `10:00 GMT` / `11:00 BST`: the London wall-clock time of an instant with its zone name. */
export function formatLondonClock(instant: Date): string {
  return `${formatWallTime(londonWallTimeOf(instant))} ${zoneName(inLondon(instant).offset)}`;
}

function zoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  if (offsetMinutes === 60) return 'BST';
  // London has used other offsets historically (e.g. double summer time); name them plainly.
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
