/**
 * The engine port: everything the escalations API, the web UI and the Camunda REST surface may
 * ask of a process engine. Two adapters implement it: the embedded engine (bpmn-engine on
 * SQLite, `src/engine/embedded/`) and an HTTP client of a Camunda 7 / Operaton REST API
 * (`src/engine/camunda-rest/`). One conformance suite (`test/conformance/`) runs on both.
 *
 * Shapes follow Camunda 7's REST DTOs field for field, with `Date` where Camunda sends a date
 * string, so the REST surface maps them without interpretation. Errors are the classes in
 * `./errors/`; each names the Camunda exception type it stands for.
 */
import type { VariableMap } from './variables.js';
import type { ResourceReport } from './errors/parse-error.js';

export type { VariableMap, TypedValue } from './variables.js';

// ---------------------------------------------------------------------------------------------
// Paging and sorting, shared by every list query.

export interface Page {
  firstResult?: number;
  maxResults?: number;
}

export interface Sorting<F extends string> {
  sortBy?: F;
  sortOrder?: 'asc' | 'desc';
}

// ---------------------------------------------------------------------------------------------
// Deployments and definitions.

export interface DeploymentResourceInput {
  /** File name as uploaded, e.g. `east-riding.bpmn` or `stage-record.form`. */
  name: string;
  content: Buffer;
}

export interface DeployInput {
  name: string;
  source?: string | null;
  tenantId?: string | null;
  resources: DeploymentResourceInput[];
  /** Skip the whole deployment when every resource equals the latest deployment of the same name. */
  enableDuplicateFiltering?: boolean;
  /** Redeploy only changed resources; unchanged ones keep their previous definition version. */
  deployChangedOnly?: boolean;
}

export interface Deployment {
  id: string;
  name: string | null;
  source: string | null;
  tenantId: string | null;
  deploymentTime: Date;
}

export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  category: string;
  description: string | null;
  resource: string;
  deploymentId: string;
  diagram: string | null;
  suspended: boolean;
  tenantId: string | null;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
}

export interface DeploymentWithDefinitions extends Deployment {
  /** Definitions created by this deploy, keyed by id (empty when duplicate filtering skipped it). */
  deployedProcessDefinitions: Record<string, ProcessDefinition>;
}

export interface DeploymentResource {
  id: string;
  name: string;
  deploymentId: string;
}

export interface DeploymentQuery extends Page, Sorting<'id' | 'name' | 'deploymentTime'> {
  id?: string;
  name?: string;
  nameLike?: string;
  source?: string;
}

export interface ProcessDefinitionQuery
  extends Page, Sorting<'key' | 'name' | 'version' | 'id' | 'deploymentId'> {
  processDefinitionId?: string;
  key?: string;
  keyLike?: string;
  name?: string;
  deploymentId?: string;
  version?: number;
  latestVersion?: boolean;
}

/** The result of a parse attempt, for callers that want problems without throwing. */
export type DeployReport = Record<string, ResourceReport>;

// ---------------------------------------------------------------------------------------------
// Process instances.

export interface StartInput {
  /** Exactly one of `definitionId` and `definitionKey` (latest version). */
  definitionId?: string;
  definitionKey?: string;
  businessKey?: string | null;
  variables?: VariableMap;
  withVariablesInReturn?: boolean;
}

export interface ProcessInstance {
  id: string;
  definitionId: string;
  businessKey: string | null;
  ended: boolean;
  suspended: boolean;
  tenantId: string | null;
}

export interface ProcessInstanceWithVariables extends ProcessInstance {
  variables?: VariableMap;
}

export interface ProcessInstanceQuery
  extends Page, Sorting<'instanceId' | 'definitionKey' | 'definitionId' | 'businessKey'> {
  processInstanceIds?: string[];
  businessKey?: string;
  businessKeyLike?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  activityIdIn?: string[];
  withIncident?: boolean;
  /** Camunda's `variables` filter, restricted to equality (`name_eq_value`). */
  variables?: { name: string; operator: 'eq' | 'neq'; value: unknown }[];
}

/** Camunda's activity instance tree (GET /process-instance/{id}/activity-instances). */
export interface ActivityInstance {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  childActivityInstances: ActivityInstance[];
  childTransitionInstances: TransitionInstance[];
  executionIds: string[];
  incidentIds: string[];
  incidents: { id: string; activityId: string }[];
}

export interface TransitionInstance {
  id: string;
  parentActivityInstanceId: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string;
  incidentIds: string[];
  incidents: { id: string; activityId: string }[];
}

export interface VariableModification {
  modifications?: VariableMap;
  deletions?: string[];
}

// ---------------------------------------------------------------------------------------------
// External tasks.

