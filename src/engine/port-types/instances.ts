/** Process instances, their activity-instance tree and their variables. */
import type { VariableMap } from '../variables.js';
import type { Page, Sorting } from './paging.js';

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
