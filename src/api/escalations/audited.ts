/**
 * Every read and write of an escalation is audited with its outcome, the failures too: a request's
 * work runs inside {@link audited}, which appends `ok` when it succeeds, or the outcome its problem
 * stands for (`invalid`, `denied`, `not-found`, `conflict`; `failed` for anything else) and
 * rethrows. (Not visible at all is audited by `visibleEscalation` itself.)
 */
import type { Request } from 'express';
import { ApiProblem } from '../http/problem.js';
import type { ApiDependencies } from '../deps.js';
import { audit } from './visible.js';

const OUTCOMES: Record<number, string> = { 400: 'invalid', 403: 'denied', 404: 'not-found', 409: 'conflict' };

/** Runs `work`, then audits `action` on the escalation with its outcome. */
export async function audited<T>(
  deps: ApiDependencies,
  req: Request,
  action: string,
  escalationId: string,
  target: string | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    const result = await work();
    audit(deps, req, action, escalationId, 'ok', target);
    return result;
  } catch (error) {
    const outcome = error instanceof ApiProblem ? (OUTCOMES[error.status] ?? 'failed') : 'failed';
    audit(deps, req, action, escalationId, outcome, target);
    throw error;
  }
}
