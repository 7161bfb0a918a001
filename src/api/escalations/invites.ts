/**
 * `GET /escalations/:id/invites/:dueVariable.ics`: a deadline's calendar invite (e.g. East Riding's
 * conference adjournment, "a maximum of 72 hours", ERSCP Resolving Inter-Agency Disagreements §5),
 * for anyone who can see the escalation and wants it in their calendar without the email. It is the
 * invite last emailed for that deadline, byte for byte: the same UID (`<escalationId>-<dueVariable>@
 * <host>`), SEQUENCE and METHOD (`CANCEL` once the step ended first), so importing it updates the
 * event the email created rather than adding a second one.
 */
import { z } from 'zod';
import { notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { escalationIdParam } from './detail.js';
import { visibleEscalation } from './visible.js';
import { audited } from './audited.js';

const params = escalationIdParam.extend({
  dueVariable: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}Due$/, 'a deadline variable such as stage2Due'),
});

export function registerEscalationInvites(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/escalations/:id/invites/:dueVariable.ics',
    summary: 'A deadline’s calendar invite, the same event (UID) as the emailed one',
    tag: 'Escalations',
    params,
    responses: {
      200: { description: 'The invite (iCalendar)', mediaType: 'text/calendar' },
      404: { description: 'No invite for that deadline, or not an escalation you can see' },
    },
    handler: async ({ params: p }, req, res) => {
      visibleEscalation(deps, req, p.id, 'invite.read');
      const ics = await audited(deps, req, 'invite.read', p.id, p.dueVariable, async () => {
        const sent = lastSent(deps, p.id, p.dueVariable);
        if (sent === null) throw notFound('This escalation has no calendar invite for that deadline.');
        return sent;
      });
      res
        .status(200)
        .set('Cache-Control', 'private, no-store')
        .set('Content-Disposition', `attachment; filename="${p.id}-${p.dueVariable}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(ics);
      return undefined;
    },
  });
}

/** The `.ics` of the newest message that carried this deadline's invite (any version), or null. */
function lastSent(deps: ApiDependencies, escalationId: string, dueVariable: string): string | null {
  const invite = deps.stores.invites.get(escalationId, dueVariable);
  if (!invite) return null;
  const uidLine = `\nUID:${invite.uid}\r\n`;
  const carrying = deps.stores.outbox
    .forEscalation(escalationId)
    // RFC 5545 3.1: a long UID line is folded; unfold before looking for it.
    .filter((m) => m.ics !== null && m.ics.replace(/\r\n[ \t]/g, '').includes(uidLine));
  const newest = carrying.sort((a, b) => b.id - a.id)[0];
  return newest?.ics ?? null;
}
