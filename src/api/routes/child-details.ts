/**
 * Who may read what holds the child's details (a document that prints them): the access rule's
 * `canReadSubject`, with the candidate roles of every stage task the escalation has reached, past
 * or open, read from the engine's task history and the diagrams' user tasks.
 */
import type { Principal } from '../../identity/principal.js';
import { canReadSubject } from '../../access/access-rule.js';
import type { VisibleEscalation } from '../escalations/visible.js';
import type { ApiDependencies } from '../deps.js';

/** The candidate roles of the stage tasks the escalation has reached (past or open). */
export async function reachedTaskRoles(deps: ApiDependencies, visible: VisibleEscalation): Promise<string[]> {
  const { escalation } = visible;
  const tasks = await deps.engine.listHistoricTasks({ processInstanceId: escalation.processInstanceId });
  const byElement = deps.forms.userTasks.get(escalation.definitionKey);
  const roles = new Set<string>();
  for (const t of tasks)
    for (const r of byElement?.get(t.taskDefinitionKey)?.candidateRoles ?? []) roles.add(r);
  return [...roles];
}

/** Whether the principal may read the child's details of a visible escalation. */
export async function mayReadChildDetails(
  deps: ApiDependencies,
  principal: Principal,
  visible: VisibleEscalation,
): Promise<boolean> {
  return canReadSubject(principal, visible.access, await reachedTaskRoles(deps, visible), deps.roles);
}
