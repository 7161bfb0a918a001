/**
 * Escalations driven through the engine port for API tests of what follows a raise (documents,
 * messages, records, diagrams): the start contract of `processes/variables.ts` as the API sends it,
 * the real workers doing the rest (the record worker indexes the raise, notify fills the outbox,
 * the form worker makes documents). Stage tasks are completed with form values the same way.
 */
import { loadPartnerships } from '../../processes/catalogue.js';
import { SAMPLE_ESCALATION, type FormValue } from '../../processes/scenarios/scenario.js';
import {
  parseStartVariables,
  startVariablesFor,
  toStageVariableMap,
  toStartVariableMap,
  type StartVariablesInput,
} from '../../processes/variables.js';
import type { ApiHarness } from './harness.js';

/** The child whose details the protected store holds for the escalations raised here. */
export const CHILD = {
  name: 'Perpetua Vantongeren-Ilse',
  dateOfBirth: '2015-09-03',
  address: '12 Heron Row, Quayside, Nowhere NX4 2QQ',
} as const;

export interface Raised {
  escalationId: string;
  processInstanceId: string;
  caseReference: string;
}

let counter = 0;

/** Stores the child's details, raises an escalation on its diagram, waits for the workers. */
export async function raiseThroughEngine(
  h: ApiHarness,
  partnership: StartVariablesInput['partnership'],
  over: Partial<StartVariablesInput> = {},
): Promise<Raised> {
  counter += 1;
  const caseReference = `API-TEST-${String(counter).padStart(4, '0')}`;
  const now = new Date(h.clock.now());
  h.product.stores.subjects.put(partnership, caseReference, { ...CHILD }, now);
  const entry = loadPartnerships().find((p) => p.settings.id === partnership)!;
  const vars = parseStartVariables(
    startVariablesFor(entry.settings, {
      ...SAMPLE_ESCALATION,
      partnership,
      escalationId: `api-test-${counter}-${now.getTime().toString(36)}`,
      raisedAt: now,
      caseReference,
      ...over,
    }),
  );
  const diagram = entry.settings.diagrams.find((d) => d.contexts.includes(vars.disagreementContext))!;
  const pi = await h.product.engine.startProcessInstance({
    definitionKey: diagram.key,
    businessKey: vars.escalationId,
    variables: toStartVariableMap(vars),
  });
  await h.settle(pi.id);
  return { escalationId: vars.escalationId, processInstanceId: pi.id, caseReference };
}

/** Completes the open user task `taskKey` with form values, then waits for the workers. */
export async function completeThroughEngine(
  h: ApiHarness,
  run: Pick<Raised, 'processInstanceId'>,
  taskKey: string,
  values: Record<string, FormValue>,
): Promise<void> {
  const [task] = await h.product.engine.listUserTasks({
    processInstanceId: run.processInstanceId,
    taskDefinitionKey: taskKey,
  });
  if (!task) throw new Error(`no open user task ${taskKey}`);
  await h.product.engine.completeUserTask(task.id, { variables: toStageVariableMap(values) });
  await h.settle(run.processInstanceId);
}
