/**
 * The partnership report's JSON (`GET /reports/partnerships/:id`), one zod schema: the API answers
 * it, the OpenAPI document describes it, the CSV, PDF and charts are drawn from it, and the web UI
 * types its page with it. Counts are exact here (suppression is for exported files only). See
 * docs/reports.md for what each figure means and which paragraph of the procedures asks for it.
 */
import { z } from 'zod';

const count = z.number().int().min(0);
const stageKey = z.string().describe('The stage as the record names it: "2", "Manager to Manager", …');
const label = z.string().describe('How people name it: "Stage 2", "Manager to Manager"');

/** Median and 90th percentile (nearest rank) of a set of durations, in hours. */
export const durationsSchema = z.object({
  count: count.describe('How many durations'),
  medianHours: z.number().nullable().describe('The smallest duration at least half took (null: none)'),
  p90Hours: z.number().nullable().describe('The smallest duration at least 90% took (null: none)'),
});

const agencyCount = z.object({ agency: z.string(), name: z.string(), count });

export const partnershipReportSchema = z.object({
  partnership: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }).describe('[from, to): RFC 3339, UTC'),
  asAt: z
    .string()
    .describe('The record is read as it stood at this instant: the end of the period, or now if sooner'),
  raised: count.describe('Escalations raised in the period'),
  status: z
    .object({ open: count, resolved: count, closedUnresolved: count, withdrawn: count })
    .describe('Where the escalations raised in the period stood at asAt'),
  byRaisingAgency: z.array(agencyCount).describe('Raised in the period, by the raising agency'),
  byAgencyPair: z.array(
    z.object({
      raisingAgency: z.string(),
      raisingAgencyName: z.string(),
      otherAgency: z.string(),
      otherAgencyName: z.string(),
      count,
    }),
  ),
  byContext: z
    .array(z.object({ context: z.string(), label: z.string(), count }))
    .describe('By disagreement context (the theme): every context the partnership’s diagrams handle'),
  stages: z
    .array(
      z.object({
        stage: stageKey,
        label,
        reached: count.describe('Escalations with an entry of this stage in the record'),
        furthest: count.describe('Escalations for which this is the furthest stage recorded'),
        timeAtStage: durationsSchema.describe(
          'From the end of the stage before (or the raise) to the end of this one',
        ),
      }),
    )
    .describe('Every stage of the procedure, in order'),
  noStageRecorded: count.describe('Escalations with no stage recorded yet (still at their first step)'),
  resolvedAtStage: z
    .array(z.object({ stage: stageKey, label, count, timeToResolve: durationsSchema }))
    .describe('Resolved escalations by the stage whose outcome resolved them'),
  closedUnresolvedAtStage: z.array(z.object({ stage: stageKey.nullable(), label, count })),
  timeToResolve: durationsSchema.describe('From the raise to the resolution, for every resolved escalation'),
  deadlines: z.object({
    met: count,
    breached: count,
    byStage: z.array(z.object({ stage: stageKey, label, met: count, breached: count })),
    byAgency: z
      .array(z.object({ agency: z.string(), name: z.string(), met: count, breached: count }))
      .describe('Deadlines of the escalations each agency is a party to (raising or other)'),
  }),
  immediateRisk: z.object({
    routings: count.describe('Times a concern was taken into child protection procedures'),
    escalations: count,
    atRaise: count.describe('Routed when raised'),
    later: count.describe('Reported at a later stage'),
  }),
  conferences: z.object({
    total: count.describe('Disagreements about or at a child protection conference'),
    byContext: z.array(z.object({ context: z.string(), label: z.string(), count })),
    referredToDissentProcedure: count.describe('Wiltshire “Please note”: sent to the Dissent Procedure'),
  }),
  withdrawals: z.object({
    total: count,
    byStage: z
      .array(z.object({ stage: stageKey.nullable(), label, count }))
      .describe('The last stage recorded before the withdrawal (null: before any stage ended)'),
  }),
  lessons: z.object({
    entries: count.describe('Lessons considered (a lessons entry in the record)'),
    withLessons: count.describe('Of those, with at least one category of lessons'),
    byCategory: z.array(
      z.object({
        category: z.string(),
        label: z.string(),
        count,
        routes: z.array(z.object({ route: z.string(), count })),
      }),
    ),
    routes: z
      .array(z.object({ route: z.string(), label: z.string(), citation: z.string(), count }))
      .describe('Where the lessons went, as the procedure routes them'),
  }),
  agenciesWithoutEscalations: z
    .array(
      z.object({
        agency: z.string(),
        name: z.string(),
        previousPeriods: z
          .array(z.object({ from: z.string(), to: z.string(), raised: count }))
          .describe('Escalations it raised in each of the periods before, oldest first'),
      }),
    )
    .describe('Agencies of roles.json that raised none in the period (Wiltshire §2.6)'),
});

export type PartnershipReport = z.infer<typeof partnershipReportSchema>;
export type Durations = z.infer<typeof durationsSchema>;
