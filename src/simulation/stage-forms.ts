/**
 * What a stage's Camunda Form lets its user answer, as far as the route can depend on it: for each
 * choice field (radio, select, checkbox) the values it can submit, in the form's order. The
 * simulation deploys the forms the diagram references (the engine refuses a `camunda:formRef` to a
 * missing form, as Camunda 7 does) and answers only with values a form offers.
 */

/** A `.form` file as handed to the simulation. */
export interface FormResource {
  /** The file name, e.g. `stage-outcome.form`. */
  name: string;
  content: string;
}

/** One stage form: its id and the values each choice field may take. */
export interface StageForm {
  id: string;
  resource: FormResource;
  choices: ReadonlyMap<string, readonly (string | boolean)[]>;
}

interface Component {
  type?: string;
  key?: string;
  values?: { value?: unknown }[];
  components?: Component[];
}

/**
 * Reads form files into {@link StageForm}s by form id.
 * @throws Error naming the file when one is not a Camunda Form (JSON with an `id`).
 */
export function readStageForms(resources: readonly FormResource[]): ReadonlyMap<string, StageForm> {
  const forms = new Map<string, StageForm>();
  for (const resource of resources) {
    let schema: { id?: unknown; components?: Component[] };
    try {
      schema = JSON.parse(resource.content) as typeof schema;
    } catch (error) {
      throw new Error(`${resource.name} is not a Camunda Form: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (typeof schema.id !== 'string') throw new Error(`${resource.name} is not a Camunda Form: no id`);
    const choices = new Map<string, (string | boolean)[]>();
    collectChoices(schema.components ?? [], choices);
    forms.set(schema.id, { id: schema.id, resource, choices });
  }
  return forms;
}

function collectChoices(components: readonly Component[], into: Map<string, (string | boolean)[]>): void {
  for (const c of components) {
    if (c.components) collectChoices(c.components, into);
    if (!c.key) continue;
    if (c.type === 'checkbox') into.set(c.key, [false, true]);
    else if (c.type === 'radio' || c.type === 'select') {
      const values = (c.values ?? []).map((v) => v.value).filter((v): v is string => typeof v === 'string');
      if (values.length > 0) into.set(c.key, values);
    }
  }
}
