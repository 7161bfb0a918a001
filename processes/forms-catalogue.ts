/**
 * What the diagrams' user tasks ask: for every process key, each user task's form, candidate roles
 * and group, and for every Camunda Form in `forms/` the data keys it submits. Read once from this
 * checkout's files (the same files `deployProcesses` deploys). The record worker takes a stage's
 * form data from it, and the API validates a completion against the form.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle } from './bpmn-moddle.js';
import { loadPartnerships, REPOSITORY_ROOT } from './catalogue.js';
import { groupOf } from './stage-ids.js';

/** A Camunda Forms component, as far as the catalogue reads it. */
export interface FormComponent {
  type: string;
  key?: string;
  path?: string;
  label?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

/** A form file: its id, the data keys it submits (in order) and its JSON. */
export interface FormInfo {
  id: string;
  keys: string[];
  schema: { id: string; components: FormComponent[]; [other: string]: unknown };
}

/** One user task of a diagram. */
export interface UserTaskInfo {
  id: string;
  name: string;
  group: string;
  formRef: string | null;
  candidateRoles: string[];
  /** The Date variable its `camunda:dueDate="${…}"` reads (the escalation-schedule worker sets it), if any. */
  dueVariable: string | null;
}

/** A deadline task (`escalation-schedule`) of a diagram. */
export interface DeadlineInfo {
  id: string;
  group: string;
  timescale: string;
  dueVariable: string;
}

export interface FormCatalogue {
  forms: ReadonlyMap<string, FormInfo>;
  /** Process key → user tasks by element id. */
  userTasks: ReadonlyMap<string, ReadonlyMap<string, UserTaskInfo>>;
  /** Process key → its deadline tasks, in document order. */
  deadlines: ReadonlyMap<string, readonly DeadlineInfo[]>;
}

/** The data keys a form submits: field keys, and the path of a dynamic list or a group with a path. */
export function formKeys(components: readonly FormComponent[]): string[] {
  const keys: string[] = [];
  for (const c of components) {
    if (c.type === 'dynamiclist' && c.path) keys.push(c.path);
    else if (c.components && !c.path) keys.push(...formKeys(c.components));
    else if (c.components && c.path) keys.push(c.path);
    else if (c.key) keys.push(c.key);
  }
  return [...new Set(keys)];
}

/** Reads every form in `forms/` and every partnership diagram's user tasks. */
export async function loadFormCatalogue(root = REPOSITORY_ROOT): Promise<FormCatalogue> {
  const formsDir = join(root, 'forms');
  const forms = new Map<string, FormInfo>();
  for (const file of readdirSync(formsDir).filter((f) => f.endsWith('.form'))) {
    const schema = JSON.parse(readFileSync(join(formsDir, file), 'utf8')) as FormInfo['schema'];
    forms.set(schema.id, { id: schema.id, keys: formKeys(schema.components), schema });
  }
  const moddle = createModdle();
  const userTasks = new Map<string, Map<string, UserTaskInfo>>();
  const deadlines = new Map<string, DeadlineInfo[]>();
  for (const file of loadPartnerships(root).flatMap((p) => p.diagrams)) {
    const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'));
    for (const process of rootElement.rootElements.filter(
      (e: { $type: string }) => e.$type === 'bpmn:Process',
    )) {
      userTasks.set(process.id, collectUserTasks(process));
      deadlines.set(process.id, collectDeadlines(process));
    }
  }
  return { forms, userTasks, deadlines };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function collectDeadlines(scope: any, into: DeadlineInfo[] = []): DeadlineInfo[] {
  for (const element of scope.flowElements ?? []) {
    if (element.$type === 'bpmn:SubProcess') collectDeadlines(element, into);
    if (element.$type !== 'bpmn:ServiceTask' || element.get('camunda:topic') !== 'escalation-schedule')
      continue;
    const properties: Record<string, string> = {};
    for (const ext of element.extensionElements?.values ?? []) {
      for (const p of ext.values ?? []) if (p.name) properties[p.name] = String(p.value ?? '');
    }
    into.push({
      id: element.id,
      group: groupOf(element.id),
      timescale: properties.timescale ?? '',
      dueVariable: properties.dueVariable ?? '',
    });
  }
  return into;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function collectUserTasks(scope: any, into = new Map<string, UserTaskInfo>()): Map<string, UserTaskInfo> {
  for (const element of scope.flowElements ?? []) {
    if (element.$type === 'bpmn:SubProcess') collectUserTasks(element, into);
    if (element.$type !== 'bpmn:UserTask') continue;
    into.set(element.id, {
      id: element.id,
      name: element.name ?? element.id,
      group: groupOf(element.id),
      formRef: element.get('camunda:formRef') ?? null,
      candidateRoles: String(element.get('camunda:candidateGroups') ?? '')
        .split(',')
        .map((r: string) => r.trim())
        .filter(Boolean),
      dueVariable:
        /^\$\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(String(element.get('camunda:dueDate') ?? ''))?.[1] ?? null,
    });
  }
  return into;
}

/** The data keys of the forms of a stage's user tasks (the group's), in order. */
export function stageFormKeys(catalogue: FormCatalogue, processKey: string, group: string): string[] {
  const tasks = [...(catalogue.userTasks.get(processKey)?.values() ?? [])].filter((t) => t.group === group);
  return [...new Set(tasks.flatMap((t) => (t.formRef ? (catalogue.forms.get(t.formRef)?.keys ?? []) : [])))];
}
