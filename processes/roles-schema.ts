/**
 * `processes/<partnership>/roles.json`: who acts at each stage, as data rather than diagram
 * structure (liverpool "Agency Representation" table). A diagram names only roles: notify tasks
 * carry `role`, user tasks carry the role as candidate group. This file maps each role to the
 * title it has in each agency and to the contact group that the notify worker and the task list
 * resolve to people. It never holds a person's name or address.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a kebab-case id');

const agencySchema = z.object({ id, name: z.string().min(1) }).strict();

const roleSchema = z
  .object({
    role: id,
    description: z.string().min(1),
    /** The procedure's paragraph that names this role. */
    source: z.string().min(1),
    /** The role's title in each agency (agency id → title); `*` applies to every agency. */
    titles: z.record(z.string(), z.string().min(1)),
    /** The group (mailbox, task-list group) that reaches whoever holds the role. */
    contactGroup: id,
  })
  .strict();

export const rolesSchema = z
  .object({ agencies: z.array(agencySchema).min(1), roles: z.array(roleSchema).min(1) })
  .strict()
  .superRefine((r, ctx) => {
    const agencies = new Set(r.agencies.map((a) => a.id));
    const roles = new Set<string>();
    r.roles.forEach((role, i) => {
      if (roles.has(role.role))
        ctx.addIssue({
          code: 'custom',
          path: ['roles', i, 'role'],
          message: `duplicate role "${role.role}"`,
        });
      roles.add(role.role);
      for (const agency of Object.keys(role.titles)) {
        if (agency !== '*' && !agencies.has(agency)) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', i, 'titles', agency],
            message: `unknown agency "${agency}"`,
          });
        }
      }
    });
  });

export type Roles = z.infer<typeof rolesSchema>;
