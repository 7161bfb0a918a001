/**
 * The engine port: everything the escalations API, the web UI and the Camunda REST surface may
 * ask of a process engine. Two adapters implement it: the embedded engine (our BPMN interpreter on
 * SQLite, `src/engine/embedded/`) and an HTTP client of a Camunda 7 / Operaton REST API
 * (`src/engine/camunda-rest/`). One conformance suite (`test/conformance/`) runs on both.
 *
 * Shapes follow Camunda 7's REST DTOs field for field, with `Date` where Camunda sends a date
 * string, so the REST surface maps them without interpretation. Errors are the classes in
 * `./errors/`; each names the Camunda exception type it stands for.
 */
import type { VariableMap } from './variables.js';
import type {
  DeployInput,
  Deployment,
  DeploymentQuery,
  DeploymentResource,
  DeploymentWithDefinitions,
  ProcessDefinition,
  ProcessDefinitionQuery,
} from './port-types/deployments.js';
import type {
  CompleteExternalTaskInput,
  ExternalTask,
  ExternalTaskBpmnErrorInput,
  ExternalTaskFailureInput,
  ExternalTaskQuery,
  FetchAndLockInput,
  FetchOptions,
  LockedExternalTask,
} from './port-types/external-tasks.js';
import type {
  HistoricActivityInstance,
  HistoricActivityInstanceQuery,
  HistoricIncident,
  HistoricIncidentQuery,
  HistoricProcessInstance,
  HistoricProcessInstanceQuery,
  HistoricTask,
  HistoricTaskQuery,
  HistoricVariableInstance,
  HistoricVariableInstanceQuery,
} from './port-types/history.js';
import type { Incident, IncidentQuery, Job, JobQuery } from './port-types/incidents-and-jobs.js';
import type {
  ActivityInstance,
  ProcessInstance,
  ProcessInstanceQuery,
  ProcessInstanceWithVariables,
  StartInput,
  VariableModification,
} from './port-types/instances.js';
import type { CorrelateMessageInput, MessageCorrelationResult } from './port-types/messages.js';
import type { CompleteUserTaskInput, TaskForm, UserTask, UserTaskQuery } from './port-types/user-tasks.js';

export type { VariableMap, TypedValue } from './variables.js';
export type * from './port-types/paging.js';
export type * from './port-types/deployments.js';
export type * from './port-types/instances.js';
export type * from './port-types/external-tasks.js';
export type * from './port-types/user-tasks.js';
export type * from './port-types/messages.js';
export type * from './port-types/incidents-and-jobs.js';
export type * from './port-types/history.js';

// ---------------------------------------------------------------------------------------------
// The port.

/** Everything callers outside `src/engine/` may ask of a process engine. All methods are async. */
export interface EnginePort {
  // Deployments -------------------------------------------------------------------------------
  /** Deploys BPMN and `.form` resources; rejects the whole deployment with a ParseError. */
  deploy(input: DeployInput): Promise<DeploymentWithDefinitions>;
  listDeployments(query?: DeploymentQuery): Promise<Deployment[]>;
  countDeployments(query?: DeploymentQuery): Promise<number>;
  getDeployment(id: string): Promise<Deployment>;
  listDeploymentResources(deploymentId: string): Promise<DeploymentResource[]>;
  getDeploymentResourceData(deploymentId: string, resourceId: string): Promise<Buffer>;
  /** With `cascade`, also deletes instances (running and historic) of its definitions. */
  deleteDeployment(id: string, options?: { cascade?: boolean }): Promise<void>;

  // Process definitions -------------------------------------------------------------------------
  listProcessDefinitions(query?: ProcessDefinitionQuery): Promise<ProcessDefinition[]>;
  countProcessDefinitions(query?: ProcessDefinitionQuery): Promise<number>;
  getProcessDefinition(id: string): Promise<ProcessDefinition>;
  /** The latest version of `key`. */
  getProcessDefinitionByKey(key: string): Promise<ProcessDefinition>;
  getProcessDefinitionXml(id: string): Promise<string>;

  // Process instances ---------------------------------------------------------------------------
  startProcessInstance(input: StartInput): Promise<ProcessInstanceWithVariables>;
  listProcessInstances(query?: ProcessInstanceQuery): Promise<ProcessInstance[]>;
  countProcessInstances(query?: ProcessInstanceQuery): Promise<number>;
  getProcessInstance(id: string): Promise<ProcessInstance>;
  deleteProcessInstance(id: string, options?: { reason?: string }): Promise<void>;
  getActivityInstanceTree(processInstanceId: string): Promise<ActivityInstance>;
  getProcessVariables(processInstanceId: string): Promise<VariableMap>;
  getProcessVariable(processInstanceId: string, name: string): Promise<VariableMap[string]>;
  modifyProcessVariables(processInstanceId: string, change: VariableModification): Promise<void>;
  /** A local variable of an execution or activity instance scope (e.g. an external task's input). */
  getExecutionLocalVariable(executionId: string, name: string): Promise<VariableMap[string]>;

