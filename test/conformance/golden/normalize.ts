/**
 * Normalising Operaton's responses into golden files: volatile values (ids, timestamps, ports) become
 * typed placeholders, so a golden file records a response's *shape* and its stable values.
 * Pure functions; the recorder (scripts/reference/record-golden.ts) and the comparator share them.
 */

/** The placeholders a golden body may contain, and what each matches (see compare.ts). */
export const PLACEHOLDERS = {
  /** A UUID as Operaton makes them (any non-empty string id on our side). */
  id: '<id>',
  /** `key:version:uuid`. */
  processDefinitionId: '<processDefinitionId>',
  /** `ActivityId:uuid`. */
  activityInstanceId: '<activityInstanceId>',
  /** Camunda's date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`. */
  date: '<date>',
  /** An absolute http(s) URL. */
  url: '<url>',
  /** Any string. */
  string: '<string>',
  /** Any number. */
  number: '<number>',
} as const;

/** Camunda's date format, e.g. 2026-11-23T14:00:00.000+0000. */
export const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const UUID_ONLY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DEFINITION_ID = /^[\w.-]+:\d+:[0-9a-f-]{36}$/;
const ACTIVITY_INSTANCE_ID = /^[\w.-]+:[0-9a-f-]{36}$/;
const URL = /^https?:\/\//;

/** Replaces one volatile string with its placeholder; ids inside longer text become `<id>`. */
export function normalizeString(value: string): string {
  if (UUID_ONLY.test(value)) return PLACEHOLDERS.id;
  if (DEFINITION_ID.test(value)) return PLACEHOLDERS.processDefinitionId;
  if (ACTIVITY_INSTANCE_ID.test(value)) return PLACEHOLDERS.activityInstanceId;
  if (CAMUNDA_DATE.test(value)) return PLACEHOLDERS.date;
  if (URL.test(value)) return PLACEHOLDERS.url;
  return value.replace(UUID, PLACEHOLDERS.id);
}

/**
 * Normalises a JSON body. Object keys that are ids (e.g. `deployedProcessDefinitions`' keys) are
 * normalised too, so two recordings of the same call give the same file.
 */
export function normalizeBody(value: unknown): unknown {
  if (typeof value === 'string') return normalizeString(value);
  if (Array.isArray(value)) return value.map(normalizeBody);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [normalizeString(key), normalizeBody(inner)]),
    );
  }
  return value;
}

/** One golden file: a call to Operaton and its normalised answer. */
export interface GoldenFile {
  /** File name without .json; also the test title's subject. */
  name: string;
  /** What the call shows, in a sentence. */
  description: string;
  request: { method: string; path: string; body?: unknown; multipart?: Record<string, string> };
  status: number;
  /** Only the headers that matter: content-type (exact). */
  headers: { 'content-type': string | null };
  /** JSON bodies normalised; text bodies kept as a string (normalised). null when empty. */
  body: unknown;
  /** The engine and version it was recorded on. */
  recordedOn: string;
}
