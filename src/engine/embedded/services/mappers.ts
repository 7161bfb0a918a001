/** Rows → the port's DTOs (dates as Date, booleans as booleans, Camunda field names). */
import type {
  Deployment,
  ExternalTask,
  Incident,
  ProcessDefinition,
  ProcessInstance,
  UserTask,
} from '../../port.js';
import type { DefinitionRow, ExternalTaskRow, IncidentRow, InstanceRow, UserTaskRow } from '../store/rows.js';

export interface DeploymentRow {
  id: string;
  name: string | null;
  source: string | null;
  tenant_id: string | null;
  deploy_time: number;
}

export function toDeployment(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    tenantId: row.tenant_id,
    deploymentTime: new Date(row.deploy_time),
  };
}

export function toDefinition(row: DefinitionRow): ProcessDefinition {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    version: row.version,
    versionTag: row.version_tag,
    category: row.category ?? '',
    description: null,
    resource: row.resource_name,
    deploymentId: row.deployment_id,
    diagram: null,
    suspended: false,
    tenantId: null,
    historyTimeToLive: row.history_ttl,
    startableInTasklist: row.startable === 1,
  };
}

export function toInstance(row: InstanceRow, ended = false): ProcessInstance {
  return {
    id: row.id,
    definitionId: row.definition_id,
    businessKey: row.business_key,
    ended,
    suspended: false,
    tenantId: null,
  };
}

export function toExternalTask(row: ExternalTaskRow): ExternalTask {
  return {
    id: row.id,
    activityId: row.activity_id,
    activityInstanceId: row.activity_instance_id,
    errorMessage: row.error_message,
    executionId: row.execution_id,
    lockExpirationTime: row.lock_expiration === null ? null : new Date(row.lock_expiration),
    processDefinitionId: row.definition_id,
    processDefinitionKey: row.definition_key,
    processDefinitionVersionTag: row.version_tag,
    processInstanceId: row.process_instance_id,
    tenantId: null,
    retries: row.retries,
    suspended: false,
    workerId: row.worker_id,
    topicName: row.topic,
    priority: row.priority,
    businessKey: row.business_key,
    createTime: new Date(row.create_time),
  };
}

export function toUserTask(row: UserTaskRow, candidateGroups: string[]): UserTask {
  return {
    id: row.id,
    name: row.name,
    assignee: row.assignee,
    owner: row.owner,
    created: new Date(row.create_time),
    due: row.due === null ? null : new Date(row.due),
    followUp: row.follow_up === null ? null : new Date(row.follow_up),
    delegationState: null,
    description: row.description,
    executionId: row.execution_id,
    parentTaskId: null,
    priority: row.priority,
    processDefinitionId: row.definition_id,
    processInstanceId: row.process_instance_id,
    taskDefinitionKey: row.activity_id,
    suspended: false,
    formKey: row.form_key,
    camundaFormRef: row.form_ref ? (JSON.parse(row.form_ref) as UserTask['camundaFormRef']) : null,
    tenantId: null,
    candidateGroups,
  };
}

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    processDefinitionId: row.definition_id,
    processInstanceId: row.process_instance_id,
    executionId: row.execution_id,
    incidentTimestamp: new Date(row.create_time),
    incidentType: row.type,
    activityId: row.activity_id,
    failedActivityId: row.failed_activity_id,
    causeIncidentId: row.id,
    rootCauseIncidentId: row.id,
    configuration: row.configuration,
    tenantId: null,
    incidentMessage: row.message,
    jobDefinitionId: null,
    annotation: null,
  };
}
