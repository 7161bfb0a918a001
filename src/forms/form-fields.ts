/**
 * The data fields of a Camunda Form (the `.form` JSON Camunda Tasklist renders with form-js), read
 * once into what a submission is checked against: each field's key, type, label, options, the
 * rules its `validate` declares, and the `conditional.hide` FEEL expressions that hide it (its own
 * and those of every group around it, as form-js hides a group's children with it).
 */

/** A component of a Camunda Form, as far as validation reads it. */
export interface FormComponentJson {
  type: string;
  key?: string;
  path?: string;
  label?: string;
  dateLabel?: string;
  subtype?: string;
  values?: { value: unknown; label?: string }[];
  validate?: {
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    pattern?: string;
  };
  conditional?: { hide?: string };
  components?: FormComponentJson[];
  [other: string]: unknown;
}

/** One data field of a form. */
export interface FormField {
  /** The data key (a field's `key`, a dynamic list's or a group's `path`). */
  key: string;
  type: string;
  /** What the form calls it (for error messages). */
  label: string;
  required: boolean;
  /** FEEL expressions (without the leading `=`): the field is hidden when any is true. */
  hide: readonly string[];
  /** The allowed values of a radio, select, checklist or taglist with static options. */
  options: readonly string[] | null;
  minLength: number | null;
  maxLength: number | null;
  min: number | null;
  max: number | null;
  pattern: string | null;
  /** A datetime's subtype: `date`, `time` or `datetime`. */
  subtype: string | null;
  /** A dynamic list's (or a group with a path's) fields, checked per item. */
  children: readonly FormField[] | null;
  /** Whether the value is a list of items (a repeating dynamic list). */
  repeating: boolean;
}

/** Components that show something but submit no data. */
const DISPLAY_ONLY = new Set(['text', 'html', 'image', 'spacer', 'separator', 'button', 'iframe', 'table']);

/** The data fields of a form's components, in order. */
export function formFields(
  components: readonly FormComponentJson[],
  hide: readonly string[] = [],
): FormField[] {
  const fields: FormField[] = [];
  for (const c of components) {
    const own = hideOf(c);
    const hides = own ? [...hide, own] : hide;
    const nested = c.components ?? null;
    if (nested && !c.path) fields.push(...formFields(nested, hides));
    else if (nested && c.path) fields.push(field(c, c.path, hides, formFields(nested)));
    else if (c.key && !DISPLAY_ONLY.has(c.type)) fields.push(field(c, c.key, hides, null));
  }
  return fields;
}

function hideOf(c: FormComponentJson): string | null {
  const expression = c.conditional?.hide;
  if (typeof expression !== 'string' || !expression.startsWith('=')) return null;
  return expression.slice(1);
}

function field(
  c: FormComponentJson,
  key: string,
  hide: readonly string[],
  children: FormField[] | null,
): FormField {
  const v = c.validate ?? {};
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    key,
    type: c.type,
    label: String(c.label ?? c.dateLabel ?? key),
    required: v.required === true,
    hide,
    options: Array.isArray(c.values) ? c.values.map((o) => String(o.value)) : null,
    minLength: num(v.minLength),
    maxLength: num(v.maxLength),
    min: num(v.min),
    max: num(v.max),
    pattern: typeof v.pattern === 'string' && v.pattern !== '' ? v.pattern : null,
    subtype: typeof c.subtype === 'string' ? c.subtype : null,
    children,
    repeating: c.type === 'dynamiclist' ? c.isRepeating !== false : false,
  };
}
