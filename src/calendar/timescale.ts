import { InvalidTimescaleError } from './errors/invalid-timescale-error.js';

/** The kinds of timescale that carry a number N. */
export type CountedKind = 'working-days' | 'days' | 'weeks' | 'hours' | 'minutes' | 'day-n';

/**
 * One rule of the language. `fromRaised` means it counts from the escalation's raise time instead of
 * the current stage's start (`Day N` always counts from the raise date, with or without it).
 */
export type SimpleTimescale =
  | { readonly kind: CountedKind; readonly count: number; readonly fromRaised: boolean }
  | { readonly kind: 'same-working-day'; readonly fromRaised: boolean };

/** How a bound limits a rule: `at most` takes the earlier deadline, `at least` the later. */
export type Bound = 'at most' | 'at least';

/**
 * A rule with a bound, e.g. `1 working day, at most 10 days from raised`: the procedure's "speedy
 * response" that must not run past a fixed limit, or a fixed limit that must not start overdue
 * (`10 days from raised, at least 1 working day`). A limit that has already passed when the stage
 * starts is ignored by `at most`, so no stage ever starts with a deadline in the past.
 */
export interface BoundedTimescale {
  readonly kind: 'bounded';
  readonly base: SimpleTimescale;
  readonly bound: Bound;
  readonly limit: SimpleTimescale;
}

/** A parsed timescale: one rule, or one rule with a bound. */
export type Timescale = SimpleTimescale | BoundedTimescale;

/** The accepted forms, as the error message and the docs list them. */
export const ACCEPTED_FORMS: readonly string[] = [
  'N working days',
  'N days',
  'N weeks',
  'N hours',
  'N minutes',
  'Day N',
  'same working day',
  '<form>, at most <form>',
  '<form>, at least <form>',
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
const BOUNDS: readonly Bound[] = ['at most', 'at least'];

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
  for (const bound of BOUNDS) {
    const at = normal.indexOf(`, ${bound} `);
    if (at < 0) continue;
    return {
      kind: 'bounded',
      base: parseSimple(normal.slice(0, at), text),
      bound,
      limit: parseSimple(normal.slice(at + bound.length + 3), text),
    };
  }
  return parseSimple(normal, text);
}

/** One rule without a bound; `text` is the whole input, quoted in errors. */
function parseSimple(normal: string, text: string): SimpleTimescale {
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
      `(N is a whole number in digits from 1 to ${MAX_COUNT}; any form may end in "from raised"; ` +
      `one bound may follow a form: ", at most <form>" or ", at least <form>")`,
    text,
  );
}

/**
 * The canonical spelling of a timescale, e.g. `1 working day`, `Day 9`, `72 hours from raised`,
 * `1 working day, at most 10 days from raised`.
 */
export function formatTimescale(timescale: Timescale): string {
  if (timescale.kind === 'bounded') {
    return `${formatTimescale(timescale.base)}, ${timescale.bound} ${formatTimescale(timescale.limit)}`;
  }
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
