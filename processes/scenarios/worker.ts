/**
 * The scenario tests' stand-in for the four external-task workers, through the engine port: the
 * deadline worker computes the due date with the calendar's `dueFor`, the others only log what
 * they were asked to do. Every task of the escalation is completed explicitly.
 */
import { dueFor } from '../../src/calendar/index.js';
import type { EnginePort, LockedExternalTask, VariableMap } from '../../src/engine/port.js';
import { TOPICS } from '../topics.js';

export interface HandledTask {
  activityId: string;
  topic: string;
  inputs: Record<string, unknown>;
  properties: Record<string, string>;
  /** For escalation-schedule: the computed deadline. */
  due?: Date;
}

function scheduleResult(task: LockedExternalTask, now: Date): { vars: VariableMap; due: Date } {
  const props = task.extensionProperties ?? {};
  const raised = task.variables.raisedAt?.value;
  const result = dueFor(props.timescale ?? '', { from: now, raised: raised instanceof Date ? raised : null });
  const name = props.dueVariable ?? '';
  return {
    due: result.due,
    vars: {
      [name]: { type: 'Date', value: result.due },
      [`${name}Explanation`]: { type: 'String', value: result.explanation.join('\n') },
    },
  };
}

/** Fetches and completes this escalation's external tasks until none is left; returns them in order. */
export async function drainExternalTasks(
  engine: EnginePort,
  businessKey: string,
  now: () => Date,
): Promise<HandledTask[]> {
  const handled: HandledTask[] = [];
  for (;;) {
    const tasks = await engine.fetchAndLock({
      workerId: 'scenario-worker',
      maxTasks: 10,
      topics: Object.keys(TOPICS).map((topicName) => ({
        topicName,
        lockDuration: 60_000,
        businessKey,
        includeExtensionProperties: true,
      })),
    });
    if (tasks.length === 0) return handled;
    // Parallel branches may come back in any order; a stable order keeps the log comparable.
    tasks.sort((a, b) => a.activityId.localeCompare(b.activityId));
    for (const task of tasks) handled.push(await handle(engine, task, now()));
  }
}

async function handle(engine: EnginePort, task: LockedExternalTask, now: Date): Promise<HandledTask> {
  const inputs = Object.fromEntries(Object.entries(task.variables).map(([k, v]) => [k, v.value]));
  const entry: HandledTask = {
    activityId: task.activityId,
    topic: task.topicName,
    inputs,
    properties: task.extensionProperties ?? {},
  };
  let variables: VariableMap = {};
  if (task.topicName === 'escalation-schedule') {
    const r = scheduleResult(task, now);
    variables = r.vars;
    entry.due = r.due;
  }
  await engine.completeExternalTask(task.id, { workerId: 'scenario-worker', variables });
  return entry;
}
