/**
 * People and escalations for the tests of acting on an escalation (tasks, withdraw, immediate risk,
 * invites, the child's details). A Liverpool school (St Mary's) raises against Children's Services
 * (Liverpool CSC); Northamptonshire's Ridgeway school raises against the police. Escalations are
 * raised through `POST /escalations` by their raiser, then the real workers notify and record them.
 */
import type { UserTask, VariableMap } from '../../src/engine/port.js';
import { liverpoolMember, type ApiHarness } from './harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

/** The child whose details the protected store holds (made up; must never reach a log line). */
export const CHILD = {
  name: 'Ottoline Quenby-Marchetti',
  dateOfBirth: '2016-04-21',
  address: '7 Larkspur Mews, Old Swan, Liverpool L13 9ZZ',
} as const;

/** Creates every user the tests act as (usernames are the keys). */
export async function createPeople(h: ApiHarness): Promise<void> {
  await h.user('sam', liverpoolMember('school', 'st-marys', ['raising-professional']));
  await h.user('lena', liverpoolMember('school', 'st-marys', ['line-manager']));
  // Holds the other professional's role, but in the raising school: the wrong side of the Stage 1 task.
  await h.user('owen', liverpoolMember('school', 'st-marys', ['other-agency-professional']));
  await h.user('dora', liverpoolMember('school', 'st-marys', ['designated-safeguarding-lead']));
  await h.user('olu', liverpoolMember('childrens-services', 'liverpool-csc', ['other-agency-professional']));
  await h.user('cara', liverpoolMember('childrens-services', 'liverpool-csc', ['line-manager']));
  await h.user('pat', liverpoolMember('health', 'alder-hey', ['other-agency-professional', 'line-manager']));
  await h.user('bea', liverpoolMember(null, null, ['lscb-business-manager']));
  const nhants = (agency: string, organisation: string, roles: string[]) => ({
    partnership: 'northamptonshire',
    agency,
    organisation,
    roles,
  });
  await h.user('nia', nhants('school', 'ridgeway', ['raising-professional']));
  await h.user('ned', nhants('police', 'northants-police', ['other-agency-professional']));
  await h.user('nora', nhants('school', 'ridgeway', ['line-manager']));
}

/** An escalation raised by `sam` (Liverpool) or `nia` (Northamptonshire). */
export interface Raised {
  id: string;
  processInstanceId: string;
  caseReference: string;
}

let counter = 0;

/** Raises through `POST /escalations` as its raiser, with the child's details, and waits for the workers. */
export async function raise(
  h: ApiHarness,
  partnership: 'liverpool' | 'northamptonshire',
  over: Record<string, unknown> = {},
): Promise<Raised> {
  counter += 1;
  const caseReference = `ACT-${partnership.slice(0, 3).toUpperCase()}-${String(counter).padStart(4, '0')}`;
  const [raiser, other] =
    partnership === 'liverpool'
      ? ['sam', { otherAgency: 'childrens-services', otherOrganisation: 'liverpool-csc' }]
      : ['nia', { otherAgency: 'police', otherOrganisation: 'northants-police' }];
  const res = await h.call<{ id: string }>('POST', '/api/v1/escalations', h.token(raiser!), {
    ...SCHOOL_RAISE,
    ...other,
    caseReference,
    subject: { ...CHILD },
    ...over,
  });
  if (res.status !== 201) throw new Error(`raise answered ${res.status}: ${res.text}`);
  const processInstanceId = h.product.stores.escalations.get(res.body.id)!.processInstanceId;
  await h.settle(processInstanceId);
  return { id: res.body.id, processInstanceId, caseReference };
}

/** The escalation's one open task of `elementId` (fails the test if there is not exactly one). */
export async function openTask(h: ApiHarness, r: Raised, elementId: string): Promise<UserTask> {
  const tasks = await h.product.engine.listUserTasks({
    processInstanceId: r.processInstanceId,
    taskDefinitionKey: elementId,
  });
  if (tasks.length !== 1) throw new Error(`expected one open ${elementId}, found ${tasks.length}`);
  return tasks[0]!;
}

/** The process variables, comparable with deep equality (to show a refused request changed nothing). */
export async function variablesOf(h: ApiHarness, r: Raised): Promise<VariableMap> {
  return h.product.engine.getProcessVariables(r.processInstanceId);
}

/** The audit entries of an escalation as `action outcome` (oldest first). */
export function auditOf(h: ApiHarness, r: Raised): string[] {
  return h.product.stores.audit.forEscalation(r.id).map((e) => `${e.actor} ${e.action} ${e.outcome}`);
}
