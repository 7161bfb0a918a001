/**
 * A deadline's countdown in words: "Expires in 2 days 3 hours", "Expires in 45 minutes",
 * "Expired 2 hours ago". Whole minutes, counted down (a deadline 2 days 3 hours 59 minutes away is
 * "2 days 3 hours"), so the words change once a minute at most; {@link msToNextChange} says when.
 */
import { plural } from '../../format.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 days 3 hours", "5 hours 12 minutes", "45 minutes", "less than a minute". */
export function durationText(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / (DAY / MINUTE));
  const hours = Math.floor((minutes % (DAY / MINUTE)) / 60);
  const mins = minutes % 60;
  if (days > 0) return [plural(days, 'day'), hours ? plural(hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [plural(hours, 'hour'), mins ? plural(mins, 'minute') : ''].filter(Boolean).join(' ');
  return plural(mins, 'minute');
}

/** "Expires in 2 days 3 hours" before `due`, "Expired 10 minutes ago" from it on. */
export function countdownText(due: number, now: number): string {
  return due > now ? `Expires in ${durationText(due - now)}` : `Expired ${durationText(now - due)} ago`;
}

/**
 * Milliseconds until the words next change: just past the next whole minute before `due` (or
 * after it), and never less than a second, so a clock that stands still (a test's) is not polled.
 */
export function msToNextChange(due: number, now: number): number {
  const next = due > now ? ((due - now) % MINUTE) + 1 : MINUTE - ((now - due) % MINUTE);
  return Math.max(1000, next);
}

const LAST_HOUR = HOUR;

/** Where an adjournment is: running, in its last hour, or run out. */
export type Phase = 'running' | 'last-hour' | 'expired';

export function phaseOf(due: number, now: number): Phase {
  return due <= now ? 'expired' : due - now <= LAST_HOUR ? 'last-hour' : 'running';
}

/**
 * What the chair's live region says when adjournments change phase while the page is open
 * (`changed`: each case reference with its new phase); '' when none moved into the last hour or ran out.
 */
export function phaseAnnouncement(changed: { reference: string; phase: Phase }[]): string {
  const sentence = ({ reference, phase }: { reference: string; phase: Phase }) =>
    phase === 'expired'
      ? `The adjournment of ${reference} has run out: refresh the list to see where it is now.`
      : phase === 'last-hour'
        ? `Less than an hour is left of the adjournment of ${reference}.`
        : '';
  return changed.map(sentence).filter(Boolean).join(' ');
}
