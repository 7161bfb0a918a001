/**
 * How a simulated stage is answered. The answer fills the stage form's choice fields that the
 * diagram's decisions read (always `outcome` when the form has one). Every combination the form
 * offers is routed through the diagram ({@link routeFrom}); then:
 *
 * - a stage is a **decision** when its outcome changes the route; an outcome asked for
 *   (`--outcomes`) is used at decisions only, in order, and must be one the form offers;
 * - otherwise the answer that **escalates** is taken: never one that returns to the same stage (another
 *   level of it) while another way on exists, then the fewest conditional flows (each diagram draws
 *   "not resolved" as its gateways' default flow), then one that reaches a further stage, then one
 *   from which the escalation cannot come back to this stage, then the form's own order.
 */
import type { VariableMap } from '../engine/variables.js';
import type { VariableResolver } from '../engine/expressions/index.js';
import { parseExpression } from '../engine/expressions/index.js';
import { OUTCOMES } from '../../processes/variables.js';
import type { Diagram, StageTask } from './diagram.js';
import { OutcomeNotOfferedError } from './errors/outcome-not-offered-error.js';
import { canReach, routeFrom, type Route } from './routes.js';
import type { StageForm } from './stage-forms.js';

/** A stage's form values, as submitted. */
export type AnswerValues = Record<string, string | boolean>;

/** How an answer was chosen. */
export type AnswerChoice = 'given' | 'escalates' | 'no-decision';

export interface Answer {
  values: AnswerValues;
  /** The `outcome` submitted, or null when the form has none. */
  outcome: string | null;
  chosen: AnswerChoice;
  /** Whether the stage's outcome decides the route (so it used an outcome asked for). */
  decision: boolean;
  route: Route;
}

export interface StageContext {
  diagram: Diagram;
  stage: StageTask;
  /** The stage's form, when the simulation was given it. */
  form: StageForm | undefined;
  /** The process variables when the stage is answered. */
  variables: VariableMap;
}

/** Beyond this many combinations, extra fields keep their first value (a form never has so many). */
const MAX_CANDIDATES = 256;

/**
 * Chooses the stage's answer; `given` is the next outcome asked for, if any.
 * @throws OutcomeNotOfferedError when the stage is a decision and its form does not offer `given`.
 */
export function chooseAnswer(context: StageContext, given: string | undefined): Answer {
  const candidates = candidatesFor(context).map((values, index) => ({
    values,
    index,
    route: routeFrom(context.diagram, context.stage.id, resolver(values, context.variables)),
  }));
  const decision = outcomeDecides(candidates);
  let pool = candidates;
  if (decision && given !== undefined) {
    pool = candidates.filter((c) => c.values.outcome === given);
    if (pool.length === 0)
      throw new OutcomeNotOfferedError(given, context.stage, [
        ...new Set(candidates.map((c) => String(c.values.outcome))),
      ]);
  }
  const best = [...pool].sort((a, b) => compare(rank(context, a), rank(context, b)))[0]!;
  const outcome = typeof best.values.outcome === 'string' ? best.values.outcome : null;
  const chosen: AnswerChoice =
    decision && given !== undefined
      ? 'given'
      : pool.length > 1 && !sameRoutes(pool)
        ? 'escalates'
        : 'no-decision';
  return { values: best.values, outcome, chosen, decision, route: best.route };
}

/** Every combination of the values the decisive form fields can take, in the form's order. */
function candidatesFor({ diagram, stage, form }: StageContext): AnswerValues[] {
  const read = conditionIdentifiers(diagram, stage.id);
  const fields: [string, readonly (string | boolean)[]][] = [];
  const outcomeChoices = form?.choices.get('outcome');
  if (outcomeChoices) fields.push(['outcome', outcomeChoices]);
  else if (read.has('outcome') && !form) fields.push(['outcome', OUTCOMES]);
  for (const [key, values] of form?.choices ?? [])
    if (key !== 'outcome' && read.has(key)) fields.push([key, values]);
  let combinations: AnswerValues[] = [{}];
  for (const [key, values] of fields) {
    const room = combinations.length * values.length <= MAX_CANDIDATES;
    const used = room ? values : values.slice(0, 1);
    combinations = combinations.flatMap((c) => used.map((v) => ({ ...c, [key]: v })));
  }
  return combinations;
}

/** The variables the decisions between this stage and the next ones read (all branches). */
function conditionIdentifiers(diagram: Diagram, stageId: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const queue = [...(diagram.nodes.get(stageId)?.outgoing ?? [])];
  while (queue.length > 0) {
    const flow = queue.shift()!;
    if (flow.condition) {
      try {
        for (const name of parseExpression(flow.condition).identifiers) names.add(name);
      } catch {
        // A condition the engine cannot parse fails at deploy; nothing to read here.
      }
    }
    const node = diagram.nodes.get(flow.targetId);
    if (!node || seen.has(node.id) || node.type === 'bpmn:UserTask') continue;
    seen.add(node.id);
    queue.push(...node.outgoing);
  }
  return names;
}

function resolver(values: AnswerValues, variables: VariableMap): VariableResolver {
  return (name) => {
    if (Object.hasOwn(values, name)) return { found: true, value: values[name] };
    const v = variables[name];
    if (!v) return { found: false };
    return { found: true, value: v.type === 'Null' ? null : v.value, type: v.type };
  };
}

interface Candidate {
  values: AnswerValues;
  index: number;
  route: Route;
}

const signature = (r: Route): string => `${r.decisions.join(',')}|${r.stages.join(',')}|${r.ends}`;

function sameRoutes(candidates: readonly Candidate[]): boolean {
  return new Set(candidates.map((c) => signature(c.route))).size <= 1;
}

/** Whether two outcomes (with the same other fields) take different routes. */
function outcomeDecides(candidates: readonly Candidate[]): boolean {
  const byRest = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (typeof c.values.outcome !== 'string') continue;
    const { outcome: _outcome, ...rest } = c.values;
    const key = JSON.stringify(rest);
    byRest.set(key, (byRest.get(key) ?? new Set()).add(signature(c.route)));
  }
  return [...byRest.values()].some((routes) => routes.size > 1);
}

/** Smaller is better, compared element by element. */
function rank(context: StageContext, c: Candidate): number[] {
  const { route } = c;
  const stageId = context.stage.id;
  const loops = route.stages.includes(stageId);
  const forward = route.stages.every((s) => !canReach(context.diagram, s, stageId));
  return [
    route.undetermined ? 1 : 0,
    loops ? 1 : 0,
    route.conditionalFlows,
    route.stages.length > 0 ? 0 : 1,
    forward ? 0 : 1,
    c.index,
  ];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
