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

type Port = { [K in keyof EnginePort]: EnginePort[K] };

/** Binds every port method to its service (keeps this class free of 60 one-line wrappers). */
function bindPort(s: Services): Omit<Port, 'close'> {
  const d = s.deployments,
    f = s.definitions,
    i = s.instances,
    x = s.externalTasks,
    u = s.userTasks;
  const h = s.history;
  return {
    deploy: d.deploy.bind(d),
    listDeployments: d.listDeployments.bind(d),
    countDeployments: d.countDeployments.bind(d),
    getDeployment: d.getDeployment.bind(d),
    listDeploymentResources: d.listDeploymentResources.bind(d),
    getDeploymentResourceData: d.getDeploymentResourceData.bind(d),
    deleteDeployment: d.deleteDeployment.bind(d),
    listProcessDefinitions: f.listProcessDefinitions.bind(f),
    countProcessDefinitions: f.countProcessDefinitions.bind(f),
    getProcessDefinition: f.getProcessDefinition.bind(f),
    getProcessDefinitionByKey: f.getProcessDefinitionByKey.bind(f),
    getProcessDefinitionXml: f.getProcessDefinitionXml.bind(f),
    startProcessInstance: i.startProcessInstance.bind(i),
    listProcessInstances: i.listProcessInstances.bind(i),
    countProcessInstances: i.countProcessInstances.bind(i),
    getProcessInstance: i.getProcessInstance.bind(i),
    deleteProcessInstance: i.deleteProcessInstance.bind(i),
    getActivityInstanceTree: i.getActivityInstanceTree.bind(i),
    getProcessVariables: i.getProcessVariables.bind(i),
    getProcessVariable: i.getProcessVariable.bind(i),
    modifyProcessVariables: i.modifyProcessVariables.bind(i),
    getExecutionLocalVariable: i.getExecutionLocalVariable.bind(i),
    fetchAndLock: x.fetchAndLock.bind(x),
    completeExternalTask: x.completeExternalTask.bind(x),
    handleExternalTaskFailure: x.handleExternalTaskFailure.bind(x),
    handleExternalTaskBpmnError: x.handleExternalTaskBpmnError.bind(x),
    extendExternalTaskLock: x.extendExternalTaskLock.bind(x),
    lockExternalTask: x.lockExternalTask.bind(x),
    unlockExternalTask: x.unlockExternalTask.bind(x),
    setExternalTaskRetries: x.setExternalTaskRetries.bind(x),
    listExternalTasks: x.listExternalTasks.bind(x),
    countExternalTasks: x.countExternalTasks.bind(x),
    getExternalTask: x.getExternalTask.bind(x),
    getExternalTaskErrorDetails: x.getExternalTaskErrorDetails.bind(x),
    listUserTasks: u.listUserTasks.bind(u),
    countUserTasks: u.countUserTasks.bind(u),
    getUserTask: u.getUserTask.bind(u),
    claimUserTask: u.claimUserTask.bind(u),
    unclaimUserTask: u.unclaimUserTask.bind(u),
    setUserTaskAssignee: u.setUserTaskAssignee.bind(u),
    completeUserTask: u.completeUserTask.bind(u),
    getUserTaskForm: u.getUserTaskForm.bind(u),
    getDeployedForm: u.getDeployedForm.bind(u),
    getUserTaskVariables: u.getUserTaskVariables.bind(u),
    correlateMessage: s.messages.correlateMessage.bind(s.messages),
    listIncidents: s.incidents.listIncidents.bind(s.incidents),
    countIncidents: s.incidents.countIncidents.bind(s.incidents),
    listJobs: s.jobs.listJobs.bind(s.jobs),
    countJobs: s.jobs.countJobs.bind(s.jobs),
    getJob: s.jobs.getJob.bind(s.jobs),
    executeJob: s.jobs.executeJob.bind(s.jobs),
    setJobDueDate: s.jobs.setJobDueDate.bind(s.jobs),
    setJobRetries: s.jobs.setJobRetries.bind(s.jobs),
    listHistoricProcessInstances: h.listHistoricProcessInstances.bind(h),
    countHistoricProcessInstances: h.countHistoricProcessInstances.bind(h),
    listHistoricActivityInstances: h.listHistoricActivityInstances.bind(h),
    countHistoricActivityInstances: h.countHistoricActivityInstances.bind(h),
    listHistoricVariableInstances: h.listHistoricVariableInstances.bind(h),
    countHistoricVariableInstances: h.countHistoricVariableInstances.bind(h),
    listHistoricIncidents: h.listHistoricIncidents.bind(h),
    countHistoricIncidents: h.countHistoricIncidents.bind(h),
    listHistoricTasks: h.listHistoricTasks.bind(h),
    countHistoricTasks: h.countHistoricTasks.bind(h),
  };
}

/** Builds the engine object: the bound port plus lifecycle methods. */
export function assembleEngine(core: EngineCore, services: Services, lock: OwnerLock) {
  let closing: Promise<void> | null = null;
  return {
    ...bindPort(services),
    /** Resolves once nothing is in flight (due timers processed, transitions committed). */
    async idle(): Promise<void> {
      for (;;) {
        await core.whenSettled();
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!services.scheduler.busy) {
          await core.whenSettled();
          if (!services.scheduler.busy) return;
        }
      }
    },
    /** Consistent online backup through SQLite's backup API. */
    async backup(file: string): Promise<void> {
      await core.store.db.backup(file);
    },
    runHistoryCleanup: () => services.cleanup.runNow(),
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
