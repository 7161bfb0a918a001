/**
 * An escalation's stages as the people in it speak of them: each user task the escalation reached
 * (from the engine's history), when it started, when it is or was due and why (the explanation the
 * `escalation-schedule` worker wrote with the partnership's working-day calendar, read back from
 * the process variable `<dueVariable>Explanation`, never worked out again here), whether it is or
 * was overdue, when it ended and with what outcome (from the written record).
 */
import type { HistoricTask, HistoricVariableInstance } from '../engine/port.js';
import type { UserTaskInfo } from '../../processes/forms-catalogue.js';
import { groupOf } from '../../processes/stage-ids.js';

/** One stage (user task instance) reached. */
export interface StageView {
  elementId: string;
  name: string;
  startedAt: Date;
  due: Date | null;
  /** The calendar's explanation of `due` (working days counted, days skipped), one line per step. */
  dueExplanation: string | null;
  overdue: boolean;
  endedAt: Date | null;
  /** The outcome recorded for it (`resolved`, `unresolved`, `breached`, …); null while open or not recorded. */
  outcome: string | null;
}

/** A due variable the schedule worker set: its Date and its explanation. */
export interface DueFact {
  due: Date | null;
  explanation: string | null;
}

/** What a record entry tells the stages: its element and its outcome. */
export interface OutcomeEntry {
  kind: string;
  elementId: string;
  outcome: string | null;
}

/** Record kinds that end a stage with an outcome. */
const STAGE_ENDINGS = new Set(['stage-outcome', 'stage-breached']);

/**
 * Whether a deadline has passed: due before the stage ended, or before now while it is open. A
 * stage ended exactly at its deadline (a timer firing on time) met it; its outcome says `breached`.
 */
export function isOverdue(due: Date | null, endedAt: Date | null, now: Date): boolean {
  return due !== null && due.getTime() < (endedAt ?? now).getTime();
}

/** The due variables (`…Due`) and their explanations (`…DueExplanation`) among the historic variables. */
export function dueFactsOf(variables: readonly HistoricVariableInstance[]): Map<string, DueFact> {
  const facts = new Map<string, DueFact>();
  const fact = (name: string) =>
    facts.get(name) ?? facts.set(name, { due: null, explanation: null }).get(name)!;
  for (const v of variables) {
    if (v.state !== 'CREATED') continue;
    if (v.name.endsWith('DueExplanation') && typeof v.value === 'string')
      fact(v.name.slice(0, -'Explanation'.length)).explanation = v.value;
    else if (v.name.endsWith('Due') && v.value instanceof Date) fact(v.name).due = v.value;
  }
  return facts;
}

export interface StagesInput {
  /** The escalation's historic user tasks. */
  tasks: readonly HistoricTask[];
  /** Its diagram's user tasks by element id (for each task's due variable). */
  userTasks: ReadonlyMap<string, UserTaskInfo> | undefined;
  dues: ReadonlyMap<string, DueFact>;
  /** Its record entries in order. */
  record: readonly OutcomeEntry[];
  now: Date;
}

/** The stages reached, in the order they started. */
export function stagesOf(input: StagesInput): StageView[] {
  const tasks = [...input.tasks].sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  const outcomes = outcomesByTask(tasks, input.record);
  return tasks.map((t) => {
    const dueVariable = input.userTasks?.get(t.taskDefinitionKey)?.dueVariable ?? null;
    const fact = dueVariable ? input.dues.get(dueVariable) : undefined;
    // A stage that repeats (Northamptonshire's Stage 3 levels) overwrites its due variable: an
    // explanation is shown only for the deadline it explains.
    const explains = fact?.due && t.due && fact.due.getTime() === t.due.getTime();
    return {
      elementId: t.taskDefinitionKey,
      name: t.name ?? t.taskDefinitionKey,
      startedAt: t.startTime,
      due: t.due,
      dueExplanation: explains ? fact!.explanation : null,
      overdue: isOverdue(t.due, t.endTime, input.now),
      endedAt: t.endTime,
      outcome: outcomes.get(t.id) ?? null,
    };
  });
}

/**
 * Pairs each ended task with the record's outcome entries of its group (`Stage2_RecordOutcome` ↔
 * `Stage2_RecordCaseFile`, `Stage2_BreachRecord`): the n-th ended task of a group with the n-th
 * outcome entry of that group. The record worker writes an entry after its stage ends, so a stage
 * just ended may have none yet.
 */
function outcomesByTask(
  tasks: readonly HistoricTask[],
  record: readonly OutcomeEntry[],
): Map<string, string> {
  const queues = new Map<string, string[]>();
  for (const e of record) {
    if (!STAGE_ENDINGS.has(e.kind) || e.outcome === null) continue;
    const group = groupOf(e.elementId);
    queues.set(group, [...(queues.get(group) ?? []), e.outcome]);
  }
  const ended = tasks
    .filter((t) => t.endTime !== null)
    .sort(
      (a, b) => a.endTime!.getTime() - b.endTime!.getTime() || a.startTime.getTime() - b.startTime.getTime(),
    );
  const result = new Map<string, string>();
  for (const t of ended) {
    const outcome = queues.get(groupOf(t.taskDefinitionKey))?.shift();
    if (outcome !== undefined) result.set(t.id, outcome);
  }
  return result;
}