export interface FetchTopic {
  topicName: string;
  lockDuration: number;
  /** Variable names to return; undefined means all. */
  variables?: string[] | null;
  /** Only the task's local variables (camunda:inputOutput), not the process's. */
  localVariables?: boolean;
  businessKey?: string;
  processDefinitionId?: string;
  processDefinitionIdIn?: string[];
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processVariables?: Record<string, unknown>;
  deserializeValues?: boolean;
  /** Attach the activity's `camunda:properties` as `extensionProperties`. */
  includeExtensionProperties?: boolean;
}

export interface FetchAndLockInput {
  workerId: string;
  maxTasks: number;
  usePriority?: boolean;
  topics: FetchTopic[];
  /**
   * Long polling: wait up to this many ms for a task when none is available now. The wait ends
   * at once when a matching task is created, unlocked or its lock expires.
   */
  asyncResponseTimeout?: number;
}

export interface FetchOptions {
  /** Aborts a long poll (client disconnected); the call then resolves with []. */
  signal?: AbortSignal;
}

export interface ExternalTask {
  id: string;
  activityId: string;
  activityInstanceId: string;
  errorMessage: string | null;
  executionId: string;
  lockExpirationTime: Date | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersionTag: string | null;
  processInstanceId: string;
  tenantId: string | null;
  retries: number | null;
  suspended: boolean;
  workerId: string | null;
  topicName: string;
  priority: number;
  businessKey: string | null;
  createTime: Date;
}

export interface LockedExternalTask extends ExternalTask {
  errorDetails: string | null;
  variables: VariableMap;
  extensionProperties?: Record<string, string>;
}

export interface ExternalTaskQuery
  extends Page, Sorting<'id' | 'lockExpirationTime' | 'processInstanceId' | 'priority' | 'createTime'> {
  externalTaskId?: string;
  topicName?: string;
  workerId?: string;
  locked?: boolean;
  notLocked?: boolean;
  withRetriesLeft?: boolean;
  noRetriesLeft?: boolean;
  activityId?: string;
  processInstanceId?: string;
  processDefinitionId?: string;
}

export interface CompleteExternalTaskInput {
  workerId: string;
  variables?: VariableMap;
  localVariables?: VariableMap;
}

export interface ExternalTaskFailureInput {
  workerId: string;
  errorMessage?: string | null;
  errorDetails?: string | null;
  /** Retries left; 0 creates an incident. */
  retries: number;
  /** ms before the task is fetchable again. */
  retryTimeout?: number;
  variables?: VariableMap;
  localVariables?: VariableMap;
}

export interface ExternalTaskBpmnErrorInput {
  workerId: string;
  errorCode: string;
  errorMessage?: string | null;
  variables?: VariableMap;
}

// ---------------------------------------------------------------------------------------------
// User tasks.

export interface UserTask {
  id: string;
  name: string | null;
  assignee: string | null;
  owner: string | null;
  created: Date;
  due: Date | null;
  followUp: Date | null;
  delegationState: string | null;
  description: string | null;
  executionId: string;
  parentTaskId: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  suspended: boolean;
  formKey: string | null;
  /** `camunda:formRef` binding, when the task uses a deployed Camunda Form. */
  camundaFormRef: {
    key: string;
    binding: 'latest' | 'deployment' | 'version';
    version: number | null;
  } | null;
  tenantId: string | null;
  candidateGroups: string[];
}

export interface UserTaskQuery
  extends
    Page,
    Sorting<'id' | 'name' | 'created' | 'dueDate' | 'assignee' | 'priority' | 'processInstanceId'> {
  taskId?: string;
  processInstanceId?: string;
  processInstanceBusinessKey?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  taskDefinitionKey?: string;
  assignee?: string;
  unassigned?: boolean;
  candidateGroup?: string;
  candidateGroups?: string[];
  dueBefore?: Date;
  dueAfter?: Date;
}

export interface CompleteUserTaskInput {
  variables?: VariableMap;
  withVariablesInReturn?: boolean;
}

/** GET /task/{id}/form: a form key or a deployed-form reference. */
export interface TaskForm {
  key: string | null;
  camundaFormRef: UserTask['camundaFormRef'];
  contextPath: string | null;
}

// ---------------------------------------------------------------------------------------------
// Messages.

export interface CorrelateMessageInput {
  messageName: string;
  businessKey?: string | null;
  processInstanceId?: string | null;
  correlationKeys?: VariableMap;
  processVariables?: VariableMap;
  /** Correlate with every match instead of exactly one. */
  all?: boolean;
  resultEnabled?: boolean;
  variablesInResultEnabled?: boolean;
}

export interface MessageCorrelationResult {
  resultType: 'Execution' | 'ProcessDefinition';
  processInstance: ProcessInstance | null;
  execution: { id: string; processInstanceId: string; ended: boolean; tenantId: string | null } | null;
  variables?: VariableMap;
}

// ---------------------------------------------------------------------------------------------
// Incidents and jobs (timers).

export interface Incident {
  id: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  incidentTimestamp: Date;
  incidentType: 'failedExternalTask' | 'failedJob';
  activityId: string;
  failedActivityId: string;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  /** The failing external task's or job's id. */
  configuration: string;
  tenantId: string | null;
  incidentMessage: string | null;
  jobDefinitionId: string | null;
  annotation: string | null;
}

