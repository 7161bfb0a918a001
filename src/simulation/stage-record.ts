/**
 * A stage as it stands when it starts: its timer's date read from the engine's timer job (the date
 * the engine would really fire at), the deadline worker's timescale and explanation for the Date
 * variable the timer reads, and when the simulation will answer it.
 */
import type { UserTask, VariableMap } from '../engine/port.js';
import type { ScheduleAnswer } from './answers.js';
import { stageTimer, type Diagram } from './diagram.js';
import type { StageKind, StageTimer } from './timeline.js';

/** One minute: stages are answered this long before their date unless answered at once. */
export const ANSWER_MARGIN_MS = 60_000;

/** What the stage record reads of a user task (open, or from history). */
export type StageTaskView = Pick<UserTask, 'id' | 'taskDefinitionKey' | 'name' | 'created' | 'executionId'>;

/** A started stage, before its answer. */
export interface StartedStage {
  taskId: string;
  elementId: string;
  name: string;
  startedAt: Date;
  kind: StageKind;
  /** The timer's date (deadline or reminder), null without a timer job. */
  date: Date | null;
  timescale: string | null;
  explanation: string[] | null;
  dueVariable: string | null;
  timer: StageTimer | null;
  /** When the simulation answers it. */
  answerAt: Date;
}

export interface StageSources {
  diagram: Diagram;
  /** The date of the timer job of boundary event `timerId`, if the engine has one. */
  timerDate(timerId: string): Promise<Date | null>;
  variables: VariableMap;
  /** The last deadline the worker computed for each Date variable. */
  schedules: ReadonlyMap<string, ScheduleAnswer>;
  now: Date;
  atOnce: boolean;
}

/** Reads a just-started stage. */
export async function startedStage(task: StageTaskView, sources: StageSources): Promise<StartedStage> {
  const { diagram } = sources;
  const elementId = task.taskDefinitionKey;
  const boundary = stageTimer(diagram, elementId);
  const dueVariable = boundary?.dueVariable ?? null;
  // A stage that already ended has no timer job left: its Date variable still holds the date.
  const held = dueVariable ? sources.variables[dueVariable]?.value : undefined;
  const date =
    (boundary ? await sources.timerDate(boundary.id) : null) ?? (held instanceof Date ? held : null);
  const kind: StageKind = !boundary || !date ? 'none' : boundary.interrupting ? 'deadline' : 'reminder';
  const computed = dueVariable ? sources.schedules.get(dueVariable) : undefined;
  const explanation = dueVariable ? sources.variables[`${dueVariable}Explanation`]?.value : undefined;
  const margin = date ? date.getTime() - ANSWER_MARGIN_MS : sources.now.getTime();
  return {
    taskId: task.id,
    elementId,
    name: diagram.stages.get(elementId)?.name ?? task.name ?? elementId,
    startedAt: task.created,
    kind,
    date: kind === 'none' ? null : date,
    timescale: computed?.timescale ?? (boundary && !dueVariable ? boundary.expression : null),
    explanation: typeof explanation === 'string' ? explanation.split('\n') : null,
    dueVariable,
    timer: boundary
      ? {
          id: boundary.id,
          name: boundary.name,
          interrupting: boundary.interrupting,
          leadsTo: boundary.targets,
        }
      : null,
    answerAt: new Date(sources.atOnce ? sources.now.getTime() : Math.max(sources.now.getTime(), margin)),
  };
}
