/**
 * The escalation page's pure logic (run in Node by escalation-view.test.ts): what the diagram marks
 * (the path taken, the current stage, an overdue one), who completes a stage in words, the API's
 * field errors placed on the stage form's fields, and the words for outcomes, timeline events and
 * record entries.
 */
import type { FieldError } from '../../api/problem.js';
import { formatDateTime } from '../../format.js';
import type { EscalationDiagram, FormComponent, FormSchema } from '../../api/escalation-actions.js';
import type { Escalation, Partnership, Party, User } from '../../api/types.js';

export type Stage = Escalation['stages'][number];
export type OpenTask = Escalation['openTasks'][number];

/** A sequence flow of the diagram: its id and the elements it joins. */
export interface Flow {
  id: string;
  source: string;
  target: string;
}

/** Element ids to mark on the diagram, by marker class. */
export interface DiagramMarks {
  /** Left normally, and the sequence flows taken between them. */
  completed: string[];
  /** The open user tasks. */
  current: string[];
  /** Open past their deadline, or ended when their deadline passed (breached). */
  overdue: string[];
}

/** A stage whose deadline passed before anyone recorded its outcome (open and late, or breached). */
export function missedDeadline(stage: Pick<Stage, 'overdue' | 'outcome'>): boolean {
  return stage.overdue || stage.outcome === 'breached';
}

/**
 * The marks: a flow counts as taken when its source ended and its target was reached. A stage
 * reached again (Northamptonshire's Stage 3 levels) is marked by its open instance only.
 */
export function diagramMarks(
  path: Pick<EscalationDiagram, 'reached' | 'ended'>,
  escalation: Pick<Escalation, 'stages' | 'openTasks'>,
  flows: readonly Flow[],
): DiagramMarks {
  const current = [...new Set(escalation.openTasks.map((t) => t.elementId))];
  const open = new Set(current);
  const overdue = new Set(escalation.openTasks.filter((t) => t.overdue).map((t) => t.elementId));
  for (const s of escalation.stages)
    if (s.endedAt && missedDeadline(s) && !open.has(s.elementId)) overdue.add(s.elementId);
  const ended = new Set(path.ended);
  const reached = new Set(path.reached);
  const taken = flows.filter((f) => ended.has(f.source) && reached.has(f.target)).map((f) => f.id);
  return {
    completed: [...path.ended.filter((id) => !open.has(id)), ...taken],
    current,
    overdue: [...overdue],
  };
}

/** "line-manager" → "Line manager". */
export function roleName(role: string): string {
  const words = role.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Who records a stage's outcome, in the partnership's titles: "Line manager (Safeguarding Specialist
 * Practitioner at Health, Team Manager at Children's Services)", for the parties' agencies.
 */
export function whoCompletes(
  roles: readonly string[],
  partnership: Partnership | null,
  parties: Party[],
): string {
  const agencies = [...new Map(parties.map((p) => [p.agency.id, p.agency.name])).entries()];
  return roles
    .map((role) => {
      const definition = partnership?.roles.find((r) => r.role === role);
      if (!definition) return roleName(role);
      if (definition.titles['*']) return definition.titles['*'];
      const titles = agencies
        .filter(([id]) => definition.titles[id])
        .map(([id, name]) => `${definition.titles[id]} at ${name}`);
      return titles.length ? `${roleName(role)} (${titles.join(', ')})` : roleName(role);
    })
    .join(', or ');
}

/** Whether the user belongs to the party that raised it (who may withdraw it, with the raiser). */
export function inRaisingParty(user: User, escalation: Pick<Escalation, 'partnership' | 'parties'>): boolean {
  const party = escalation.parties.find((p) => p.side === 'raised-by');
  if (!party) return false;
  return user.memberships.some(
    (m) =>
      m.partnership === escalation.partnership &&
      m.agency === party.agency.id &&
      (party.organisation === null || m.organisation === party.organisation.id),
  );
}

/** An error the API named, placed on a field of the stage's form. */
export interface PlacedError {
  message: string;
  /** The form-js field id (`Field_outcome`) and the indexes within dynamic lists, or null. */
  fieldId: string | null;
  indexes: number[];
}

/** The form's keyed fields by their data path (`outcome`, `otherProfessionals.role` inside a list). */
function keyedFields(
  components: readonly FormComponent[] | undefined,
  prefix = '',
): Map<string, FormComponent> {
  const out = new Map<string, FormComponent>();
  for (const c of components ?? []) {
    const own = c.key ?? c.path;
    const path = own ? `${prefix}${own}` : prefix.replace(/\.$/, '');
    if (c.key) out.set(path, c);
    if (c.components) {
      if (c.path && c.type === 'dynamiclist') out.set(path, c);
      for (const [k, v] of keyedFields(c.components, own ? `${path}.` : prefix)) out.set(k, v);
    }
  }
  return out;
}

/**
 * The API's errors (`body.outcome`, `body.otherProfessionals.1.role`) on the form's fields: the
 * numbers in a path are a dynamic list's entries. An error that names no field of the form (the
 * whole body) has `fieldId` null and goes to the error summary only.
 */
export function placeErrors(schema: FormSchema, errors: readonly FieldError[]): PlacedError[] {
  const fields = keyedFields(schema.components);
  return errors.map((e) => {
    const segments = e.path
      .replace(/^body\.?/, '')
      .split('.')
      .filter(Boolean);
    const indexes = segments.filter((s) => /^\d+$/.test(s)).map(Number);
    const field = fields.get(segments.filter((s) => !/^\d+$/.test(s)).join('.'));
    return { message: e.message, fieldId: field?.id ?? null, indexes: field ? indexes : [] };
  });
}

/** form-js's errors state: `{ [fieldId]: messages }`, or nested by index inside dynamic lists. */
export function formJsErrors(placed: readonly PlacedError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of placed) {
    if (!p.fieldId) continue;
    if (p.indexes.length === 0) {
      out[p.fieldId] = [...((out[p.fieldId] as string[] | undefined) ?? []), p.message];
      continue;
    }
    let node = (out[p.fieldId] ??= {}) as Record<string, unknown>;
    p.indexes.slice(0, -1).forEach((i) => (node = (node[i] ??= {}) as Record<string, unknown>));
    const last = p.indexes[p.indexes.length - 1]!;
    node[last] = [...((node[last] as string[] | undefined) ?? []), p.message];
  }
  return out;
}

