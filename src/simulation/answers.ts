/**
 * The simulation's answers to the diagram's external tasks, as the real workers would give them
 * where the route or a date depends on it: `escalation-schedule` is handled by the real deadline
 * worker (`createScheduleWorker`, the same code, calendar and partnership division the running
 * workers use); notices, record entries and documents change no variable, so they are completed
 * with nothing (no message is sent, nothing is written).
 */
import type { Clock } from '../clock/clock.js';
import type { LockedExternalTask, VariableMap } from '../engine/port.js';
import type { Calendars } from '../../workers/schedule/calendars.js';
import { createScheduleWorker } from '../../workers/schedule/schedule-worker.js';
import { PermanentError } from '../../workers/runtime/errors/permanent-error.js';
import { TaskView, type RawTask } from '../../workers/runtime/task.js';
import { DiagramTaskError } from './errors/diagram-task-error.js';

/** The topic whose tasks compute deadlines. */
export const SCHEDULE_TOPIC = 'escalation-schedule';

/** A deadline the worker computed. */
export interface ScheduleAnswer {
  activityId: string;
  timescale: string;
  dueVariable: string;
  due: Date;
  explanation: string[];
}

export interface TaskAnswer {
  variables: VariableMap;
  /** For an `escalation-schedule` task: the deadline it set. */
  schedule: ScheduleAnswer | null;
}

export interface TaskAnswerer {
  answer(task: LockedExternalTask): Promise<TaskAnswer>;
}

/** Answers external tasks with the real deadline worker; `clock` is the simulation's fake clock. */
export function createTaskAnswerer(deps: { calendars: Calendars; clock: Clock }): TaskAnswerer {
  const schedule = createScheduleWorker(deps);
  return {
    async answer(task) {
      if (task.topicName !== SCHEDULE_TOPIC) return { variables: {}, schedule: null };
      let result;
      try {
        result = await schedule.handle(new TaskView(rawTaskOf(task)));
      } catch (error) {
        // The real worker would open an incident and the escalation would wait there.
        if (error instanceof PermanentError) throw new DiagramTaskError(task.activityId, error.message);
        throw error;
      }
      if (result.kind !== 'complete')
        throw new Error(`${task.activityId}: the deadline worker did not complete`);
      return { variables: result.variables ?? {}, schedule: scheduleOf(task, result.variables ?? {}) };
    },
  };
}

function scheduleOf(task: LockedExternalTask, variables: VariableMap): ScheduleAnswer | null {
  const dueVariable = task.extensionProperties?.dueVariable ?? '';
  const due = variables[dueVariable]?.value;
  if (!(due instanceof Date)) return null;
  const explanation = variables[`${dueVariable}Explanation`]?.value;
  return {
    activityId: task.activityId,
    timescale: task.extensionProperties?.timescale ?? '',
    dueVariable,
    due,
    explanation: typeof explanation === 'string' ? explanation.split('\n') : [],
  };
}

/** The task as the official client hands it to a handler: typed values, Json parsed. */
function rawTaskOf(task: LockedExternalTask): RawTask {
  const typed = (name: string) => {
    const v = task.variables[name];
    if (!v) return null;
    const value = v.type === 'Json' && typeof v.value === 'string' ? JSON.parse(v.value) : v.value;
    return { type: v.type, value };
  };
  return {
    id: task.id,
    topicName: task.topicName,
    activityId: task.activityId,
    processInstanceId: task.processInstanceId,
    processDefinitionKey: task.processDefinitionKey,
    businessKey: task.businessKey,
    createTime: task.createTime.toISOString(),
    retries: task.retries,
    extensionProperties: task.extensionProperties ?? {},
    variables: {
      getTyped: typed,
      getAllTyped: () => Object.fromEntries(Object.keys(task.variables).map((n) => [n, typed(n)])),
    },
  };
}
