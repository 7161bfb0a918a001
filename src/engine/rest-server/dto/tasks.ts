/**
 * External tasks and user tasks as Camunda's DTOs serialise them (ExternalTaskDto,
 * LockedExternalTaskDto, TaskDto, FormDto).
 */
import type { ExternalTask, LockedExternalTask, TaskForm, UserTask } from '../../port.js';
import { encodeVariables, type EncodeOptions } from '../wire/typed-values-encode.js';
import type { DateFmt } from './date-fmt.js';

export function externalTaskDto(t: ExternalTask, fmt: DateFmt) {
  return externalTaskFields(t, fmt);
}

/** `extensionProperties` is `{}` unless the fetch asked for them, as in Camunda 7.15+. */
export function lockedExternalTaskDto(t: LockedExternalTask, fmt: DateFmt, enc: EncodeOptions) {
  return externalTaskFields(t, fmt, {
    errorDetails: t.errorDetails,
    variables: encodeVariables(t.variables, enc),
    extensionProperties: t.extensionProperties ?? {},
  });
}

/** What a LockedExternalTaskDto has beyond an ExternalTaskDto. */
interface LockedFields {
  errorDetails: string | null;
  variables: ReturnType<typeof encodeVariables>;
  extensionProperties: Record<string, string>;
}

/**
 * An ExternalTaskDto; with `locked`, a LockedExternalTaskDto: the same fields and three more, each
 * where Camunda serialises it (clients and golden files see Camunda's key order).
 */
function externalTaskFields(t: ExternalTask, fmt: DateFmt, locked?: LockedFields) {
  return {
    activityId: t.activityId,
    activityInstanceId: t.activityInstanceId,
    errorMessage: t.errorMessage,
    ...(locked && { errorDetails: locked.errorDetails }),
    executionId: t.executionId,
    id: t.id,
    lockExpirationTime: fmt(t.lockExpirationTime),
    createTime: fmt(t.createTime),
    processDefinitionId: t.processDefinitionId,
    processDefinitionKey: t.processDefinitionKey,
    processDefinitionVersionTag: t.processDefinitionVersionTag,
    processInstanceId: t.processInstanceId,
    retries: t.retries,
    suspended: t.suspended,
    workerId: t.workerId,
    topicName: t.topicName,
    tenantId: t.tenantId,
    ...(locked && { variables: locked.variables }),
    priority: t.priority,
    businessKey: t.businessKey,
    ...(locked && { extensionProperties: locked.extensionProperties }),
  };
}

export function userTaskDto(t: UserTask, fmt: DateFmt) {
  return {
    id: t.id,
    name: t.name,
    assignee: t.assignee,
    created: fmt(t.created),
    due: fmt(t.due),
    followUp: fmt(t.followUp),
    lastUpdated: null,
    delegationState: t.delegationState,
    description: t.description,
    executionId: t.executionId,
    owner: t.owner,
    parentTaskId: t.parentTaskId,
    priority: t.priority,
    processDefinitionId: t.processDefinitionId,
    processInstanceId: t.processInstanceId,
    taskDefinitionKey: t.taskDefinitionKey,
    caseExecutionId: null,
    caseInstanceId: null,
    caseDefinitionId: null,
    suspended: t.suspended,
    formKey: t.formKey,
    camundaFormRef: t.camundaFormRef,
    tenantId: t.tenantId,
    // The port does not track updates; Camunda says Updated after a claim or assignment.
    taskState: 'Created',
  };
}

export function formDto(f: TaskForm) {
  return { key: f.key, camundaFormRef: f.camundaFormRef, contextPath: f.contextPath };
}
