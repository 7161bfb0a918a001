/** Camunda's history (level full): process, activity, variable, incident and task history. */
import type { Page, Sorting } from './paging.js';

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
  failedActivityId: string | null;
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
  /** Tasks due before this instant (Camunda's `taskDueDateBefore`). */
  taskDueDateBefore?: Date;
  finished?: boolean;
  unfinished?: boolean;
}
