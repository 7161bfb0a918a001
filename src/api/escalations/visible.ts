/**
 * The one way a route reaches an escalation: by id, through the access rule. Missing and not
 * visible are the same 404 (existence does not leak), and every attempt is written to the audit
 * log with its outcome: who, when, what, from where.
 */
import type { Request } from 'express';
import { canSee, type EscalationAccess } from '../../access/access-rule.js';
import { actorOf } from '../../identity/principal.js';
import type { IndexedEscalation } from '../../escalations/escalation-index.js';
import { notFound } from '../http/problem.js';
import type { ApiDependencies } from '../deps.js';

export interface VisibleEscalation {
  escalation: IndexedEscalation;
  access: EscalationAccess;
}

/** Appends an audit entry for the request's principal (or `anonymous`). */
export function audit(
  deps: ApiDependencies,
  req: Request,
  action: string,
  escalationId: string | null,
  outcome: string,
  target: string | null = null,
): void {
  deps.stores.audit.append({
    actor: req.principal ? actorOf(req.principal) : 'anonymous',
    action,
    target,
    escalationId,
    outcome,
    source: req.ip ?? '',
    at: new Date(deps.clock.now()),
  });
}

/**
 * The escalation `id` if the principal may see it; otherwise a 404 (audited as `not-found`).
 * `action` names the read or write for the audit log, e.g. `escalation.view`.
 */
export function visibleEscalation(
  deps: ApiDependencies,
  req: Request,
  id: string,
  action: string,
): VisibleEscalation {
  const escalation = deps.stores.escalations.get(id);
  const access = escalation && deps.stores.escalations.access(escalation);
  if (!escalation || !access || !canSee(req.principal!, access, deps.roles)) {
    audit(deps, req, action, escalation ? id : null, 'not-found', escalation ? null : 'unknown escalation');
    throw notFound('There is no escalation with that id that you can see.');
  }
  return { escalation, access };
}
