/**
 * `GET /escalations/:id/subject`: the child's details (name, date of birth, address) from the
 * protected store, for those the procedure gives them to: a holder of a candidate role of one of the
 * escalation's tasks, past or open, on its side, or of a role the procedure sent its documents to
 * (the access rule's `canReadSubject`). 404 if the escalation is not visible, 403 if visible but not
 * allowed. Every attempt is audited (`subject.read`, with its outcome); the answer is never cached.
 */
import { z } from 'zod';
import { forbidden, notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { mayReadChildDetails } from '../routes/child-details.js';
import { visibleEscalation } from './visible.js';
import { audited } from './audited.js';
import { escalationIdParam } from './detail.js';

const subjectAnswer = z.object({
  caseReference: z.string(),
  name: z.string(),
  dateOfBirth: z.string().describe('YYYY-MM-DD'),
  address: z.string(),
  parents: z.string().optional(),
});

export function registerEscalationSubject(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations/:id/subject',
    summary: 'The child’s details (protected store), for those the procedure gives them to',
    tag: 'Escalations',
    params: escalationIdParam,
    responses: {
      200: { description: 'The child’s details (Cache-Control: no-store)', schema: subjectAnswer },
      403: { description: 'You may see the escalation but not the child’s details' },
      404: { description: 'Not an escalation you can see, or no details are stored for its case reference' },
    },
    handler: async ({ params }, req, res) => {
      // Set first, so every answer (problems included) tells caches to keep nothing.
      res.set('Cache-Control', 'no-store');
      const visible = visibleEscalation(deps, req, params.id, 'subject.read');
      const { escalation } = visible;
      const target = `${escalation.partnership}/${escalation.caseReference}`;
      return audited(deps, req, 'subject.read', escalation.id, target, async () => {
        if (!(await mayReadChildDetails(deps, req.principal!, visible)))
          throw forbidden(
            'Only those acting on this escalation’s stages, or sent its documents, may read the child’s details.',
          );
        const subject = deps.stores.subjects.get(escalation.partnership, escalation.caseReference);
        if (!subject) throw notFound('No child’s details are stored for this escalation’s case reference.');
        return { caseReference: escalation.caseReference, ...subject };
      });
    },
  });
}