export interface IncidentQuery extends Page, Sorting<'incidentId' | 'incidentTimestamp' | 'activityId'> {
  incidentId?: string;
  incidentType?: string;
  processInstanceId?: string;
  processDefinitionId?: string;
  activityId?: string;
  configuration?: string;
}

export interface Job {
  id: string;
  jobDefinitionId: string | null;
  dueDate: Date | null;
  processInstanceId: string;
  executionId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  retries: number;
  exceptionMessage: string | null;
  failedActivityId: string | null;
  suspended: boolean;
  priority: number;
  tenantId: string | null;
  createTime: Date;
  /** Not in Camunda's JobDto; used by our own tools only, never serialised by the REST surface. */
  activityId: string;
}

export interface JobQuery
  extends Page, Sorting<'jobId' | 'jobDueDate' | 'executionId' | 'processInstanceId'> {
  jobId?: string;
  processInstanceId?: string;
  executionId?: string;
  activityId?: string;
  timers?: boolean;
  executable?: boolean;
  withException?: boolean;
  noRetriesLeft?: boolean;
  dueDates?: { operator: 'lt' | 'gt'; value: Date }[];
}

// ---------------------------------------------------------------------------------------------
// History.

export interface HistoricProcessInstance {
  id: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  startTime: Date;
  endTime: Date | null;
  removalTime: Date | null;
  durationInMillis: number | null;
  startActivityId: string | null;
  deleteReason: string | null;
  rootProcessInstanceId: string;
  tenantId: string | null;
  state: 'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';
}

export interface HistoricProcessInstanceQuery
  extends Page, Sorting<'instanceId' | 'definitionKey' | 'businessKey' | 'startTime' | 'endTime'> {
  processInstanceId?: string;
  processInstanceIds?: string[];
  processInstanceBusinessKey?: string;
  processDefinitionKey?: string;
  finished?: boolean;
  unfinished?: boolean;
  startedBefore?: Date;
  startedAfter?: Date;
  finishedBefore?: Date;
  finishedAfter?: Date;
}

export interface HistoricActivityInstance {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  taskId: string | null;
  assignee: string | null;
  startTime: Date;
  endTime: Date | null;
  durationInMillis: number | null;
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  removalTime: Date | null;
  rootProcessInstanceId: string;
}

export interface HistoricActivityInstanceQuery
  extends Page, Sorting<'activityInstanceId' | 'instanceId' | 'startTime' | 'endTime' | 'activityId'> {
  processInstanceId?: string;
  activityId?: string;
  activityType?: string;
  finished?: boolean;
  unfinished?: boolean;
}

export interface HistoricVariableInstance {
  id: string;
  name: string;
  type: string;
  value: unknown;
  valueInfo: Record<string, unknown>;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  activityInstanceId: string;
  taskId: string | null;
  errorMessage: string | null;
  tenantId: string | null;
  state: 'CREATED' | 'DELETED';
  createTime: Date;
  removalTime: Date | null;
  rootProcessInstanceId: string;
}

export interface HistoricVariableInstanceQuery extends Page, Sorting<'instanceId' | 'variableName'> {
  processInstanceId?: string;
  variableName?: string;
  variableNameLike?: string;
  deserializeValues?: boolean;
}

export interface HistoricIncident {
  id: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  rootProcessInstanceId: string;
  createTime: Date;
  endTime: Date | null;
  removalTime: Date | null;
  incidentType: string;
  activityId: string;
  failedActivityId: string;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string;
  incidentMessage: string | null;
  tenantId: string | null;
  jobDefinitionId: string | null;
  open: boolean;
  deleted: boolean;
  resolved: boolean;
  annotation: string | null;
}

export interface HistoricIncidentQuery extends Page, Sorting<'incidentId' | 'createTime' | 'endTime'> {
  processInstanceId?: string;
  incidentType?: string;
  activityId?: string;
  open?: boolean;
  resolved?: boolean;
}

export interface HistoricTask {
  id: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  activityInstanceId: string;
  name: string | null;
  description: string | null;
  deleteReason: string | null;
  owner: string | null;
  assignee: string | null;
  startTime: Date;
  endTime: Date | null;
  duration: number | null;
  taskDefinitionKey: string;
  priority: number;
  due: Date | null;
  parentTaskId: string | null;
  followUp: Date | null;
  tenantId: string | null;
  removalTime: Date | null;
  rootProcessInstanceId: string;
}

export interface HistoricTaskQuery extends Page, Sorting<'taskId' | 'startTime' | 'endTime' | 'duration'> {
  taskId?: string;
  processInstanceId?: string;
  processDefinitionKey?: string;
  taskDefinitionKey?: string;
  taskAssignee?: string;
  finished?: boolean;
  unfinished?: boolean;
}

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
