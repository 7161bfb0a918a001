/**
 * Two things anyone acting on an escalation may need at any stage, each a message every diagram
 * catches in an event sub-process:
 *
 * - `POST /escalations/:id/immediate-risk` sends `immediate-risk` (non-interrupting: the escalation
 *   carries on). Any professional who can see the escalation may report it: "WHEN ANY PROFESSIONAL
 *   CONSIDERS A CHILD IS AT IMMEDIATE RISK OF SIGNIFICANT HARM ... ON THE SAME WORKING DAY" (LSCB
 *   Resolution & Escalation Procedure, p.3); "the designated safeguarding lead in your agency should
 *   be consulted immediately" (ERSCP Resolving Inter-Agency Disagreements §1); "that
 *   practitioner/agency has responsibility for communicating such concerns through agreed child
 *   protection procedures on the same working day" (Resolving professional disagreements, General
 *   Principles of Resolution 1.5).
 * - `POST /escalations/:id/withdraw` sends `withdraw` with `withdrawalReason` (interrupting: whatever
 *   stage is open ends; the record worker writes a `withdrawn` entry with the reason, every party is
 *   told). The disagreement is the raising agency's ("the agency raising the dispute", LSCB Stage 4;
 *   "matters should be referred by the concerned agency"), so the raiser or a member of the raising
 *   party may withdraw it; the other party, and the partnership's staff, may not.
 *
 * Once the escalation has ended there is nothing to route through: both answer 409 saying so (for
 * immediate risk, with what to do now), never a success. The engine call is the only write (the
 * actor's role and agency travel with the message); the audit entry follows it.
 */
import { z } from 'zod';
import { isParty } from '../../access/access-rule.js';
import { EngineError } from '../../engine/errors/index.js';
import { stageVariablesSchema, toStageVariableMap } from '../../../processes/variables.js';
import { conflict, forbidden } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import type { Request } from 'express';
import { actorVariables } from './actor.js';
import { escalationIdParam } from './detail.js';
import { visibleEscalation, type VisibleEscalation } from './visible.js';
import { audited } from './audited.js';

const params = escalationIdParam;

const accepted = z.object({
  id: z.string(),
  action: z.enum(['immediate-risk', 'withdraw']),
  detail: z.string(),
});

const ENDED_RISK =
  'This escalation has ended, so it cannot route the concern. If a child is at immediate risk of significant harm, ' +
  'act now under your child protection procedures: contact Children’s Social Care (or the police on 999 in an ' +
  'emergency) and your designated safeguarding lead, the same working day.';

export function registerEscalationActions(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'post',
    path: '/escalations/:id/immediate-risk',
    summary:
      'Report that the child is at immediate risk of significant harm (any stage; the escalation carries on)',
    tag: 'Escalations',
    params,
    responses: {
      202: {
        description: 'Routed: the safeguarding leads are told at once, due the same working day',
        schema: accepted,
      },
      404: { description: 'Not an escalation you can see' },
      409: {
        description:
          'The escalation has ended: use child protection procedures directly (the answer says how)',
      },
    },
    handler: async ({ params: p }, req, res) => {
      const visible = visibleEscalation(deps, req, p.id, 'escalation.immediate-risk');
      await audited(deps, req, 'escalation.immediate-risk', p.id, null, () =>
        send(deps, req, visible, 'immediate-risk', {}, ENDED_RISK),
      );
      res.status(202);
      return {
        id: p.id,
        action: 'immediate-risk' as const,
        detail: 'The designated safeguarding leads are being told now; the escalation carries on.',
      };
    },
  });
  api.add({
    method: 'post',
    path: '/escalations/:id/withdraw',
    summary: 'Withdraw the escalation, with the reason (the raiser or the raising party)',
    tag: 'Escalations',
    params,
    // The contract's withdrawalReason: 1 to 2,000 characters once trimmed.
    body: z.object({ reason: stageVariablesSchema.shape.withdrawalReason.unwrap() }).strict(),
    responses: {
      202: {
        description: 'Withdrawn: the open stage ends, the reason is recorded and every party told',
        schema: accepted,
      },
      400: { description: '`reason` missing, empty or longer than 2,000 characters' },
      403: { description: 'You may see it, but only the raiser or the raising party may withdraw it' },
      404: { description: 'Not an escalation you can see' },
      409: { description: 'The escalation has already ended (resolved, closed or withdrawn)' },
    },
    handler: async ({ params: p, body }, req, res) => {
      const visible = visibleEscalation(deps, req, p.id, 'escalation.withdraw');
      await audited(deps, req, 'escalation.withdraw', p.id, null, async () => {
        if (!mayWithdraw(req, visible))
          throw forbidden('Only the professional who raised it, or their own organisation, may withdraw it.');
        const variables = { withdrawalReason: body.reason };
        await send(deps, req, visible, 'withdraw', variables, 'This escalation has already ended.');
      });
      res.status(202);
      return {
        id: p.id,
        action: 'withdraw' as const,
        detail: 'Withdrawn; the reason is recorded and every party told.',
      };
    },
  });
}

/** The raiser, or a member of the raising party (its organisation, or its agency when none is named). */
function mayWithdraw(req: Request, { escalation, access }: VisibleEscalation): boolean {
  const p = req.principal!;
  if (p.username === escalation.raisedBy) return true;
  const m = p.memberships.find((x) => x.partnership === escalation.partnership);
  return m !== undefined && isParty(m, access.raisedByParty);
}

/** Correlates the message with the escalation's process; an ended escalation is a 409 (`ended`). */
async function send(
  deps: ApiDependencies,
  req: Request,
  visible: VisibleEscalation,
  messageName: 'immediate-risk' | 'withdraw',
  variables: Record<string, string>,
  ended: string,
): Promise<void> {
  const { escalation, access } = visible;
  const current = deps.stores.escalations.get(escalation.id)?.status ?? escalation.status;
  const running =
    current === 'open' &&
    (await deps.engine.countProcessInstances({ processInstanceIds: [escalation.processInstanceId] })) > 0;
  if (!running) throw conflict(ended);
  const actor = actorVariables(req.principal!, escalation, access, deps.roles);
  try {
    await deps.engine.correlateMessage({
      messageName,
      processInstanceId: escalation.processInstanceId,
      processVariables: toStageVariableMap({ ...variables, ...actor }),
    });
  } catch (error) {
    // No waiting subscription: the escalation ended (or was withdrawn) since the check; nothing changed.
    if (error instanceof EngineError && (error.httpStatus === 400 || error.httpStatus === 404))
      throw conflict(ended);
    throw error;
  }
}
