/**
 * The engine's state for `/metrics`, read on each scrape through the engine port, so the same
 * figures come from the embedded engine and from a Camunda 7 / Operaton behind ENGINE_URL. Every
 * figure is a count query (one indexed SQL count embedded, one `/count` request remote), all asked
 * side by side: about forty small queries for five partnerships, whatever the number of escalations.
 */
import type { EnginePort } from '../engine/port.js';

/** What one scrape reads. */
export interface EngineSnapshot {
  /** Per process definition key: running instances, open user tasks, those past their due date. */
  processes: { key: string; waiting: number; openTasks: number; overdueTasks: number }[];
  /** Per topic: tasks a worker may fetch, tasks locked by one, tasks out of retries (incidents). */
  topics: { topic: string; available: number; locked: number; failed: number }[];
  incidents: { failedExternalTask: number; failedJob: number };
  /** Timer jobs already due that have not fired, and how long the oldest has waited (ms; 0 when none). */
  timersOverdue: number;
  oldestOverdueTimerMs: number;
}

/** Reads the snapshot; throws when the engine does not answer (the scrape then reports engine_up 0). */
export async function readEngineSnapshot(
  engine: EnginePort,
  keys: readonly string[],
  topics: readonly string[],
  now: number,
): Promise<EngineSnapshot> {
  const dueBefore = new Date(now);
  const [processes, topicCounts, failedExternalTask, failedJob, timersOverdue, oldest] = await Promise.all([
    Promise.all(
      keys.map(async (key) => {
        const [waiting, openTasks, overdueTasks] = await Promise.all([
          engine.countProcessInstances({ processDefinitionKey: key }),
          engine.countUserTasks({ processDefinitionKey: key }),
          engine.countUserTasks({ processDefinitionKey: key, dueBefore }),
        ]);
        return { key, waiting, openTasks, overdueTasks };
      }),
    ),
    Promise.all(
      topics.map(async (topic) => {
        const [available, locked, failed] = await Promise.all([
          engine.countExternalTasks({ topicName: topic, notLocked: true, withRetriesLeft: true }),
          engine.countExternalTasks({ topicName: topic, locked: true }),
          engine.countExternalTasks({ topicName: topic, noRetriesLeft: true }),
        ]);
        return { topic, available, locked, failed };
      }),
    ),
    engine.countIncidents({ incidentType: 'failedExternalTask' }),
    engine.countIncidents({ incidentType: 'failedJob' }),
    engine.countJobs({ timers: true, executable: true }),
    engine.listJobs({
      timers: true,
      executable: true,
      sortBy: 'jobDueDate',
      sortOrder: 'asc',
      maxResults: 1,
    }),
  ]);
  const oldestDue = oldest[0]?.dueDate?.getTime();
  return {
    processes,
    topics: topicCounts,
    incidents: { failedExternalTask, failedJob },
    timersOverdue,
    oldestOverdueTimerMs: oldestDue === undefined ? 0 : Math.max(0, now - oldestDue),
  };
}
