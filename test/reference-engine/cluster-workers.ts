/**
 * The cluster test's workers: official-client workers on the four escalation topics, standing in for the real
 * workers (issue 8) the way the scenario tests' worker does. They complete every task explicitly; the schedule
 * worker sets the Date variable the task's `dueVariable` property names: the first stage's deadline to a fixed
 * instant (so it falls due during the outage), every later one weeks ahead. A ledger records, per external task
 * id, how often it was handed out and how often a completion was accepted.
 */
import {
  Client,
  Variables,
  type SubscribeOptions,
  type Task,
  type TaskService,
} from 'camunda-external-task-client-js';
import { TOPICS } from '../../processes/topics.js';

/** What the workers did, per external task id. */
export class Ledger {
  readonly handled = new Map<string, number>();
  readonly completed = new Map<string, number>();
  record(map: Map<string, number>, id: string): void {
    map.set(id, (map.get(id) ?? 0) + 1);
  }
}

/** How the workers poll and which deadlines they set. */
export interface WorkerOptions {
  lockMs: number;
  /** The due instant of `firstDueVariable`; every other due variable is set four weeks ahead. */
  firstDue: Date;
  firstDueVariable: string;
}

const FOUR_WEEKS_MS = 28 * 24 * 60 * 60 * 1000;
// The client (3.1) sends includeExtensionProperties; its @types (1.3) predate it.
const SUBSCRIBE = { includeExtensionProperties: true } as SubscribeOptions;

function dueVariables(task: Task, options: WorkerOptions): Variables | undefined {
  const properties = (task as Task & { extensionProperties?: Record<string, string> }).extensionProperties;
  const name = properties?.dueVariable;
  if (!name) return undefined;
  const due = name === options.firstDueVariable ? options.firstDue : new Date(Date.now() + FOUR_WEEKS_MS);
  return new Variables().set(name, due);
}

/** An official client on `baseUrl` subscribed to every escalation topic. */
export function startWorker(
  baseUrl: string,
  workerId: string,
  ledger: Ledger,
  options: WorkerOptions,
): Client {
  const client = new Client({
    baseUrl,
    workerId,
    asyncResponseTimeout: 2000,
    lockDuration: options.lockMs,
    maxTasks: 5,
    interval: 200,
  });
  for (const topic of Object.keys(TOPICS)) {
    client.subscribe(
      topic,
      SUBSCRIBE,
      async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
        ledger.record(ledger.handled, task.id!);
        try {
          await taskService.complete(task, dueVariables(task, options));
          ledger.record(ledger.completed, task.id!);
        } catch {
          // The node died under us: the lock expires and the task is redelivered through the other node.
        }
      },
    );
  }
  return client;
}
