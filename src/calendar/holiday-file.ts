import { z } from 'zod';
import { byDate, type BankHoliday } from './bank-holiday.js';
import { DIVISIONS, type Division } from './divisions.js';
import { InvalidHolidayFileError } from './errors/invalid-holiday-file-error.js';
import { isLocalDate } from './london-time.js';

/**
 * Extra non-working days per division (one-off bank holidays such as a state funeral, or a
 * partnership's local closure days). They are added to the library's bank holidays; nothing is
 * taken away. Build it with {@link parseHolidayFile}.
 */
export type HolidayOverrides = Readonly<Record<Division, readonly BankHoliday[]>>;

/** No extra days. */
export const NO_HOLIDAY_OVERRIDES: HolidayOverrides = Object.freeze({
  'england-and-wales': [],
  scotland: [],
  'northern-ireland': [],
});

/** One entry of GOV.UK's `events` list. Fields GOV.UK may add later are ignored, not refused. */
const eventSchema = z.object({
  title: z.string().trim().min(1, 'a title is required'),
  date: z.string().refine(isLocalDate, 'expected a real date written YYYY-MM-DD'),
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const divisionEntrySchema = z.object({
  division: z.string().optional(),
  events: z.array(eventSchema),
});

/**
 * zod schema of GOV.UK's `bank-holidays.json` format (https://www.gov.uk/bank-holidays.json):
 * `{ "<division>": { "division": "<division>", "events": [{ "title", "date", "notes", "bunting" }] } }`.
 * Every division is optional (a partnership lists only its own); an unknown division key is an
 * error, because a misspelt one would otherwise be silently ignored.
 */
export const holidayFileSchema = z
  .strictObject({
    'england-and-wales': divisionEntrySchema.optional(),
    scotland: divisionEntrySchema.optional(),
    'northern-ireland': divisionEntrySchema.optional(),
  })
  .superRefine((file, ctx) => {
    for (const key of DIVISIONS) {
      const named = file[key]?.division;
      if (named !== undefined && named !== key) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'division'],
          message: `must be "${key}" to match its key`,
        });
      }
    }
  });

/** The file as GOV.UK writes it (the schema's output type). */
export type HolidayFile = z.infer<typeof holidayFileSchema>;

/**
 * Validates a holidays override file and returns its days per division. Pure: the caller reads
 * the file and passes its text (a string) or its already-parsed JSON.
 * @param source how to name the file in messages, e.g. its path.
 * @throws InvalidHolidayFileError with a one-line message naming the first bad field.
 */
export function parseHolidayFile(input: unknown, source = 'holidays file'): HolidayOverrides {
  const json = typeof input === 'string' ? parseJson(input, source) : input;
  const parsed = holidayFileSchema.safeParse(json);
  if (!parsed.success) throw new InvalidHolidayFileError(describeProblem(parsed.error, json, source));
  const result = {} as Record<Division, readonly BankHoliday[]>;
  for (const division of DIVISIONS) {
    const events = parsed.data[division]?.events ?? [];
    result[division] = Object.freeze(
      events.map((e) => Object.freeze({ date: e.date, name: e.title })).sort(byDate),
    );
  }
  return Object.freeze(result);
}

/** Both sets of extra days (a partnership's own file and the server's HOLIDAYS_FILE), per division. */
export function mergeHolidayOverrides(a: HolidayOverrides, b: HolidayOverrides): HolidayOverrides {
  const result = {} as Record<Division, readonly BankHoliday[]>;
  for (const division of DIVISIONS)
    result[division] = Object.freeze([...a[division], ...b[division]].sort(byDate));
  return Object.freeze(result);
}

/**
 * Reads a holidays override file through `readFile` (injected, so this module stays free of I/O)
 * and validates it. The server's HOLIDAYS_FILE and the CLI's `--holidays` both come through here.
 * @throws InvalidHolidayFileError when the file cannot be read or is not in GOV.UK's format.
 */
export function readHolidayFile(path: string, readFile: (path: string) => string): HolidayOverrides {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InvalidHolidayFileError(`cannot read holidays file ${path}: ${code}`);
  }
  return parseHolidayFile(text, `holidays file ${path}`);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InvalidHolidayFileError(`${source} is not valid JSON: ${reason}`);
  }
}

function describeProblem(error: z.ZodError, json: unknown, source: string): string {
  const issue = error.issues[0];
  if (!issue) return `${source} is not in the GOV.UK bank-holidays.json format`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return `${source}: unknown division ${keys}: use ${DIVISIONS.join(', ')}${more}`;
  }
  return `${source}: ${pathText(issue.path)}: ${issue.message} (${describeValue(json, issue.path)})${more}`;
}

/** `england-and-wales.events[2].date`; the whole file is `(top level)`. */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** What was found at `path`, briefly: scalars are quoted (cut short), containers only named. */
function describeValue(json: unknown, path: readonly PropertyKey[]): string {
  let current = json;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return 'missing';
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  if (current === undefined) return 'missing';
  if (Array.isArray(current)) return 'got a list';
  if (current !== null && typeof current === 'object') return 'got an object';
  const text = JSON.stringify(current);
  return `got ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