  // External tasks ------------------------------------------------------------------------------
  fetchAndLock(input: FetchAndLockInput, options?: FetchOptions): Promise<LockedExternalTask[]>;
  completeExternalTask(id: string, input: CompleteExternalTaskInput): Promise<void>;
  handleExternalTaskFailure(id: string, input: ExternalTaskFailureInput): Promise<void>;
  handleExternalTaskBpmnError(id: string, input: ExternalTaskBpmnErrorInput): Promise<void>;
  extendExternalTaskLock(id: string, input: { workerId: string; newDuration: number }): Promise<void>;
  lockExternalTask(id: string, input: { workerId: string; lockDuration: number }): Promise<void>;
  unlockExternalTask(id: string): Promise<void>;
  setExternalTaskRetries(id: string, retries: number): Promise<void>;
  listExternalTasks(query?: ExternalTaskQuery): Promise<ExternalTask[]>;
  countExternalTasks(query?: ExternalTaskQuery): Promise<number>;
  getExternalTask(id: string): Promise<ExternalTask>;
  getExternalTaskErrorDetails(id: string): Promise<string | null>;

  // User tasks ----------------------------------------------------------------------------------
  listUserTasks(query?: UserTaskQuery): Promise<UserTask[]>;
  countUserTasks(query?: UserTaskQuery): Promise<number>;
  getUserTask(id: string): Promise<UserTask>;
  claimUserTask(id: string, userId: string): Promise<void>;
  unclaimUserTask(id: string): Promise<void>;
  setUserTaskAssignee(id: string, userId: string | null): Promise<void>;
  completeUserTask(id: string, input?: CompleteUserTaskInput): Promise<VariableMap | void>;
  getUserTaskForm(id: string): Promise<TaskForm>;
  /** The Camunda Forms JSON a `camunda:formRef` points at, as deployed. */
  getDeployedForm(taskId: string): Promise<{ content: Buffer; name: string }>;
  /** Variables visible from the task's scope (local first, then up to the process). */
  getUserTaskVariables(id: string): Promise<VariableMap>;

  // Messages ------------------------------------------------------------------------------------
  correlateMessage(input: CorrelateMessageInput): Promise<MessageCorrelationResult[]>;

  // Incidents and jobs --------------------------------------------------------------------------
  listIncidents(query?: IncidentQuery): Promise<Incident[]>;
  countIncidents(query?: IncidentQuery): Promise<number>;
  listJobs(query?: JobQuery): Promise<Job[]>;
  countJobs(query?: JobQuery): Promise<number>;
  getJob(id: string): Promise<Job>;
  /** Runs a job (fires a timer) now, whatever its due date. */
  executeJob(id: string): Promise<void>;
  setJobDueDate(id: string, dueDate: Date | null): Promise<void>;
  /** Sets a job's retries; >0 on a failed job resolves its incident and lets it run again. */
  setJobRetries(id: string, retries: number): Promise<void>;

  // History -------------------------------------------------------------------------------------
  listHistoricProcessInstances(query?: HistoricProcessInstanceQuery): Promise<HistoricProcessInstance[]>;
  countHistoricProcessInstances(query?: HistoricProcessInstanceQuery): Promise<number>;
  listHistoricActivityInstances(query?: HistoricActivityInstanceQuery): Promise<HistoricActivityInstance[]>;
  countHistoricActivityInstances(query?: HistoricActivityInstanceQuery): Promise<number>;
  listHistoricVariableInstances(query?: HistoricVariableInstanceQuery): Promise<HistoricVariableInstance[]>;
  countHistoricVariableInstances(query?: HistoricVariableInstanceQuery): Promise<number>;
  listHistoricIncidents(query?: HistoricIncidentQuery): Promise<HistoricIncident[]>;
  countHistoricIncidents(query?: HistoricIncidentQuery): Promise<number>;
  listHistoricTasks(query?: HistoricTaskQuery): Promise<HistoricTask[]>;
  countHistoricTasks(query?: HistoricTaskQuery): Promise<number>;

  // Lifecycle -----------------------------------------------------------------------------------
  /** Stops timers, answers waiting long polls with [], closes storage. */
  close(): Promise<void>;
}
