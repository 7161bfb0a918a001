/**
 * The timeline as JSON: `{ "stages": [{ "elementId", "name", "startedAt", "due", "timescale",
 * "explanation", … }] }` with the run's settings and end beside it. Compared, each stage of the
 * first diagram also has the other's dates (`compareDue`, `compareReminder`, `compareStartedAt`)
 * and `moved` (its deadline or reminder date differs); stages only the other diagram reaches are
 * listed in `compareOnly`.
 */
import type { Comparison } from './compare.js';
import type { Timeline, TimelineStage } from './timeline.js';

/** Pretty-printed JSON of a timeline, with a final newline. */
export function renderTimelineJson(timeline: Timeline): string {
  return `${JSON.stringify(timelineObject(timeline), null, 2)}\n`;
}

/** Pretty-printed JSON of a comparison; `files` names the two diagrams. */
export function renderComparisonJson(
  comparison: Comparison,
  files: { base: string; compare: string },
): string {
  const { base, compare, rows } = comparison;
  const object = {
    ...settingsOf(base),
    diagram: files.base,
    compareDiagram: files.compare,
    stages: rows
      .filter((r) => r.base !== null)
      .map((r) => ({
        ...stageObject(r.base!),
        compareStartedAt: r.compare?.startedAt ?? null,
        compareDue: r.compare?.due ?? null,
        compareReminder: r.compare?.reminder ?? null,
        compareTimescale: r.compare?.timescale ?? null,
        moved: r.moved,
        startMoved: r.startMoved,
      })),
    compareOnly: rows.filter((r) => r.base === null).map((r) => stageObject(r.compare!)),
    movedDates: rows.filter((r) => r.moved).length,
    end: base.end,
    compareEnd: compare.end,
    unusedOutcomes: base.unusedOutcomes,
  };
  return `${JSON.stringify(object, null, 2)}\n`;
}

function timelineObject(t: Timeline): object {
  return {
    ...settingsOf(t),
    stages: t.stages.map(stageObject),
    end: t.end,
    unusedOutcomes: t.unusedOutcomes,
  };
}

function settingsOf(t: Timeline): object {
  return {
    processKey: t.processKey,
    processName: t.processName,
    partnership: t.partnership,
    raisedAt: t.raisedAt,
    atOnce: t.atOnce,
  };
}

/** The stage with the fields first, in its order. */
function stageObject(s: TimelineStage): TimelineStage {
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
    answer: s.answer,
    chosen: s.chosen,
  };
}