const OUTCOMES: Record<string, string> = {
  resolved: 'Resolved',
  unresolved: 'Not resolved: escalated',
  breached: 'Deadline passed with no outcome recorded',
  withdrawn: 'Withdrawn',
};

/** A recorded outcome in words. */
export function outcomeText(outcome: string): string {
  return OUTCOMES[outcome] ?? sentence(outcome);
}

const EVENTS: Record<Escalation['timeline'][number]['event'], string> = {
  started: 'Started',
  ended: 'Done',
  cancelled: 'Ended early',
  reached: 'Reached',
};

/** A timeline entry in words: "Done: Record the attempted resolution". */
export function timelineText(entry: Escalation['timeline'][number]): string {
  return `${EVENTS[entry.event]}: ${entry.name}`;
}

/** "stage-breached" → "Stage breached". */
export function sentence(kebab: string): string {
  return roleName(kebab);
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const london = (at: Date) =>
  Object.fromEntries(londonClock.formatToParts(at).map((p) => [p.type, p.value])) as Record<string, string>;

/**
 * A deadline as people say it: a London midnight is "end of Mon 2 Nov 2026" (the end of the day
 * before, as the procedures count days), any other instant "Thu 5 Nov 2026, 5:00pm".
 */
export function deadlineText(dueIso: string): string {
  const due = new Date(dueIso);
  const at = london(due);
  if (at.hour !== '00' || at.minute !== '00' || at.second !== '00' || due.getUTCMilliseconds() !== 0)
    return formatDateTime(dueIso);
  const day = london(new Date(due.getTime() - 1));
  return `end of ${day.weekday} ${day.day} ${day.month} ${day.year}`;
}

/** The timescale's rule the explanation starts with (`Day 2`, `2 working days`), or null. */
export function ruleOf(explanation: string | null): string | null {
  return /^Rule "([^"]+)"/.exec(explanation ?? '')?.[1] ?? null;
}

/**
 * A stage's deadline in one line: "Day 2: due end of Thu 24 Dec 2026", "was due …" when it passed
 * with the stage still open, "No deadline" for a stage without one.
 */
export function deadlineSummary(stage: Pick<Stage, 'due' | 'dueExplanation'>, passed = false): string {
  if (!stage.due) return 'No deadline';
  const rule = ruleOf(stage.dueExplanation);
  const when = `${passed ? 'was due' : 'due'} ${deadlineText(stage.due)}`;
  return rule ? `${rule}: ${when}` : when.charAt(0).toUpperCase() + when.slice(1);
}
