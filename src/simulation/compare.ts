/**
 * Two timelines side by side (a deployed diagram and an edited copy, simulated with the same raise
 * instant and outcomes): stages are paired by element id and occurrence (the second Stage 3 level
 * with the second), and every date that differs is marked as moved.
 */
import type { Timeline, TimelineStage } from './timeline.js';

/** One row: a stage in either timeline or both. */
export interface ComparedStage {
  base: TimelineStage | null;
  compare: TimelineStage | null;
  /** The stage starts at another instant (or exists on one side only). */
  startMoved: boolean;
  /** Its deadline or reminder date differs (or exists on one side only). */
  moved: boolean;
}

export interface Comparison {
  base: Timeline;
  compare: Timeline;
  rows: ComparedStage[];
}

/** The date a stage is held to: its deadline, else its reminder. */
export const stageDate = (s: TimelineStage | null): string | null => s?.due ?? s?.reminder ?? null;

/** Pairs the stages of two timelines in order and marks what moved. */
export function compareTimelines(base: Timeline, compare: Timeline): Comparison {
  const others = keyed(compare.stages);
  const matched = new Set<number>();
  const rows: ComparedStage[] = [];
  let next = 0;
  for (const [key, stage] of keyed(base.stages)) {
    const at = others.findIndex(([k], i) => k === key && !matched.has(i));
    if (at >= 0) {
      // Stages only the other diagram has, reached before this one, come first.
      for (; next < at; next++) if (!matched.has(next)) rows.push(row(null, others[next]![1]));
      matched.add(at);
      next = Math.max(next, at + 1);
      rows.push(row(stage, others[at]![1]));
    } else rows.push(row(stage, null));
  }
  others.forEach(([, stage], i) => {
    if (!matched.has(i) && i >= next) rows.push(row(null, stage));
  });
  return { base, compare, rows };
}

/** Each stage with a key `elementId#n` for its nth occurrence. */
function keyed(stages: readonly TimelineStage[]): [string, TimelineStage][] {
  const seen = new Map<string, number>();
  return stages.map((s) => {
    const n = (seen.get(s.elementId) ?? 0) + 1;
    seen.set(s.elementId, n);
    return [`${s.elementId}#${n}`, s];
  });
}

function row(base: TimelineStage | null, compare: TimelineStage | null): ComparedStage {
  const both = base !== null && compare !== null;
  return {
    base,
    compare,
    startMoved: !both || base.startedAt !== compare.startedAt,
    moved: !both || stageDate(base) !== stageDate(compare),
  };
}
