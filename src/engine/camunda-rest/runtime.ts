/** Process instances, their variables, messages, incidents and jobs over Camunda's REST API. */
import type * as P from '../port.js';
import type { TypedValue, VariableMap } from '../variables.js';
import { InvalidRequestError } from '../errors/index.js';
import { formatCamundaDate } from '../rest-server/wire/date-format.js';
import type { CamundaHttp } from './http-client.js';
import { seg } from './http-client.js';
import * as W from './from-wire.js';
import { withFiles, type FileData } from './file-data.js';
import { countParams, queryParams, wireVariables } from './to-wire.js';

type Wire = Record<string, unknown>;

/** `variables=name_eq_value` and `dueDates=lt_…`, Camunda's GET list filters. */
function instanceParams(query?: P.ProcessInstanceQuery, count = false) {
  const { variables, ...rest } = query ?? {};
  const params = count ? countParams(rest) : queryParams(rest);
  if (variables?.length) {
    params.variables = variables
      .map(
        (v) =>
          `${v.name}_${v.operator}_${v.value instanceof Date ? formatCamundaDate(v.value, 'UTC') : String(v.value)}`,
      )
      .join(',');
  }
  return params;
}

function jobParams(query?: P.JobQuery, count = false) {
  const { dueDates, ...rest } = query ?? {};
  const params = count ? countParams(rest) : queryParams(rest);
  if (dueDates?.length)
    params.dueDates = dueDates.map((d) => `${d.operator}_${formatCamundaDate(d.value, 'UTC')}`).join(',');
  return params;
}

/** Starting, reading and deleting instances. */
function instanceMethods(http: CamundaHttp) {
  return {
    async startProcessInstance(input: P.StartInput): Promise<P.ProcessInstanceWithVariables> {
      if ((input.definitionId === undefined) === (input.definitionKey === undefined)) {
        throw new InvalidRequestError(
          'Exactly one of definitionId and definitionKey is required',
          'definitionId',
        );
      }
      const path = input.definitionId
        ? `/process-definition/${seg(input.definitionId)}/start`
        : `/process-definition/key/${seg(input.definitionKey!)}/start`;
      const json = {
        businessKey: input.businessKey ?? undefined,
        variables: wireVariables(input.variables),
        withVariablesInReturn: input.withVariablesInReturn || undefined,
      };
      const w = await http.json<Wire>('POST', path, { json });
      return { ...W.processInstance(w), ...(w.variables ? { variables: W.variables(w.variables) } : {}) };
    },
    async listProcessInstances(query?: P.ProcessInstanceQuery): Promise<P.ProcessInstance[]> {
      return (await http.json<Wire[]>('GET', '/process-instance', { query: instanceParams(query) })).map(
        W.processInstance,
      );
    },
    async countProcessInstances(query?: P.ProcessInstanceQuery): Promise<number> {
      return (
        await http.json<{ count: number }>('GET', '/process-instance/count', {
          query: instanceParams(query, true),
        })
      ).count;
    },
    async getProcessInstance(id: string): Promise<P.ProcessInstance> {
      return W.processInstance(await http.json<Wire>('GET', `/process-instance/${seg(id)}`));
    },
    async deleteProcessInstance(id: string, _options?: { reason?: string }): Promise<void> {
      // Camunda's DELETE takes no reason; it records none.
      await http.command('DELETE', `/process-instance/${seg(id)}`);
    },
    async getActivityInstanceTree(id: string): Promise<P.ActivityInstance> {
      return W.activityInstance(
        await http.json<Wire>('GET', `/process-instance/${seg(id)}/activity-instances`),
      );
    },
  };
}

/** Variables of instances and executions; File content is fetched from `…/data`. */
function variableMethods(http: CamundaHttp, fileData: FileData) {
  return {
    async getProcessVariables(id: string): Promise<VariableMap> {
      const base = `/process-instance/${seg(id)}/variables`;
      return withFiles(
        fileData,
        base,
        W.variables(await http.json<Wire>('GET', base, { query: { deserializeValues: false } })),
      );
    },
    async getProcessVariable(id: string, name: string): Promise<TypedValue> {
      const path = `/process-instance/${seg(id)}/variables/${seg(name)}`;
      return fileData(
        `${path}/data`,
        W.typedValue(await http.json<Wire>('GET', path, { query: { deserializeValue: false } })),
      );
    },
    async modifyProcessVariables(id: string, change: P.VariableModification): Promise<void> {
      const json = {
        modifications: wireVariables(change.modifications) ?? {},
        deletions: change.deletions ?? [],
      };
      await http.command('POST', `/process-instance/${seg(id)}/variables`, { json });
    },
    async getExecutionLocalVariable(executionId: string, name: string): Promise<TypedValue> {
      const path = `/execution/${seg(executionId)}/localVariables/${seg(name)}`;
      return fileData(
        `${path}/data`,
        W.typedValue(await http.json<Wire>('GET', path, { query: { deserializeValue: false } })),
      );
    },
  };
}

/** Messages and incidents. */
function correlationMethods(http: CamundaHttp) {
  return {
    async correlateMessage(input: P.CorrelateMessageInput): Promise<P.MessageCorrelationResult[]> {
      const json = {
        messageName: input.messageName,
        businessKey: input.businessKey ?? undefined,
        processInstanceId: input.processInstanceId ?? undefined,
        correlationKeys: wireVariables(input.correlationKeys),
        processVariables: wireVariables(input.processVariables),
        all: input.all ?? false,
        // The port always answers with results; Camunda only when asked.
        resultEnabled: true,
        variablesInResultEnabled: input.variablesInResultEnabled ?? false,
      };
      return (await http.json<Wire[]>('POST', '/message', { json })).map(W.messageCorrelationResult);
    },
    async listIncidents(query?: P.IncidentQuery): Promise<P.Incident[]> {
      return (await http.json<Wire[]>('GET', '/incident', { query: queryParams(query) })).map(W.incident);
    },
    async countIncidents(query?: P.IncidentQuery): Promise<number> {
      return (await http.json<{ count: number }>('GET', '/incident/count', { query: countParams(query) }))
        .count;
    },
  };
}

/** Everything of the port about running instances (jobs are in `jobs.ts`). */
export function runtimeMethods(http: CamundaHttp, fileData: FileData) {
  return {
    ...instanceMethods(http),
    ...variableMethods(http, fileData),
    ...correlationMethods(http),
    jobParams,
  };
}
