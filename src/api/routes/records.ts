/**
 * `GET /records/verify`: whether the written record's hash chain is intact, walked in full on each
 * request (the record is one chain over every partnership, so a break anywhere is a break). What it
 * answers leaks nothing of escalations the user cannot see:
 * - `valid` is the whole chain's status (a yes or no about the service, not about any escalation);
 * - `entriesYouCanSee` counts only the entries of escalations the user may see, never the total;
 * - `firstBroken` names where the chain breaks only when that entry belongs to an escalation the
 *   user may see, with a problem code and words of our own (the store's text has sequence numbers,
 *   which would tell how much is recorded elsewhere); otherwise it is null.
 * Audited as `record.verify`.
 */
import { z } from 'zod';
import type { Request } from 'express';
import { canSee } from '../../access/access-rule.js';
import { visibilityFilter } from '../../access/visibility-sql.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { audit } from '../escalations/visible.js';
import { instant } from './shapes.js';

export const PROBLEMS = {
  'missing-entry': 'An entry is missing from the chain.',
  'broken-link': 'The entry no longer links to the entry before it.',
  'altered-entry': 'The entry was changed after it was written.',
  'unreadable-payload': 'The entry’s details cannot be decrypted (changed bytes or another key).',
  'altered-payload': 'The entry’s details were changed after they were written.',
} as const;
type Problem = keyof typeof PROBLEMS;

const verifySchema = z
  .object({
    valid: z.boolean().describe('Whether the whole record (every partnership’s) verifies'),
    checkedAt: instant,
    entriesYouCanSee: z.number().int().describe('Entries of escalations you can see'),
    firstBroken: z
      .object({
        escalationId: z.string(),
        kind: z.string(),
        recordedAt: instant,
        problem: z.enum(Object.keys(PROBLEMS) as [Problem, ...Problem[]]),
        message: z.string(),
      })
      .nullable()
      .describe('Where the chain first breaks, when that entry is of an escalation you can see; else null'),
  })
  .describe(
    'The record is one hash chain over every partnership. valid is the whole chain’s status; the count and ' +
      'where it breaks cover only escalations you can see, so nothing is told of the others (not even how many entries they have).',
  );

/** The store's reason as a stable code (its text names sequence numbers, which are not shown). */
function problemOf(reason: string): Problem {
  if (/is missing/.test(reason)) return 'missing-entry';
  if (/prev_hash/.test(reason)) return 'broken-link';
  if (/cannot be decrypted/.test(reason)) return 'unreadable-payload';
  if (/payload does not match/.test(reason)) return 'altered-payload';
  return 'altered-entry';
}

export function registerRecords(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/records/verify',
    summary: 'Whether the written record’s hash chain is intact',
    tag: 'Records',
    responses: {
      200: { description: 'The chain’s status, as far as you may know it', schema: verifySchema },
    },
    handler: async (_input, req) => {
      const status = deps.stores.record.verify();
      const answer: z.infer<typeof verifySchema> = {
        valid: status.ok,
        checkedAt: new Date(deps.clock.now()).toISOString(),
        entriesYouCanSee: visibleEntries(deps, req),
        firstBroken: status.ok ? null : brokenIfVisible(deps, req, status.brokenAt, status.reason),
      };
      audit(
        deps,
        req,
        'record.verify',
        answer.firstBroken?.escalationId ?? null,
        status.ok ? 'valid' : 'broken',
      );
      return answer;
    },
  });
}

function visibleEntries(deps: ApiDependencies, req: Request): number {
  const visible = visibilityFilter(req.principal!, deps.roles);
  const row = deps.stores.db
    .prepare(
      `SELECT count(*) AS n FROM record_entries r JOIN escalations e ON e.id = r.escalation_id WHERE ${visible.where}`,
    )
    .get(...visible.params) as { n: number };
  return row.n;
}

function brokenIfVisible(
  deps: ApiDependencies,
  req: Request,
  seq: number,
  reason: string,
): z.infer<typeof verifySchema>['firstBroken'] {
  // Read the bare row: the broken entry's payload may not unseal.
  const row = deps.stores.db
    .prepare('SELECT escalation_id, kind, recorded_at FROM record_entries WHERE seq = ?')
    .get(seq) as { escalation_id: string; kind: string; recorded_at: string } | undefined;
  const escalation = row && deps.stores.escalations.get(row.escalation_id);
  if (!row || !escalation) return null;
  if (!canSee(req.principal!, deps.stores.escalations.access(escalation), deps.roles)) return null;
  const problem = problemOf(reason);
  return {
    escalationId: row.escalation_id,
    kind: row.kind,
    recordedAt: row.recorded_at,
    problem,
    message: PROBLEMS[problem],
  };
}
