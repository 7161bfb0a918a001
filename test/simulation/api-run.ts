/**
 * A real escalation driven through the escalations API, for comparing with a simulation: the whole
 * product in this process (test/api/harness.ts: the embedded engine with the fake clock, /api/v1
 * over HTTP, the real workers over loopback, a real SMTP server), people who hold every role of the
 * partnership on each side, the raise by `POST /api/v1/escalations` at the simulated instant, and
 * each stage completed by `POST /api/v1/escalations/:id/tasks/:taskId/complete` at the simulated
 * instant with the simulated answer, the form's other required fields filled in as a practitioner
 * would (the API checks every submission against the task's Camunda Form).
 */
import { expect } from 'chai';
import { loadPartnerships } from '../../processes/catalogue.js';
import { SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';
import { formFields, type FormComponentJson, type FormField } from '../../src/forms/form-fields.js';
import { isHidden } from '../../src/forms/form-validation.js';
import type { Timeline, TimelineStage } from '../../src/simulation/timeline.js';
import type { ApiHarness, As } from '../api/harness.js';

/** What a stage looked like in the real run, read when it was answered. */
export interface Observed {
  elementId: string;
  startedAt: string;
  /** The Date variable the stage's timer reads, as the real deadline worker set it. */
  date: string | null;
  explanation: string[] | null;
  /** The task's due date as `GET /api/v1/escalations/:id` shows it (null for a reminder-only stage). */
  apiDue: string | null;
}

interface OpenTask {
  id: string;
  elementId: string;
  due: string | null;
  canComplete: boolean;
}

/** Three people: every agency role in the raising school, every agency role in Children's Services, every partnership role. */
export async function createPeople(h: ApiHarness, partnership: string): Promise<As[]> {
  const roles = loadPartnerships().find((p) => p.settings.id === partnership)!.roles.roles;
  const of = (scope: string) => roles.filter((r) => r.scope === scope).map((r) => r.role);
  const people: [string, string | null, string[]][] = [
    ['raiser', 'school', of('agency')],
    ['other', 'childrens-services', of('agency')],
    ['office', null, of('partnership')],
  ];
  for (const [username, agency, held] of people)
    await h.user(username, { partnership, agency, organisation: null, roles: held });
  return people.map(([username]) => h.token(username));
}

/** Raises at the clock's instant as the raiser; answers the escalation id and process instance. */
export async function raiseThroughApi(
  h: ApiHarness,
  raiser: As,
  disagreementContext: string,
): Promise<{ id: string; processInstanceId: string }> {
  const { partnership: _p, raisedByAgency: _a, ...sample } = SAMPLE_ESCALATION;
  const res = await h.call<{ id: string }>('POST', '/api/v1/escalations', raiser, {
    ...sample,
    caseReference: 'SIM-REAL-0001',
    disagreementContext,
    subject: {
      name: 'Perpetua Hollingsworth-Adeyemi',
      dateOfBirth: '2015-06-30',
      address: '2 Nowhere Row, NX1 1ZZ',
    },
  });
  expect(res.status, res.text).to.equal(201);
  const processInstanceId = h.product.stores.escalations.get(res.body.id)!.processInstanceId;
  await h.settle(processInstanceId);
  return { id: res.body.id, processInstanceId };
}

/** Answers each simulated stage through the API at its simulated instant; returns what each looked like. */
export async function answerThroughApi(
  h: ApiHarness,
  people: As[],
  escalation: { id: string; processInstanceId: string },
  timeline: Timeline,
): Promise<Observed[]> {
  const observed: Observed[] = [];
  for (const stage of timeline.stages) {
    // Every stage of these runs is answered (none starts after its deadline).
    await h.clock.advanceTo(stage.answeredAt!);
    await h.settle(escalation.processInstanceId);
    const { task, as } = await openTaskFor(h, people, escalation.id, stage.elementId);
    observed.push(await observe(h, escalation.processInstanceId, stage, task));
    const form = await h.call<{
      form: { components: FormComponentJson[] };
      variables: Record<string, unknown>;
    }>('GET', `/api/v1/escalations/${escalation.id}/tasks/${task.id}/form`, as);
    expect(form.status, form.text).to.equal(200);
    const body = filledIn(formFields(form.body.form.components), stage.answer, form.body.variables);
    const done = await h.call(
      'POST',
      `/api/v1/escalations/${escalation.id}/tasks/${task.id}/complete`,
      as,
      body,
    );
    expect(done.status, `${stage.elementId}: ${done.text}`).to.equal(200);
    await h.settle(escalation.processInstanceId);
  }
  return observed;
}

/** The open task of `elementId` and someone who may complete it, as the API tells each person. */
async function openTaskFor(
  h: ApiHarness,
  people: As[],
  id: string,
  elementId: string,
): Promise<{ task: OpenTask; as: As }> {
  for (const as of people) {
    const res = await h.call<{ openTasks?: OpenTask[] }>('GET', `/api/v1/escalations/${id}`, as);
    const task = res.body?.openTasks?.find((t) => t.elementId === elementId);
    if (task?.canComplete) return { task, as };
  }
  throw new Error(`no open ${elementId} that one of the people may complete`);
}

async function observe(h: ApiHarness, pi: string, stage: TimelineStage, task: OpenTask): Promise<Observed> {
  const variables = await h.product.engine.getProcessVariables(pi);
  const [engineTask] = await h.product.engine.listUserTasks({ processInstanceId: pi, taskId: task.id });
  const date = stage.dueVariable ? variables[stage.dueVariable]?.value : null;
  const explanation = stage.dueVariable ? variables[`${stage.dueVariable}Explanation`]?.value : null;
  return {
    elementId: task.elementId,
    startedAt: engineTask!.created.toISOString(),
    date: date instanceof Date ? date.toISOString() : null,
    explanation: typeof explanation === 'string' ? explanation.split('\n') : null,
    apiDue: task.due,
  };
}

/**
 * The simulated answer plus what the form requires besides (text, a first option, a date, a ticked
 * box), leaving out whatever the form hides with these answers, as Tasklist would.
 */
export function filledIn(
  fields: readonly FormField[],
  answer: Record<string, unknown>,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...answer };
  for (const f of fields) if (!(f.key in body) && f.required) body[f.key] = sample(f);
  const context = () => ({
    ...variables,
    ...Object.fromEntries(fields.map((f) => [f.key, body[f.key] ?? null])),
  });
  for (const f of fields) if (isHidden(f, context())) delete body[f.key];
  return body;
}

function sample(f: FormField): unknown {
  if (f.children) {
    const item = Object.fromEntries(f.children.filter((c) => c.required).map((c) => [c.key, sample(c)]));
    return f.repeating ? [item] : item;
  }
  if (f.options && f.options.length > 0)
    return f.type === 'checklist' || f.type === 'taglist' ? [f.options[0]] : f.options[0];
  if (f.type === 'checkbox') return true;
  if (f.type === 'number') return f.min ?? 1;
  if (f.type === 'datetime') return '2026-11-02';
  return 'As discussed at the meeting';
}
