/** Camunda's historic DTOs back to the port's shapes. */
import type * as P from '../port.js';
import { pick, typedValue } from './from-wire.js';

type Wire = Record<string, unknown>;

const COMMON = [
  'processDefinitionKey',
  'processDefinitionId',
  'processInstanceId',
  'tenantId',
  'rootProcessInstanceId',
];

export const historicProcessInstance = (w: Wire): P.HistoricProcessInstance =>
  pick(
    w,
    [
      'id',
      'businessKey',
      'processDefinitionName',
      'processDefinitionVersion',
      'durationInMillis',
      'startActivityId',
      'deleteReason',
      'state',
      ...COMMON.filter((k) => k !== 'processInstanceId'),
    ],
    ['startTime', 'endTime', 'removalTime'],
  );

export const historicActivityInstance = (w: Wire): P.HistoricActivityInstance =>
  pick(
    w,
    [
      'id',
      'parentActivityInstanceId',
      'activityId',
      'activityName',
      'activityType',
      'executionId',
      'taskId',
      'assignee',
      'durationInMillis',
      'canceled',
      'completeScope',
      ...COMMON,
    ],
    ['startTime', 'endTime', 'removalTime'],
  );

export function historicVariableInstance(w: Wire): P.HistoricVariableInstance {
  const base = pick<P.HistoricVariableInstance>(
    w,
    ['id', 'name', 'executionId', 'activityInstanceId', 'taskId', 'errorMessage', 'state', ...COMMON],
    ['createTime', 'removalTime'],
  );
  // Decode as a typed value so Date/Bytes come back as they do from the embedded engine.
  const typed = w.type ? typedValue({ type: w.type, value: w.value, valueInfo: w.valueInfo }) : null;
  return {
    ...base,
    type: typed?.type ?? String(w.type),
    value: typed ? typed.value : w.value,
    valueInfo: (typed?.valueInfo ?? w.valueInfo ?? {}) as Record<string, unknown>,
  };
}

export const historicIncident = (w: Wire): P.HistoricIncident =>
  pick(
    w,
    [
      'id',
      'executionId',
      'incidentType',
      'activityId',
      'failedActivityId',
      'causeIncidentId',
      'rootCauseIncidentId',
      'configuration',
      'incidentMessage',
      'jobDefinitionId',
      'open',
      'deleted',
      'resolved',
      'annotation',
      ...COMMON,
    ],
    ['createTime', 'endTime', 'removalTime'],
  );

export const historicTask = (w: Wire): P.HistoricTask =>
  pick(
    w,
    [
      'id',
      'executionId',
      'activityInstanceId',
      'name',
      'description',
      'deleteReason',
      'owner',
      'assignee',
      'duration',
      'taskDefinitionKey',
      'priority',
      'parentTaskId',
      ...COMMON,
    ],
    ['startTime', 'endTime', 'due', 'followUp', 'removalTime'],
  );
