/**
 * `POST /escalations`: raise an escalation. The body is the start contract of
 * `processes/variables.ts` less what the server and the raiser's membership give (`escalationId`,
 * `raisedAt`, `partnership` unless the user belongs to several, `raisedByAgency`,
 * `raisedByOrganisation`, `raisedBy`), plus an optional `subject`, the child's details, which go
 * only to the protected store. The diagram is the one `partnership.json` gives the disagreement's
 * context. Answers 201 with the escalation (as `GET /escalations/:id`) and its Location.
 *
 * A failed request leaves nothing: every check (fields, membership, role, the subject against the
 * one stored for the case reference) comes before the first write; the engine starts the process
 * before anything is stored, so a refused start stores nothing; then the subject, the index row and
 * the audit entry are written in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { PARTNERSHIPS, startVariablesSchema, toStartVariableMap } from '../../../processes/variables.js';
import { subjectSchema, type Subject } from '../../subjects/subject.js';
import type { Membership } from '../../identity/principal.js';
import { planRaise, sameChild, SERVER_START_FIELDS, type RaisePlan } from '../../escalations/raise-plan.js';
import { badRequest, conflict, forbidden } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { audit } from './visible.js';
import { escalationDetail } from './detail.js';
import { escalationSchema } from './escalation-shapes.js';

const omitted = Object.fromEntries(SERVER_START_FIELDS.map((f) => [f, true])) as {
  [K in (typeof SERVER_START_FIELDS)[number]]: true;
};

export const raiseBody = startVariablesSchema
  .omit(omitted)
  .extend({
    partnership: z
      .enum(PARTNERSHIPS)
      .optional()
      .describe('Required only when you belong to several partnerships'),
    subject: subjectSchema
      .optional()
      .describe('The child’s details: stored encrypted, never in an answer, message or log'),
  })
  .strict();

type RaiseBody = z.output<typeof raiseBody>;

export function registerRaise(api: RouteRegistry, deps: ApiDependencies): void {
  const queue = new KeyedQueue();
  api.add({
    method: 'post',
    path: '/escalations',
    summary: 'Raise an escalation',
    tag: 'Escalations',
    body: raiseBody,
    responses: {
      201: {
        description: 'Raised: the escalation, as GET /escalations/:id answers',
        schema: escalationSchema,
      },
      400: { description: 'A field is not valid (each named in errors)' },
      403: { description: 'Your membership has no agency to raise for (partnership staff)' },
      409: {
        description: 'Another child’s details are stored under this case reference: nothing was raised',
      },
    },
    handler: async ({ body }, req, res) => {
      const membership = membershipFor(deps, req, body);
      const { subject, partnership: _chosen, ...request } = body;
      const plan = planRaise(request, {
        membership,
        entry: deps.partnerships.get(membership.partnership)!,
        username: req.principal!.username,
        escalationId: randomUUID(),
        raisedAt: new Date(deps.clock.now()),
      });
      if (Array.isArray(plan))
        throw badRequest(plan.map((p) => ({ path: `body.${p.field}`, message: p.message })));
      // One raise at a time per case reference, so two raises cannot store two different children.
      const key = `${plan.variables.partnership}\u0000${plan.variables.caseReference}`;
      const answer = await queue.run(key, () => raise(deps, req, plan, subject));
      res.status(201).location(`/api/v1/escalations/${encodeURIComponent(answer.id)}`);
      return answer;
    },
  });
}

/** The membership to raise from: the one named, or the user's only one; it must have an agency. */
function membershipFor(
  deps: ApiDependencies,
  req: Request,
  body: RaiseBody,
): Membership & { agency: string } {
  const memberships = req.principal!.memberships.filter((m) => deps.partnerships.has(m.partnership));
  if (memberships.length === 0) throw forbidden('You are not a member of any partnership.');
  const m = body.partnership
    ? memberships.find((x) => x.partnership === body.partnership)
    : memberships.length === 1
      ? memberships[0]
      : undefined;
  if (!m) {
    const message = body.partnership
      ? 'a partnership you are a member of'
      : `required: you belong to several partnerships (${memberships.map((x) => x.partnership).join(', ')})`;
    throw badRequest([{ path: 'body.partnership', message }]);
  }
  if (m.agency === null) {
    audit(deps, req, 'escalation.raise', null, 'forbidden', m.partnership);
    throw forbidden(
      'You are a member of this partnership’s own staff, not of an agency. An escalation is raised by a ' +
        'professional for their agency; ask the professional who disagrees to raise it.',
    );
  }
  return m as Membership & { agency: string };
}

async function raise(
  deps: ApiDependencies,
  req: Request,
  plan: RaisePlan,
  subject: Subject | undefined,
): Promise<z.infer<typeof escalationSchema>> {
  const v = plan.variables;
  const stored = subject ? deps.stores.subjects.get(v.partnership, v.caseReference) : null;
  if (subject && stored && !sameChild(stored, subject)) refuseSubject(deps, req);
  // Nothing is stored before the engine has started the process: a refused start leaves nothing.
  const started = await deps.engine.startProcessInstance({
    definitionKey: plan.definitionKey,
    businessKey: v.escalationId,
    variables: toStartVariableMap(v),
  });
  const escalation = {
    id: v.escalationId,
    partnership: v.partnership,
    caseReference: v.caseReference,
    processInstanceId: started.id,
    definitionKey: plan.definitionKey,
    disagreementContext: v.disagreementContext,
    raisedAt: v.raisedAt.toISOString(),
    raisedBy: v.raisedBy ?? null,
    raisedByRole: v.raisedByRole,
    raisedByAgency: v.raisedByAgency,
    raisedByOrganisation: v.raisedByOrganisation ?? null,
    otherAgency: v.otherAgency,
    otherOrganisation: v.otherOrganisation ?? null,
  };
  try {
    deps.stores.db
      .transaction(() => {
        if (subject) storeSubject(deps, v.partnership, v.caseReference, subject, v.raisedAt);
        deps.stores.escalations.add(escalation);
        audit(deps, req, 'escalation.raise', v.escalationId, 'created', plan.definitionKey);
      })
      .immediate();
  } catch (error) {
    // Only another writer of the store (the CLI's `subjects import`) can get here between the check
    // and this write; the process is deleted again so that nothing of this raise stays.
    await deps.engine.deleteProcessInstance(started.id, { reason: 'raise refused' }).catch(() => undefined);
    if (error instanceof SubjectChanged) refuseSubject(deps, req);
    throw error;
  }
  const indexed = deps.stores.escalations.get(v.escalationId)!;
  return escalationDetail(deps, req.principal!, indexed, deps.stores.escalations.access(indexed));
}

class SubjectChanged extends Error {}

function storeSubject(deps: ApiDependencies, partnership: string, ref: string, s: Subject, at: Date): void {
  const stored = deps.stores.subjects.get(partnership, ref);
  if (stored && !sameChild(stored, s)) throw new SubjectChanged();
  if (!stored) deps.stores.subjects.put(partnership, ref, s, at);
}

function refuseSubject(deps: ApiDependencies, req: Request): never {
  audit(deps, req, 'escalation.raise', null, 'conflict', 'subject differs from the one stored');
  throw conflict(
    'Another child’s details are stored under this case reference. Check the case reference; nothing was raised.',
  );
}

/** Runs tasks one after another per key (tasks of different keys run side by side). */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
