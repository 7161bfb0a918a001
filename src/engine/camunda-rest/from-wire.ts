/**
 * Camunda DTOs back to the port's shapes: exactly the port's fields (so results compare equal
 * across adapters), Camunda dates parsed, typed variables decoded.
 */
import type * as P from '../port.js';
import type { TypedValue, VariableMap } from '../variables.js';
import { parseCamundaDate } from '../rest-server/wire/date-format.js';
import { decodeTypedValue, decodeVariables } from '../rest-server/wire/typed-values.js';

type Wire = Record<string, unknown>;

/** Parses a Camunda date; anything else is null. */
export function date(v: unknown): Date | null {
  return typeof v === 'string' ? parseCamundaDate(v) : null;
}

/** The port object with exactly `keys` (absent ones null) and `dateKeys` (parsed Camunda dates). */
export function pick<T>(w: Wire, keys: readonly string[], dateKeys: readonly string[] = []): T {
  const out: Wire = {};
  for (const k of keys) out[k] = w[k] ?? null;
  for (const k of dateKeys) out[k] = date(w[k]);
  return out as T;
}

/**
 * An Object value arrives deserialized (JSON) where Camunda holds it deserialized; the port keeps
 * the serialized form, so it is serialized back.
 */
function serializedObject(w: unknown): unknown {
  const v = w as { type?: string; value?: unknown } | null;
  if (v && v.type === 'Object' && v.value !== null && typeof v.value !== 'string') {
    return { ...v, value: JSON.stringify(v.value) };
  }
  return w;
}

/** Variables as an answer carries them (names unchecked: they are the engine's). */
export function variables(w: unknown): VariableMap {
  const entries = Object.entries((w ?? {}) as Record<string, unknown>).map(([k, v]) => [
    k,
    serializedObject(v),
  ]);
  return decodeVariables(Object.fromEntries(entries), 'variables', { checkNames: false });
}

export function typedValue(w: unknown): TypedValue {
  return decodeTypedValue(serializedObject(w), 'value', { checkNames: false });
}

export const deployment = (w: Wire): P.Deployment =>
  pick(w, ['id', 'name', 'source', 'tenantId'], ['deploymentTime']) as P.Deployment;

export const processDefinition = (w: Wire): P.ProcessDefinition => {
  const keys = [
    'id',
    'key',
    'name',
    'version',
    'versionTag',
    'category',
    'description',
    'resource',
    'deploymentId',
  ];
  return {
    ...pick<P.ProcessDefinition>(w, [...keys, 'diagram', 'suspended', 'tenantId', 'historyTimeToLive']),
    startableInTasklist: w.startableInTasklist !== false,
  };
};

export const deploymentWithDefinitions = (w: Wire): P.DeploymentWithDefinitions => ({
  ...deployment(w),
  deployedProcessDefinitions: Object.fromEntries(
    Object.entries((w.deployedProcessDefinitions ?? {}) as Record<string, Wire>).map(([id, d]) => [
      id,
      processDefinition(d),
    ]),
  ),
});

export const processInstance = (w: Wire): P.ProcessInstance =>
  pick(w, ['id', 'definitionId', 'businessKey', 'ended', 'suspended', 'tenantId']);

/** What Camunda's ActivityInstanceDto and TransitionInstanceDto have in common, in the port's order. */
const ELEMENT_INSTANCE_KEYS = [
  'id',
  'parentActivityInstanceId',
  'activityId',
  'activityName',
  'activityType',
  'processInstanceId',
  'processDefinitionId',
];

export const activityInstance = (w: Wire): P.ActivityInstance => ({
  ...pick<P.ActivityInstance>(w, [...ELEMENT_INSTANCE_KEYS, 'executionIds', 'incidentIds', 'incidents']),
  childActivityInstances: ((w.childActivityInstances ?? []) as Wire[]).map(activityInstance),
  childTransitionInstances: ((w.childTransitionInstances ?? []) as Wire[]).map((t) =>
    pick<P.TransitionInstance>(t, [...ELEMENT_INSTANCE_KEYS, 'executionId', 'incidentIds', 'incidents']),
  ),
});

const EXTERNAL_TASK_KEYS = [
  'id',
  'activityId',
  'activityInstanceId',
  'errorMessage',
  'executionId',
  'processDefinitionId',
  'processDefinitionKey',
  'processDefinitionVersionTag',
  'processInstanceId',
  'tenantId',
  'retries',
  'suspended',
  'workerId',
  'topicName',
  'priority',
  'businessKey',
] as const;

export const externalTask = (w: Wire): P.ExternalTask =>
  pick(w, EXTERNAL_TASK_KEYS, ['lockExpirationTime', 'createTime']);

export const lockedExternalTask = (w: Wire, withExtensionProperties: boolean): P.LockedExternalTask => ({
  ...externalTask(w),
  errorDetails: (w.errorDetails as string | null) ?? null,
  variables: variables(w.variables),
  ...(withExtensionProperties
    ? { extensionProperties: (w.extensionProperties ?? {}) as Record<string, string> }
    : {}),
});

/** Camunda 7 names the form reference `camundaFormRef`; Operaton renamed it `operatonFormRef`. */
export function formRef(w: Wire): P.UserTask['camundaFormRef'] {
  const ref = (w.camundaFormRef ?? w.operatonFormRef ?? null) as Wire | null;
  if (!ref) return null;
  return {
    key: String(ref.key),
    binding: (ref.binding ?? 'latest') as 'latest' | 'deployment' | 'version',
    version: (ref.version as number | null) ?? null,
  };
}

export const userTask = (w: Wire): P.UserTask => ({
  ...pick<P.UserTask>(
    w,
    [
      'id',
      'name',
      'assignee',
      'owner',
      'delegationState',
      'description',
      'executionId',
      'parentTaskId',
      'priority',
      'processDefinitionId',
      'processInstanceId',
      'taskDefinitionKey',
      'suspended',
      'formKey',
      'tenantId',
    ],
    ['created', 'due', 'followUp'],
  ),
  camundaFormRef: formRef(w),
  // Camunda's TaskDto has no candidate groups; they need GET /task/{id}/identity-links.
  candidateGroups: [],
});

export const incident = (w: Wire): P.Incident =>
  pick(
    w,
    [
      'id',
      'processDefinitionId',
      'processInstanceId',
      'executionId',
      'incidentType',
      'activityId',
      'failedActivityId',
      'causeIncidentId',
      'rootCauseIncidentId',
      'configuration',
      'tenantId',
      'incidentMessage',
      'jobDefinitionId',
      'annotation',
    ],
    ['incidentTimestamp'],
  );

export const job = (w: Wire, activityId: string): P.Job => ({
  ...pick<P.Job>(
    w,
    [
      'id',
      'jobDefinitionId',
      'processInstanceId',
      'executionId',
      'processDefinitionId',
      'processDefinitionKey',
      'retries',
      'exceptionMessage',
      'failedActivityId',
      'suspended',
      'priority',
      'tenantId',
    ],
    ['dueDate', 'createTime'],
  ),
  activityId,
});

export const messageCorrelationResult = (w: Wire): P.MessageCorrelationResult => {
  const exec = w.execution as Wire | null;
  return {
    resultType: w.resultType as P.MessageCorrelationResult['resultType'],
    processInstance: w.processInstance ? processInstance(w.processInstance as Wire) : null,
    execution: exec ? pick(exec, ['id', 'processInstanceId', 'ended', 'tenantId']) : null,
    ...(w.variables ? { variables: variables(w.variables) } : {}),
  };
};
