/**
 * `GET /partnerships` and `GET /partnerships/:id`: the partnerships the user belongs to, each with
 * its procedure (as published), agencies, roles and, per diagram, the stages with their timescales
 * read from the deployed diagrams' files. Partnerships the user is not a member of are 404.
 */
import { z } from 'zod';
import { notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import type { PartnershipEntry } from '../../../processes/catalogue.js';

const summary = z.object({
  id: z.string(),
  name: z.string(),
  procedure: z.object({ title: z.string(), edition: z.string(), publisher: z.string() }),
});

const detail = summary.extend({
  division: z.string(),
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  roles: z.array(
    z.object({
      role: z.string(),
      description: z.string(),
      scope: z.enum(['agency', 'partnership']),
      titles: z.record(z.string(), z.string()),
    }),
  ),
  diagrams: z.array(
    z.object({
      key: z.string(),
      contexts: z.array(z.string()),
      implements: z.array(z.string()),
      stages: z.array(
        z.object({
          elementId: z.string(),
          name: z.string(),
          candidateRoles: z.array(z.string()),
          timescale: z.string().nullable(),
          dueVariable: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export function registerPartnerships(api: RouteRegistry, deps: ApiDependencies): void {
  const mine = (p: { memberships: readonly { partnership: string }[] }) =>
    [...deps.partnerships.values()].filter((e) => p.memberships.some((m) => m.partnership === e.settings.id));
  api.add({
    method: 'get',
    path: '/partnerships',
    summary: 'The partnerships you belong to',
    tag: 'Partnerships',
    responses: { 200: { description: 'Your partnerships', schema: z.object({ items: z.array(summary) }) } },
    handler: async (_input, req) => ({ items: mine(req.principal!).map(summaryOf) }),
  });
  api.add({
    method: 'get',
    path: '/partnerships/:id',
    summary: 'A partnership: its procedure, agencies, roles, and each diagram’s stages and timescales',
    tag: 'Partnerships',
    params: z.object({ id: z.string().max(64) }),
    responses: {
      200: { description: 'The partnership', schema: detail },
      404: { description: 'Not one of yours' },
    },
    handler: async ({ params }, req) => {
      const entry = mine(req.principal!).find((e) => e.settings.id === params.id);
      if (!entry) throw notFound();
      return detailOf(entry, deps);
    },
  });
}

function summaryOf(e: PartnershipEntry): z.infer<typeof summary> {
  return { id: e.settings.id, name: e.settings.name, procedure: e.settings.procedure };
}

/** The partnership with each diagram's stages (user tasks) and their deadlines' timescales. */
function detailOf(e: PartnershipEntry, deps: ApiDependencies): z.infer<typeof detail> {
  return {
    ...summaryOf(e),
    division: e.settings.division,
    agencies: e.roles.agencies,
    roles: e.roles.roles.map((r) => ({
      role: r.role,
      description: r.description,
      scope: r.scope,
      titles: r.titles,
    })),
    diagrams: e.settings.diagrams.map((d) => {
      const deadlines = deps.forms.deadlines.get(d.key) ?? [];
      return {
        key: d.key,
        contexts: [...d.contexts],
        implements: [...d.implements],
        stages: [...(deps.forms.userTasks.get(d.key)?.values() ?? [])].map((t) => {
          const deadline =
            deadlines.find((x) => x.group === t.group && x.id === `${t.group}_ScheduleDeadline`) ??
            deadlines.find((x) => x.group === t.group);
          return {
            elementId: t.id,
            name: t.name,
            candidateRoles: t.candidateRoles,
            timescale: deadline?.timescale ?? null,
            dueVariable: deadline?.dueVariable ?? null,
          };
        }),
      };
    }),
  };
}
