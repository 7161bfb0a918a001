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

/**
 * Whose people hold a role. `agency`: held in each agency, so a notice reaches the parties' own people
 * (the raising professional's line manager, the other agency's senior manager). `partnership`: the
 * partnership's own staff, chairs and panels, one group for every escalation.
 */
export const ROLE_SCOPES = ['agency', 'partnership'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

/**
 * Which party's people an agency-scope notice goes to: the raiser's side, the other agency's side,
 * both, or (for partnership-scope roles) the partnership's group. A role that belongs to one side
 * (`side` in roles.json: the raising professional is always `raised-by`) keeps it; for the others a
 * notify task's `side` input decides, else `both` for agency scope, `partnership` for partnership scope.
 */
export const SIDES = ['raised-by', 'other', 'both', 'partnership'] as const;
export type Side = (typeof SIDES)[number];

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
    scope: z.enum(ROLE_SCOPES),
    /**
     * The side this role always belongs to, whatever a notice's `side` says (the raising professional:
     * `raised-by`), so one notice can tell both professionals with `side` both.
     */
    side: z.enum(['raised-by', 'other', 'both']).optional(),
    /**
     * The one agency that holds an agency-scope role whichever side it is told from, e.g.
     * Children's Social Care deciding a Section 47 question (east-riding §5).
     */
    agency: id.optional(),
  })
  .strict()
  .superRefine((role, ctx) => {
    if (role.scope === 'partnership' && (role.side !== undefined || role.agency !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [role.side !== undefined ? 'side' : 'agency'],
        message: "a partnership-scope role has no side or agency: the partnership's own group holds it",
      });
    }
  });

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
      if (role.agency !== undefined && !agencies.has(role.agency))
        ctx.addIssue({
          code: 'custom',
          path: ['roles', i, 'agency'],
          message: `unknown agency "${role.agency}"`,
        });
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
export type RoleSettings = Roles['roles'][number];

/** The side a role is told on when a notify task names none (see {@link SIDES}). */
export function defaultSide(role: RoleSettings): Side {
  if (role.scope === 'partnership') return 'partnership';
  return role.side ?? 'both';
}
