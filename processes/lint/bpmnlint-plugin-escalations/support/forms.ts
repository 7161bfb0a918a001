/**
 * The variables each Camunda Form in `forms/` writes (its fields' keys), so the
 * `expression-variables` rule knows what a user task with `camunda:formRef` sets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FORMS_DIR = join(import.meta.dirname, '../../../../forms');

interface FormComponent {
  key?: string;
  components?: FormComponent[];
}

function keys(components: FormComponent[] | undefined, out: string[]): string[] {
  for (const c of components ?? []) {
    if (c.key) out.push(c.key);
    keys(c.components, out);
  }
  return out;
}

let cache: Map<string, string[]> | null = null;

/** Form id → field keys, read once from `forms/*.form`. */
export function formFields(dir = FORMS_DIR): Map<string, string[]> {
  if (cache && dir === FORMS_DIR) return cache;
  const map = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.form'))) {
    const form = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      id: string;
      components?: FormComponent[];
    };
    map.set(form.id, keys(form.components, []));
  }
  if (dir === FORMS_DIR) cache = map;
  return map;
}
