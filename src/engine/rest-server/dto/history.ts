/**
 * History as Camunda's historic DTOs serialise it (process, activity, variable instances,
 * incidents and tasks at history level full).
 */
import type {
  HistoricActivityInstance,
  HistoricIncident,
  HistoricProcessInstance,
  HistoricTask,
  HistoricVariableInstance,
} from '../../port.js';
import { deserializeObject, encodeTypedValue, type EncodeOptions } from '../wire/typed-values-encode.js';
import type { TypedValue } from '../../variables.js';
import type { DateFmt } from './date-fmt.js';
import { incidentJobDefinitionId } from './runtime.js';

type ExecutionFields = Pick<
  HistoricActivityInstance,
  'processDefinitionKey' | 'processDefinitionId' | 'processInstanceId' | 'executionId'
>;

/** Where a historic record happened, in the order Camunda's DTOs serialise these four fields. */
const executionOf = (h: ExecutionFields): ExecutionFields => ({
  processDefinitionKey: h.processDefinitionKey,
  processDefinitionId: h.processDefinitionId,
  processInstanceId: h.processInstanceId,
  executionId: h.executionId,
});

export function historicProcessInstanceDto(h: HistoricProcessInstance, fmt: DateFmt) {
  return {
    id: h.id,
    businessKey: h.businessKey,
    processDefinitionId: h.processDefinitionId,
    processDefinitionKey: h.processDefinitionKey,
    processDefinitionName: h.processDefinitionName,
    processDefinitionVersion: h.processDefinitionVersion,
    startTime: fmt(h.startTime),
    endTime: fmt(h.endTime),
    removalTime: fmt(h.removalTime),
    durationInMillis: h.durationInMillis,
    startUserId: null,
    startActivityId: h.startActivityId,
    deleteReason: h.deleteReason,
    rootProcessInstanceId: h.rootProcessInstanceId,
    superProcessInstanceId: null,
    superCaseInstanceId: null,
    caseInstanceId: null,
    tenantId: h.tenantId,
    state: h.state,
    restartedProcessInstanceId: null,
  };
}

export function historicActivityInstanceDto(h: HistoricActivityInstance, fmt: DateFmt) {
  return {
    id: h.id,
    parentActivityInstanceId: h.parentActivityInstanceId,
    activityId: h.activityId,
    activityName: h.activityName,
    activityType: h.activityType,
    ...executionOf(h),
    taskId: h.taskId,
    calledProcessInstanceId: null,
    calledCaseInstanceId: null,
    assignee: h.assignee,
    startTime: fmt(h.startTime),
    endTime: fmt(h.endTime),
    durationInMillis: h.durationInMillis,
    canceled: h.canceled,
    completeScope: h.completeScope,
    tenantId: h.tenantId,
    removalTime: fmt(h.removalTime),
    rootProcessInstanceId: h.rootProcessInstanceId,
  };
}

/** The port hands history values over untyped-by-TS; they are the same shapes as a TypedValue. */
export function historicVariableInstanceDto(h: HistoricVariableInstance, fmt: DateFmt, enc: EncodeOptions) {
  const failed = undeserializable(h, enc);
  const typed = { type: h.type, value: h.value, valueInfo: h.valueInfo } as TypedValue;
  const wire = encodeTypedValue(typed, failed ? { ...enc, deserializeValues: false } : enc);
  return {
    id: h.id,
    name: h.name,
    type: wire.type,
    value: failed ? null : wire.value,
    valueInfo: wire.valueInfo,
    ...executionOf(h),
    activityInstanceId: h.activityInstanceId,
    caseDefinitionKey: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: h.taskId,
    errorMessage: failed ?? h.errorMessage,
    tenantId: h.tenantId,
    state: h.state,
    createTime: fmt(h.createTime),
    removalTime: fmt(h.removalTime),
    rootProcessInstanceId: h.rootProcessInstanceId,
  };
}

/**
 * Camunda's answer for an Object value it cannot deserialize in a variable-instance list: the row
 * with `value: null` and `errorMessage` saying why, instead of failing the whole list.
 */
function undeserializable(h: HistoricVariableInstance, enc: EncodeOptions): string | null {
  if (h.type !== 'Object' || enc.deserializeValues === false || typeof h.value !== 'string') return null;
  const result = deserializeObject(h.value);
  return 'error' in result ? `Cannot deserialize object in variable '${h.name}': ${result.error}` : null;
}

export function historicIncidentDto(h: HistoricIncident, fmt: DateFmt) {
  return {
    id: h.id,
    ...executionOf(h),
    rootProcessInstanceId: h.rootProcessInstanceId,
    createTime: fmt(h.createTime),
    endTime: fmt(h.endTime),
    removalTime: fmt(h.removalTime),
    incidentType: h.incidentType,
    activityId: h.activityId,
    failedActivityId: h.failedActivityId,
    causeIncidentId: h.causeIncidentId,
    rootCauseIncidentId: h.rootCauseIncidentId,
    configuration: h.configuration,
    historyConfiguration: null,
    incidentMessage: h.incidentMessage,
    tenantId: h.tenantId,
    jobDefinitionId: incidentJobDefinitionId(h),
    open: h.open,
    deleted: h.deleted,
    resolved: h.resolved,
    annotation: h.annotation,
  };
}

export function historicTaskDto(h: HistoricTask, fmt: DateFmt) {
  return {
    id: h.id,
    ...executionOf(h),
    caseDefinitionKey: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    activityInstanceId: h.activityInstanceId,
    name: h.name,
    description: h.description,
    deleteReason: h.deleteReason,
    owner: h.owner,
    assignee: h.assignee,
    startTime: fmt(h.startTime),
    endTime: fmt(h.endTime),
    duration: h.duration,
    taskDefinitionKey: h.taskDefinitionKey,
    priority: h.priority,
    due: fmt(h.due),
    parentTaskId: h.parentTaskId,
    followUp: fmt(h.followUp),
    tenantId: h.tenantId,
    removalTime: fmt(h.removalTime),
    rootProcessInstanceId: h.rootProcessInstanceId,
    taskState: historicTaskState(h),
  };
}

/** Camunda 7.21+'s history taskState, derived (the port does not record updates). */
function historicTaskState(h: HistoricTask): string {
  if (!h.endTime) return 'Created';
  return h.deleteReason === 'completed' ? 'Completed' : 'Deleted';
}
