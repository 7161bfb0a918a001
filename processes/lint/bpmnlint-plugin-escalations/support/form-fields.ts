/**
 * The variables a Camunda Form writes (its fields' keys), from the forms' JSON: no I/O, so the web
 * modeler's bundle computes the same map from the forms it bundles (see forms.ts for Node).
 */

export interface FormComponent {
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

/** Form id → field keys. */
export function formFieldsOf(
  forms: readonly { id: string; components?: FormComponent[] }[],
): Map<string, string[]> {
  return new Map(forms.map((form) => [form.id, keys(form.components, [])]));
}
