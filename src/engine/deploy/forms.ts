/**
 * Camunda Forms (`.form`) resources: JSON with an `id` (what `camunda:formRef` names), `type: "default"`
 * and a `schemaVersion` that Camunda 7's Tasklist can render (at most 16).
 */
import { decodeText, positionOf } from './guard.js';
import type { ResourceProblems } from './problems.js';

/** Newest form schema Camunda 7 Tasklist renders. */
export const MAX_FORM_SCHEMA_VERSION = 16;

/** Checks a form; returns its id, or null when it is unusable (problems reported). */
export function parseForm(content: Buffer, problems: ResourceProblems): string | null {
  const text = decodeText(content);
  if (text === null || text.trim() === '') {
    problems.addAt(text === null ? 'A form must be UTF-8 JSON text' : 'The form is empty', {
      line: 0,
      column: 0,
    });
    return null;
  }
  let form: unknown;
  try {
    form = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    const at = offset === undefined ? { line: 0, column: 0 } : positionOf(text, Number(offset));
    problems.addAt(`The form is not valid JSON: ${(error as Error).message}`, at);
    return null;
  }
  return checkFormShape(form, problems);
}

function checkFormShape(form: unknown, problems: ResourceProblems): string | null {
  const at = { line: 0, column: 0 };
  if (typeof form !== 'object' || form === null || Array.isArray(form)) {
    problems.addAt('A form must be a JSON object', at);
    return null;
  }
  const { id, type, schemaVersion } = form as Record<string, unknown>;
  const problemsBefore = problems.errors.length;
  if (typeof id !== 'string' || id.trim() === '') problems.addAt('A form needs a non-empty string "id"', at);
  if (type !== 'default') problems.addAt('A form needs "type": "default"', at);
  if (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 1) {
    problems.addAt('A form needs a whole-number "schemaVersion"', at);
  } else if ((schemaVersion as number) > MAX_FORM_SCHEMA_VERSION) {
    problems.addAt(
      `The form's schemaVersion ${String(schemaVersion)} is newer than Camunda 7 Tasklist renders (at most ${MAX_FORM_SCHEMA_VERSION})`,
      at,
    );
  }
  return problems.errors.length === problemsBefore ? (id as string) : null;
}
