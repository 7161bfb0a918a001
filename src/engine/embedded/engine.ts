/**
 * The embedded engine: the port's methods, each delegated to the service that owns it, plus the
 * lifecycle (`idle`, `backup`, `runHistoryCleanup`, `close`).
 */
import type { EnginePort } from '../port.js';
import type { EngineCore } from './core.js';
import type { OwnerLock } from './store/owner-lock.js';
import type { DeploymentService } from './services/deployments.js';
import type { DefinitionService } from './services/definitions.js';
import type { InstanceService } from './services/instances.js';
import type { ExternalTaskService } from './services/external-tasks.js';
import type { UserTaskService } from './services/user-tasks.js';
import type { MessageService } from './services/messages.js';
import type { IncidentService } from './services/incidents.js';
import type { JobService } from './services/jobs.js';
import type { JobScheduler } from './services/scheduler.js';
import type { HistoryService } from './services/history.js';
import type { HistoryCleanup } from './services/history-cleanup.js';

export interface Services {
  deployments: DeploymentService;
  definitions: DefinitionService;
  instances: InstanceService;
  externalTasks: ExternalTaskService;
  userTasks: UserTaskService;
  messages: MessageService;
  incidents: IncidentService;
  jobs: JobService;
  scheduler: JobScheduler;
  history: HistoryService;
  cleanup: HistoryCleanup;
}

/**
 * Settles `call` only once the group commit it wrote to (or read from) is durable. A call that
 * read another step's writes in the same turn waits for them too, so no answer ever reports a
 * state that a crash could still take back. If that commit fails, the call fails with it.
 */
export async function answerAfterCommit<T>(call: () => Promise<T>, settled: () => Promise<void>): Promise<T> {
  let result: T;
  try {
    result = await call();
  } catch (error) {
    await settled();
    throw error;
  }
  await settled();
  return result;
}

/** The named methods of `target`, bound to it, each answering after its commit. */
function bind<T extends object, K extends keyof T>(
  target: T,
  names: readonly K[],
  settled: () => Promise<void>,
): Pick<T, K> {
  const bound = {} as Pick<T, K>;
  for (const name of names) {
    const method = target[name] as (...args: unknown[]) => Promise<unknown>;
    (bound as Record<K, unknown>)[name] = (...args: unknown[]) =>
      answerAfterCommit(() => method.apply(target, args), settled);
  }
  return bound;
}

/** Which service owns which port methods. */
const DEPLOYMENTS_METHODS = [
  'deploy',
  'listDeployments',
  'countDeployments',
  'getDeployment',
  'listDeploymentResources',
  'getDeploymentResourceData',
  'deleteDeployment',
] as const;
const DEFINITIONS_METHODS = [
  'listProcessDefinitions',
  'countProcessDefinitions',
  'getProcessDefinition',
  'getProcessDefinitionByKey',
  'getProcessDefinitionXml',
] as const;
const INSTANCES_METHODS = [
  'startProcessInstance',
  'listProcessInstances',
  'countProcessInstances',
  'getProcessInstance',
  'deleteProcessInstance',
  'getActivityInstanceTree',
  'getProcessVariables',
  'getProcessVariable',
  'modifyProcessVariables',
  'getExecutionLocalVariable',
] as const;
const EXTERNAL_TASKS_METHODS = [
  'fetchAndLock',
  'completeExternalTask',
  'handleExternalTaskFailure',
  'handleExternalTaskBpmnError',
  'extendExternalTaskLock',
  'lockExternalTask',
  'unlockExternalTask',
  'setExternalTaskRetries',
  'listExternalTasks',
  'countExternalTasks',
  'getExternalTask',
  'getExternalTaskErrorDetails',
] as const;
const USER_TASKS_METHODS = [
  'listUserTasks',
  'countUserTasks',
  'getUserTask',
  'claimUserTask',
  'unclaimUserTask',
  'setUserTaskAssignee',
  'completeUserTask',
  'getUserTaskForm',
  'getDeployedForm',
  'getUserTaskVariables',
] as const;
const MESSAGES_METHODS = ['correlateMessage'] as const;
const INCIDENTS_METHODS = ['listIncidents', 'countIncidents'] as const;
const JOBS_METHODS = [
  'listJobs',
  'countJobs',
  'getJob',
  'executeJob',
  'setJobDueDate',
  'setJobRetries',
] as const;
const HISTORY_METHODS = [
  'listHistoricProcessInstances',
  'countHistoricProcessInstances',
  'listHistoricActivityInstances',
  'countHistoricActivityInstances',
  'listHistoricVariableInstances',
  'countHistoricVariableInstances',
  'listHistoricIncidents',
  'countHistoricIncidents',
  'listHistoricTasks',
  'countHistoricTasks',
] as const;

/** Every port method, bound to the service that owns it (the type checks that none is missing). */
function bindPort(s: Services, settled: () => Promise<void>): Omit<EnginePort, 'close'> {
  return {
    ...bind(s.deployments, DEPLOYMENTS_METHODS, settled),
    ...bind(s.definitions, DEFINITIONS_METHODS, settled),
    ...bind(s.instances, INSTANCES_METHODS, settled),
    ...bind(s.externalTasks, EXTERNAL_TASKS_METHODS, settled),
    ...bind(s.userTasks, USER_TASKS_METHODS, settled),
    ...bind(s.messages, MESSAGES_METHODS, settled),
    ...bind(s.incidents, INCIDENTS_METHODS, settled),
    ...bind(s.jobs, JOBS_METHODS, settled),
    ...bind(s.history, HISTORY_METHODS, settled),
  };
}

/** Builds the engine object: the bound port plus lifecycle methods. */
export function assembleEngine(core: EngineCore, services: Services, lock: OwnerLock) {
  let closing: Promise<void> | null = null;
  const settled = () => core.store.settled();
  return {
    ...bindPort(services, settled),
    /** Resolves once nothing is in flight (due timers processed, transitions committed). */
    async idle(): Promise<void> {
      for (;;) {
        await core.whenSettled();
        await settled().catch(() => undefined);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!services.scheduler.busy) {
          await core.whenSettled();
          await settled().catch(() => undefined);
          if (!services.scheduler.busy) return;
        }
      }
    },
    /** Consistent online backup through SQLite's backup API. */
    async backup(file: string): Promise<void> {
      await settled();
      await core.store.db.backup(file);
    },
    runHistoryCleanup: () => answerAfterCommit(() => services.cleanup.runNow(), settled),
    commitStats: () => core.store.commitStats,
    /** Stops timers, answers waiting long polls with [], closes storage. */
    close(): Promise<void> {
      closing ??= (async () => {
        core.closed = true;
        services.scheduler.stop();
        services.cleanup.stop();
        services.externalTasks.longPoll.close();
        await core.whenSettled();
        core.store.close();
        lock.release();
      })();
      return closing;
    },
  };
}
