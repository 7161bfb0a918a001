/**
 * The variables each Camunda Form in `forms/` writes (its fields' keys), so the
 * `expression-variables` rule knows what a user task with `camunda:formRef` sets. Read from the
 * files here; the web modeler's build replaces this module with one over the bundled forms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formFieldsOf, type FormComponent } from './form-fields.js';

export const FORMS_DIR = join(import.meta.dirname, '../../../../forms');

let cache: Map<string, string[]> | null = null;

/** Form id → field keys, read once from `forms/*.form`. */
export function formFields(dir = FORMS_DIR): Map<string, string[]> {
  if (cache && dir === FORMS_DIR) return cache;
  const forms = readdirSync(dir)
    .filter((f) => f.endsWith('.form'))
    .map(
      (file) =>
        JSON.parse(readFileSync(join(dir, file), 'utf8')) as { id: string; components?: FormComponent[] },
    );
  const map = formFieldsOf(forms);
  if (dir === FORMS_DIR) cache = map;
  return map;
}
