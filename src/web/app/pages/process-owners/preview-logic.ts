/**
 * The deadline preview's pure logic: the raise instant from a London date and time as the owner
 * types them, and each stage's date and how it moved, in words (never a colour or a mark alone).
 */
import type { PreviewRow, PreviewStage } from '../../api/process-owners.js';

const ZONE = 'Europe/London';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `15:00`, `9:30` → minutes after midnight; null when it is not a 24-hour time. */
export function minutesOf(time: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The London wall-clock time of `ms`, read as if it were UTC (for the offset). */
function londonAsUtc(ms: number): number {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

/**
 * The instant (ISO 8601, UTC) of a London date (`YYYY-MM-DD`) and time (minutes after midnight),
 * in GMT or BST as that day has it. In the hour the clocks go back the earlier one is taken.
 */
export function londonInstant(date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  let guess = wanted - (londonAsUtc(wanted) - wanted);
  // A second pass settles a guess that crossed a change of the clocks.
  guess = wanted - (londonAsUtc(guess) - guess);
  return new Date(guess).toISOString();
}

/** The date a stage is held to: its deadline, else its reminder. */
export const heldTo = (s: PreviewStage | null): string | null => s?.due ?? s?.reminder ?? null;

/** How a row's date moved, in words: "1 day later", "3 hours earlier", "No change", … */
export function movement(row: PreviewRow): string {
  if (!row.edited) return 'Not reached under your edit';
  if (!row.deployed) return 'Only reached under your edit';
  const [before, after] = [heldTo(row.deployed), heldTo(row.edited)];
  if (before === after) return 'No change';
  if (before === null) return 'Now has a date';
  if (after === null) return 'No longer has a date';
  const delta = Date.parse(after) - Date.parse(before);
  return `${span(Math.abs(delta))} ${delta > 0 ? 'later' : 'earlier'}`;
}

function span(ms: number): string {
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (ms % DAY === 0) return unit(ms / DAY, 'day');
  if (ms % HOUR === 0) return unit(ms / HOUR, 'hour');
  const days = Math.floor(ms / DAY);
  const rest = ms - days * DAY;
  const text = `${unit(Math.floor(rest / HOUR), 'hour')} ${unit(Math.round((rest % HOUR) / MINUTE), 'minute')}`;
  return days > 0 ? `${unit(days, 'day')} ${text}` : text;
}

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The London date (`YYYY-MM-DD`) of an instant. */
export function londonDate(ms: number): string {
  return isoDay.format(new Date(ms));
}
