/**
 * Process instances, activity instance trees, incidents, jobs and message correlation results as
 * Camunda's runtime DTOs serialise them.
 */
import type {
  ActivityInstance,
  Incident,
  Job,
  MessageCorrelationResult,
  ProcessInstance,
  ProcessInstanceWithVariables,
  TransitionInstance,
} from '../../port.js';
import { createHash } from 'node:crypto';
import { encodeVariables, type EncodeOptions } from '../wire/typed-values-encode.js';
import type { AtomLink, DateFmt } from './date-fmt.js';

export function processInstanceDto(p: ProcessInstance, definitionKey: string | null, links: AtomLink[] = []) {
  return {
    links,
    id: p.id,
    definitionId: p.definitionId,
    businessKey: p.businessKey,
    caseInstanceId: null,
    // Deprecated in Camunda; true only in the answer to a start that ran straight to the end.
    ended: p.ended,
    suspended: p.suspended,
    tenantId: p.tenantId,
    definitionKey,
  };
}

export function processInstanceWithVariablesDto(
  p: ProcessInstanceWithVariables,
  definitionKey: string | null,
  links: AtomLink[],
  enc: EncodeOptions,
) {
  return {
    ...processInstanceDto(p, definitionKey, links),
    variables: p.variables ? encodeVariables(p.variables, enc) : null,
  };
}

export function transitionInstanceDto(t: TransitionInstance) {
  return {
    id: t.id,
    parentActivityInstanceId: t.parentActivityInstanceId,
    processInstanceId: t.processInstanceId,
    processDefinitionId: t.processDefinitionId,
    activityId: t.activityId,
    activityName: t.activityName,
    activityType: t.activityType,
    executionId: t.executionId,
    incidentIds: t.incidentIds,
    incidents: t.incidents,
  };
}

export function activityInstanceDto(a: ActivityInstance): Record<string, unknown> {
  return {
    id: a.id,
    parentActivityInstanceId: a.parentActivityInstanceId,
    activityId: a.activityId,
    activityType: a.activityType,
    processInstanceId: a.processInstanceId,
    processDefinitionId: a.processDefinitionId,
    childActivityInstances: a.childActivityInstances.map(activityInstanceDto),
    childTransitionInstances: a.childTransitionInstances.map(transitionInstanceDto),
    executionIds: a.executionIds,
    activityName: a.activityName,
    incidentIds: a.incidentIds,
    incidents: a.incidents,
    // Camunda's tree carries the same value under both names.
    name: a.activityName,
  };
}

export function incidentDto(i: Incident, fmt: DateFmt) {
  return {
    id: i.id,
    processDefinitionId: i.processDefinitionId,
    processInstanceId: i.processInstanceId,
    executionId: i.executionId,
    incidentTimestamp: fmt(i.incidentTimestamp),
    incidentType: i.incidentType,
    activityId: i.activityId,
    failedActivityId: i.failedActivityId,
    causeIncidentId: i.causeIncidentId,
    rootCauseIncidentId: i.rootCauseIncidentId,
    configuration: i.configuration,
    tenantId: i.tenantId,
    incidentMessage: i.incidentMessage,
    jobDefinitionId: incidentJobDefinitionId(i),
    annotation: i.annotation,
  };
}

/**
 * Camunda gives every timer a job definition (one per process definition and activity). When the
 * engine has none, we name it deterministically from exactly that pair, so `GET /job-definition`
 * can answer for it and clients (our REST adapter) can learn a job's activity.
 */
export function jobDefinitionIdOf(
  j: Pick<Job, 'jobDefinitionId' | 'processDefinitionId' | 'activityId'>,
): string {
  if (j.jobDefinitionId) return j.jobDefinitionId;
  const h = createHash('sha1').update(`${j.processDefinitionId}\u0000${j.activityId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A failed job's incident names its job's definition (Operaton does); other incidents have none. */
export function incidentJobDefinitionId(i: {
  jobDefinitionId: string | null;
  incidentType: string;
  processDefinitionId: string;
  activityId: string;
}): string | null {
  return i.incidentType === 'failedJob' ? jobDefinitionIdOf(i) : i.jobDefinitionId;
}

/** The port's `activityId` is ours alone and never goes on the wire. */
export function jobDto(j: Job, fmt: DateFmt) {
  return {
    id: j.id,
    jobDefinitionId: jobDefinitionIdOf(j),
    processInstanceId: j.processInstanceId,
    processDefinitionId: j.processDefinitionId,
    processDefinitionKey: j.processDefinitionKey,
    executionId: j.executionId,
    exceptionMessage: j.exceptionMessage,
    failedActivityId: j.failedActivityId,
    retries: j.retries,
    dueDate: fmt(j.dueDate),
    suspended: j.suspended,
    priority: j.priority,
    tenantId: j.tenantId,
    createTime: fmt(j.createTime),
    batchId: null,
  };
}

export function messageCorrelationResultDto(
  r: MessageCorrelationResult,
  definitionKey: string | null,
  enc: EncodeOptions,
  withVariables: boolean,
) {
  const base = {
    resultType: r.resultType,
    processInstance: r.processInstance ? processInstanceDto(r.processInstance, definitionKey) : null,
    execution: r.execution
      ? {
          id: r.execution.id,
          processInstanceId: r.execution.processInstanceId,
          ended: r.execution.ended,
          tenantId: r.execution.tenantId,
        }
      : null,
  };
  return withVariables
    ? { ...base, variables: r.variables ? encodeVariables(r.variables, enc) : null }
    : base;
}
