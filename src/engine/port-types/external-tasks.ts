/** External tasks: fetch-and-lock, completion, failure, BPMN errors. */
import type { VariableMap } from '../variables.js';
import type { Page, Sorting } from './paging.js';

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
  /** Highest priority first; creation order (see `sorting`) decides within one priority. */
  usePriority?: boolean;
  topics: FetchTopic[];
  /**
   * Camunda 7.21's fetch sorting: by creation time, ascending or descending, applied after
   * priority when `usePriority` is set. Only the first entry counts (a later one could only break
   * ties of creation time, which the engine already breaks in creation order). Absent or empty:
   * creation ascending (Camunda leaves the order unspecified then).
   */
  sorting?: readonly FetchSorting[];
  /**
   * Long polling: wait up to this many ms for a task when none is available now. The wait ends
   * at once when a matching task is created, unlocked or its lock expires.
   */
  asyncResponseTimeout?: number;
}

/** One fetch-and-lock ordering: Camunda supports only `createTime`. */
export interface FetchSorting {
  sortBy: 'createTime';
  sortOrder: 'asc' | 'desc';
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
