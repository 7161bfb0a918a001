/**
 * What `POST /simulations` takes and answers (zod: also the OpenAPI document's schemas), and the
 * answer made from two simulated timelines compared stage by stage (src/simulation/compare.ts).
 */
import { z } from 'zod';
import type { Comparison, TimelineStage } from '../../simulation/index.js';
import { instant } from './shapes.js';

export const simulationBody = z
  .object({
    diagram: z
      .string()
      .min(1)
      .max(900_000)
      .describe('The edited diagram: BPMN 2.0 XML with one executable process of your partnership'),
    raisedAt: z
      .string()
      .max(64)
      .describe(
        'When the escalation is raised, an RFC 3339 instant with its offset, e.g. 2026-12-17T15:00:00Z',
      ),
    outcomes: z
      .array(z.string().max(64))
      .max(50)
      .optional()
      .describe(
        'Outcomes for the stages whose outcome decides the route, in order; then the branch that escalates',
      ),
    atOnce: z.boolean().optional().describe('Answer each stage as soon as it starts (the earliest dates)'),
    deployedVersion: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The deployed version to compare with; default: the latest'),
  })
  .strict();

export type SimulationBody = z.infer<typeof simulationBody>;

const stageSchema = z.object({
  elementId: z.string(),
  name: z.string(),
  startedAt: instant,
  due: instant.nullable(),
  timescale: z.string().nullable(),
  explanation: z.array(z.string()).nullable(),
  kind: z.enum(['deadline', 'reminder', 'none']),
  reminder: instant.nullable(),
  dueVariable: z.string().nullable(),
  timer: z
    .object({
      id: z.string(),
      name: z.string(),
      interrupting: z.boolean(),
      leadsTo: z.array(z.object({ id: z.string(), name: z.string() })),
    })
    .nullable(),
  answeredAt: instant.nullable(),
  outcome: z.string().nullable(),
  chosen: z.string().describe('given, escalates, no-decision, missed or closed'),
});

const endSchema = z.object({
  kind: z.enum(['completed', 'task-limit', 'waiting']),
  at: instant,
  elementId: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  limit: z.number().int().optional(),
  detail: z.string().optional(),
});

export const simulationAnswer = z.object({
  processKey: z.string(),
  partnership: z.string(),
  raisedAt: instant,
  atOnce: z.boolean(),
  deployed: z.object({ version: z.number().int(), definitionId: z.string() }),
  rows: z
    .array(
      z.object({
        edited: stageSchema
          .nullable()
          .describe('The stage under the edited diagram; null if only the deployed one reaches it'),
        deployed: stageSchema
          .nullable()
          .describe('The stage under the deployed version; null if only the edited one reaches it'),
        moved: z.boolean().describe('Its deadline or reminder date differs, or only one diagram reaches it'),
        startMoved: z.boolean(),
      }),
    )
    .describe('Stages paired by element id and occurrence, in the order they start'),
  movedDates: z.number().int().describe('How many rows are moved'),
  editedEnd: endSchema,
  deployedEnd: endSchema,
  unusedOutcomes: z.array(z.string()),
});

export type SimulationAnswer = z.infer<typeof simulationAnswer>;

/** The answer for a comparison of the deployed version (base) with the edited diagram. */
export function answerOf(
  comparison: Comparison,
  partnership: string,
  deployed: { version: number; definitionId: string },
): SimulationAnswer {
  const { base, compare, rows } = comparison;
  return {
    processKey: compare.processKey,
    partnership,
    raisedAt: compare.raisedAt,
    atOnce: compare.atOnce,
    deployed,
    rows: rows.map((r) => ({
      edited: stageOf(r.compare),
      deployed: stageOf(r.base),
      moved: r.moved,
      startMoved: r.startMoved,
    })),
    movedDates: rows.filter((r) => r.moved).length,
    editedEnd: compare.end,
    deployedEnd: base.end,
    unusedOutcomes: compare.unusedOutcomes,
  };
}

function stageOf(s: TimelineStage | null): z.infer<typeof stageSchema> | null {
  if (s === null) return null;
  return {
    elementId: s.elementId,
    name: s.name,
    startedAt: s.startedAt,
    due: s.due,
    timescale: s.timescale,
    explanation: s.explanation,
    kind: s.kind,
    reminder: s.reminder,
    dueVariable: s.dueVariable,
    timer: s.timer,
    answeredAt: s.answeredAt,
    outcome: s.outcome,
    chosen: s.chosen,
  };
}
