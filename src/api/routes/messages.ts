/**
 * `GET /messages`: the messages the service sent (or still holds in its outbox) to your own address,
 * or about an escalation you can see, newest first. Another agency's messages are neither listed nor
 * counted: the access rule is applied in SQL. Messages never hold the child's details or the text
 * the raiser typed (the notify worker's templates take only the context's fields), so none can show
 * here.
 */
import { z } from 'zod';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { visibilityFilter } from '../../access/visibility-sql.js';
import { listMessages } from '../../messaging/message-query.js';
import { audit } from '../escalations/visible.js';
import { instant, pageOf, paging } from './shapes.js';

const messageSchema = z.object({
  id: z.number().int(),
  escalationId: z.string(),
  caseReference: z.string().nullable(),
  template: z.string().describe('The notice, e.g. stage-started, stage-breached, document-ready'),
  role: z.string().nullable().describe('The role it was sent to, as in roles.json'),
  recipient: z.string(),
  subject: z.string(),
  text: z.string(),
  hasInvite: z.boolean().describe('Whether it carried a calendar invite (GET /escalations/:id/invites/…)'),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int(),
  createdAt: instant,
  sentAt: instant.nullable(),
  toYou: z.boolean().describe('Sent to your own address'),
});

export function registerMessages(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/messages',
    summary: 'Messages sent to you, or about escalations you can see, newest first',
    tag: 'Messages',
    query: z.object({
      escalation: z.string().min(1).max(64).optional().describe('Only this escalation’s'),
      status: z.enum(['queued', 'sent', 'failed']).optional(),
      ...paging,
    }),
    responses: {
      200: { description: 'A page of messages', schema: pageOf(messageSchema) },
      400: { description: 'A filter is not valid' },
    },
    handler: async ({ query }, req) => {
      const principal = req.principal!;
      const { items, total } = listMessages(
        deps.stores.db,
        {
          address: principal.email,
          visible: visibilityFilter(principal, deps.roles),
          escalationId: query.escalation,
          status: query.status,
        },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      audit(deps, req, 'message.list', query.escalation ?? null, 'ok', `messages:${total}`);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });
}
