/**
 * `processes/<partnership>/partnership.json`: a partnership's settings. The diagrams carry the
 * timescales and the structure; this file carries what is not BPMN: the UK division whose bank
 * holidays count (issue 6), how long finished escalations' history is kept, and which diagram
 * handles which kind of disagreement.
 */
import { z } from 'zod';
import { DEFAULT_DIVISION, DIVISIONS } from '../src/calendar/index.js';
import { DISAGREEMENT_CONTEXTS, PARTNERSHIPS } from './variables.js';

const diagramSchema = z
  .object({
    /** File name inside `processes/<partnership>/`. */
    file: z.string().regex(/^[a-z0-9-]+\.bpmn$/, 'a kebab-case .bpmn file name'),
    /** The executable process id, i.e. the definition key. */
    key: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'a PascalCase process id'),
    /** The procedure's paragraphs it implements, e.g. "§2", "3.1". */
    implements: z.array(z.string().min(1)).min(1),
    /** Disagreement contexts that start this diagram (`disagreementContext`). */
    contexts: z.array(z.enum(DISAGREEMENT_CONTEXTS)).min(1),
  })
  .strict();

export const partnershipSchema = z
  .object({
    id: z.enum(PARTNERSHIPS),
    name: z.string().min(1),
    /** The procedure as published: how docs, documents and the API cite it. */
    procedure: z
      .object({ title: z.string().min(1), edition: z.string().min(1), publisher: z.string().min(1) })
      .strict(),
    division: z.enum(DIVISIONS).default(DEFAULT_DIVISION),
    /** An optional GOV.UK-format bank-holidays override file (local closure days), relative to this folder. */
    holidaysFile: z.string().min(1).nullable().default(null),
    /** Days; written as `camunda:historyTimeToLive` on every diagram of the partnership. */
    historyTimeToLive: z.number().int().min(1).max(36500),
    diagrams: z.array(diagramSchema).min(1),
    /**
     * northamptonshire Stage 3 ("This should continue through an organisation's management
     * structure"): how many senior-manager levels Stage 3 climbs before Stage 4 (default 3).
     * Passed to every raise as the start variable `stage3MaxLevels`.
     */
    stage3MaxLevels: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Map<string, string>();
    for (const d of p.diagrams) {
      for (const c of d.contexts) {
        if (seen.has(c)) {
          ctx.addIssue({
            code: 'custom',
            path: ['diagrams'],
            message: `context "${c}" is handled by both ${seen.get(c)} and ${d.file}`,
          });
        }
        seen.set(c, d.file);
      }
    }
  });

export type PartnershipSettings = z.infer<typeof partnershipSchema>;
export type DiagramSettings = PartnershipSettings['diagrams'][number];
