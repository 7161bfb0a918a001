/** Incidents and jobs (timers). */
import type { Page, Sorting } from './paging.js';

export interface Incident {
  id: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  incidentTimestamp: Date;
  incidentType: 'failedExternalTask' | 'failedJob';
  activityId: string;
  failedActivityId: string | null;
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
