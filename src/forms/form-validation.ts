/**
 * Checks a form submission the way Camunda Tasklist's form-js would, on the server: a field hidden
 * by its `conditional.hide` FEEL expression (evaluated with feelin's `unaryTest`, as form-js does,
 * hidden only when the result is `true`) is neither required nor accepted; every shown field obeys
 * what the form declares (required, type, options, lengths, pattern, range); nothing outside the
 * form is accepted. Expressions see the process variables the form may reference, overlaid with
 * the submission (the form's own fields not submitted count as empty, never as an earlier stage's
 * value). Messages name the field by its label and never repeat the value.
 */
import { unaryTest } from 'feelin';
import type { FormField } from './form-fields.js';

/** A problem with one field; `path` is relative to the submission, e.g. `otherProfessionals.0.role`. */
export interface FormDataError {
  path: string;
  message: string;
}

export interface FormCheck {
  /** The shown fields' values, empty ones (null, or '' where text is not expected) left out. */
  values: Record<string, unknown>;
  errors: FormDataError[];
}

type Data = Record<string, unknown>;

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const empty = (v: unknown) =>
  absent(v) || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Whether any of the field's hide expressions is true in `context` (a broken one hides nothing). */
export function isHidden(field: FormField, context: Data): boolean {
  return field.hide.some((expression) => {
    try {
      return unaryTest(expression, context).value === true;
    } catch {
      return false;
    }
  });
}

/**
 * The variables the form's expressions read that are not its own fields (so they come from the
 * process), found as the names feelin reports missing when only the form's fields are known.
 */
export function referencedVariables(fields: readonly FormField[]): string[] {
  const own = Object.fromEntries(fields.map((f) => [f.key, null]));
  const names = new Set<string>();
  for (const expression of new Set(fields.flatMap((f) => f.hide))) {
    try {
      for (const w of unaryTest(expression, own).warnings) {
        if (w.type === 'NO_VARIABLE_FOUND') names.add(expression.slice(w.position.from, w.position.to));
      }
    } catch {
      // A form whose expression does not parse hides nothing (isHidden); it references nothing either.
    }
  }
  return [...names].sort();
}

/** Checks `data` against the form's fields; `variables` are the process variables expressions may read. */
export function checkFormData(fields: readonly FormField[], data: Data, variables: Data): FormCheck {
  const errors: FormDataError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) errors.push({ path: key, message: 'This form has no such field.' });
  }
  const context: Data = { ...variables };
  for (const f of fields) context[f.key] = data[f.key] ?? null;
  const values: Data = {};
  for (const f of fields) {
    const value = data[f.key];
    if (isHidden(f, context)) {
      if (!absent(value))
        errors.push({
          path: f.key,
          message: `"${f.label}" is not asked for with these answers: leave it out.`,
        });
      continue;
    }
    const checked = checkField(f, value, f.key, context, errors);
    if (checked !== undefined) values[f.key] = checked;
  }
  return { values, errors };
}

/** One field's value, or undefined when left empty; problems are pushed onto `errors`. */
function checkField(
  f: FormField,
  value: unknown,
  path: string,
  context: Data,
  errors: FormDataError[],
): unknown {
  const problem = (message: string) => {
    errors.push({ path, message });
    return undefined;
  };
  if (empty(value)) {
    if (f.required) return problem(`"${f.label}" is required.`);
    // An optional text left empty is submitted as '' (clearing it); other empty values are left out.
    return typeof value === 'string' && isText(f) ? value : undefined;
  }
  if (f.children) return checkNested(f, value, path, context, errors);
  if (isText(f)) return checkText(f, value, problem);
  switch (f.type) {
    case 'radio':
    case 'select':
      return typeof value === 'string' && (!f.options || f.options.includes(value))
        ? value
        : problem(`Choose one of the options for "${f.label}".`);
    case 'checklist':
    case 'taglist':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && (!f.options || f.options.includes(v))) &&
        new Set(value).size === value.length
        ? value
        : problem(`Choose from the options for "${f.label}", each at most once.`);
    case 'checkbox':
      if (typeof value !== 'boolean') return problem(`"${f.label}" is true or false.`);
      return f.required && !value ? problem(`"${f.label}" must be ticked.`) : value;
    case 'number':
      return checkNumber(f, value, problem);
    case 'datetime':
      return checkDateTime(f, value, problem);
    default:
      return value;
  }
}

function isText(f: FormField): boolean {
  return f.type === 'textfield' || f.type === 'textarea';
}

function checkText(f: FormField, value: unknown, problem: (m: string) => undefined): unknown {
  if (typeof value !== 'string') return problem(`"${f.label}" is text.`);
  if (f.maxLength !== null && value.length > f.maxLength)
    return problem(`"${f.label}" is at most ${f.maxLength} characters.`);
  if (f.minLength !== null && value.length < f.minLength)
    return problem(`"${f.label}" is at least ${f.minLength} characters.`);
  if (f.pattern !== null && !safeRegExp(f.pattern)?.test(value))
    return problem(`"${f.label}" is not in the form's format.`);
  return value;
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

function checkNumber(f: FormField, value: unknown, problem: (m: string) => undefined): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem(`"${f.label}" is a number.`);
  if (f.min !== null && value < f.min) return problem(`"${f.label}" is at least ${f.min}.`);
  if (f.max !== null && value > f.max) return problem(`"${f.label}" is at most ${f.max}.`);
  return value;
}

const FORMATS: Record<string, [RegExp, string]> = {
  date: [/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'],
  time: [/^\d{2}:\d{2}(:\d{2})?$/, 'a time as HH:MM'],
  datetime: [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, 'a date and time'],
};

function checkDateTime(f: FormField, value: unknown, problem: (m: string) => undefined): unknown {
  const [format, words] = FORMATS[f.subtype ?? 'date'] ?? FORMATS.date!;
  if (typeof value !== 'string' || !format.test(value)) return problem(`"${f.label}" is ${words}.`);
  if (f.subtype !== 'time' && !realDate(value.slice(0, 10)))
    return problem(`"${f.label}" is not a real date.`);
  return value;
}

/** Whether YYYY-MM-DD names a day of the calendar (not 31 November). */
function realDate(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** A dynamic list (items checked one by one, each with its own fields) or a group with a path. */
function checkNested(
  f: FormField,
  value: unknown,
  path: string,
  context: Data,
  errors: FormDataError[],
): unknown {
  const items = f.repeating ? value : [value];
  if (!Array.isArray(items) || !items.every(isObject)) {
    errors.push({
      path,
      message: `"${f.label}" is ${f.repeating ? 'a list of entries' : 'a set of fields'}.`,
    });
    return undefined;
  }
  const checked = items.map((item, i) => {
    const at = f.repeating ? `${path}.${i}` : path;
    const result = checkFormData(f.children!, item, context);
    errors.push(...result.errors.map((e) => ({ path: `${at}.${e.path}`, message: e.message })));
    return result.values;
  });
  return f.repeating ? checked : checked[0];
}
