/** History rows → the port's historic DTOs. */
import type {
  HistoricActivityInstance,
  HistoricIncident,
  HistoricProcessInstance,
  HistoricTask,
  HistoricVariableInstance,
} from '../../port.js';
import { decodeValue, type StoredValue } from '../values/variable-codec.js';

type Row = Record<string, unknown>;
const date = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as number);
const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const span = (start: unknown, end: unknown): number | null =>
  end === null ? null : (end as number) - (start as number);
/** Where an activity, variable, incident or task row happened: definition, instance, execution. */
const executionOf = (r: Row) => ({
  processDefinitionKey: r.definition_key as string,
  processDefinitionId: r.definition_id as string,
  processInstanceId: r.process_instance_id as string,
  executionId: r.execution_id as string,
});

export function toHistoricProcess(r: Row): HistoricProcessInstance {
  return {
    id: r.id as string,
    businessKey: text(r.business_key),
    processDefinitionId: r.definition_id as string,
    processDefinitionKey: r.definition_key as string,
    processDefinitionName: text(r.definition_name),
    processDefinitionVersion: r.definition_version as number,
    startTime: date(r.start_time)!,
    endTime: date(r.end_time),
    removalTime: date(r.removal_time),
    durationInMillis: span(r.start_time, r.end_time),
    startActivityId: text(r.start_activity_id),
    deleteReason: text(r.delete_reason),
    rootProcessInstanceId: r.id as string,
    tenantId: null,
    state: r.state as HistoricProcessInstance['state'],
  };
}

export function toHistoricActivity(r: Row): HistoricActivityInstance {
  return {
    id: r.id as string,
    parentActivityInstanceId: text(r.parent_id),
    activityId: r.activity_id as string,
    activityName: text(r.activity_name),
    activityType: r.activity_type as string,
    ...executionOf(r),
    taskId: text(r.task_id),
    assignee: text(r.assignee),
    startTime: date(r.start_time)!,
    endTime: date(r.end_time),
    durationInMillis: span(r.start_time, r.end_time),
    canceled: r.canceled === 1,
    completeScope: r.complete_scope === 1,
    tenantId: null,
    removalTime: date(r.removal_time),
    rootProcessInstanceId: r.process_instance_id as string,
  };
}

export function toHistoricVariable(r: Row): HistoricVariableInstance {
  const value = decodeValue(r as unknown as StoredValue);
  return {
    id: r.id as string,
    name: r.name as string,
    type: value.type,
    value: value.value,
    valueInfo: (value.valueInfo ?? {}) as Record<string, unknown>,
    ...executionOf(r),
    activityInstanceId: r.activity_instance_id as string,
    taskId: text(r.task_id),
    errorMessage: null,
    tenantId: null,
    state: r.state as HistoricVariableInstance['state'],
    createTime: date(r.create_time)!,
    removalTime: date(r.removal_time),
    rootProcessInstanceId: r.process_instance_id as string,
  };
}

export function toHistoricIncident(r: Row): HistoricIncident {
  return {
    id: r.id as string,
    ...executionOf(r),
    rootProcessInstanceId: r.process_instance_id as string,
    createTime: date(r.create_time)!,
    endTime: date(r.end_time),
    removalTime: date(r.removal_time),
    incidentType: r.type as string,
    activityId: r.activity_id as string,
    failedActivityId: text(r.failed_activity_id),
    causeIncidentId: r.id as string,
    rootCauseIncidentId: r.id as string,
    configuration: r.configuration as string,
    incidentMessage: text(r.message),
    tenantId: null,
    jobDefinitionId: null,
    open: r.state === 'open',
    deleted: r.state === 'deleted',
    resolved: r.state === 'resolved',
    annotation: null,
  };
}

export function toHistoricTask(r: Row): HistoricTask {
  return {
    id: r.id as string,
    ...executionOf(r),
    activityInstanceId: r.activity_instance_id as string,
    name: text(r.name),
    description: text(r.description),
    deleteReason: text(r.delete_reason),
    owner: text(r.owner),
    assignee: text(r.assignee),
    startTime: date(r.start_time)!,
    endTime: date(r.end_time),
    duration: span(r.start_time, r.end_time),
    taskDefinitionKey: r.task_definition_key as string,
    priority: r.priority as number,
    due: date(r.due),
    parentTaskId: null,
    followUp: date(r.follow_up),
    tenantId: null,
    removalTime: date(r.removal_time),
    rootProcessInstanceId: r.process_instance_id as string,
  };
}
