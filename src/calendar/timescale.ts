import { InvalidTimescaleError } from './errors/invalid-timescale-error.js';

/** The kinds of timescale that carry a number N. */
export type CountedKind = 'working-days' | 'days' | 'weeks' | 'hours' | 'minutes' | 'day-n';

/**
 * A parsed timescale. `fromRaised` means it counts from the escalation's raise time instead of the
 * current stage's start (`Day N` always counts from the raise date, with or without it).
 */
export type Timescale =
  | { readonly kind: CountedKind; readonly count: number; readonly fromRaised: boolean }
  | { readonly kind: 'same-working-day'; readonly fromRaised: boolean };

/** The accepted forms, as the error message and the docs list them. */
export const ACCEPTED_FORMS: readonly string[] = [
  'N working days',
  'N days',
  'N weeks',
  'N hours',
  'N minutes',
  'Day N',
  'same working day',
];

/** N is written in digits and lies in this range (9999 working days is about 38 years). */
export const MAX_COUNT = 9999;

const PATTERNS: ReadonlyArray<readonly [RegExp, CountedKind]> = [
  [/^(\d+) working days?$/, 'working-days'],
  [/^(\d+) days?$/, 'days'],
  [/^(\d+) weeks?$/, 'weeks'],
  [/^(\d+) hours?$/, 'hours'],
  [/^(\d+) minutes?$/, 'minutes'],
  [/^day (\d+)$/, 'day-n'],
];

const FROM_RAISED = ' from raised';

/**
 * Parses a timescale written in the partnership's words, e.g. `2 working days`, `72 hours`,
 * `Day 9`, `same working day`, `5 days from raised`. Case and runs of spaces do not matter;
 * numbers are digits; singular and plural are both accepted. Use it to validate a diagram's
 * `timescale` property at deploy or lint time.
 * @throws InvalidTimescaleError quoting the input and listing the accepted forms; nothing guesses.
 */
export function parseTimescale(text: string): Timescale {
  if (typeof text !== 'string') throw unrecognised(String(text));
  const normal = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const fromRaised = normal.endsWith(FROM_RAISED);
  const body = fromRaised ? normal.slice(0, -FROM_RAISED.length) : normal;
  if (body === 'same working day') return { kind: 'same-working-day', fromRaised };
  for (const [pattern, kind] of PATTERNS) {
    const match = pattern.exec(body);
    if (!match) continue;
    const count = Number(match[1]);
    if (count < 1 || count > MAX_COUNT) {
      throw new InvalidTimescaleError(
        `timescale ${JSON.stringify(text)}: N must be a whole number from 1 to ${MAX_COUNT}`,
        text,
      );
    }
    return { kind, count, fromRaised };
  }
  throw unrecognised(text);
}

function unrecognised(text: string): InvalidTimescaleError {
  return new InvalidTimescaleError(
    `timescale ${JSON.stringify(text)} is not one of the accepted forms: ${ACCEPTED_FORMS.join(', ')} ` +
      `(N is a whole number in digits from 1 to ${MAX_COUNT}; any form may end in "from raised")`,
    text,
  );
}

/** The canonical spelling of a timescale, e.g. `1 working day`, `Day 9`, `72 hours from raised`. */
export function formatTimescale(timescale: Timescale): string {
  const suffix = timescale.fromRaised ? FROM_RAISED : '';
  if (timescale.kind === 'same-working-day') return `same working day${suffix}`;
  const n = timescale.count;
  if (timescale.kind === 'day-n') return `Day ${n}${suffix}`;
  const unit = {
    'working-days': 'working day',
    days: 'day',
    weeks: 'week',
    hours: 'hour',
    minutes: 'minute',
  }[timescale.kind];
  return `${n} ${unit}${n === 1 ? '' : 's'}${suffix}`;
}
