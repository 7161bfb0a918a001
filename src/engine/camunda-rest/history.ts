/** History over Camunda's REST API. */
import type * as P from '../port.js';
import type { CamundaHttp } from './http-client.js';
import * as H from './from-wire-history.js';
import { countParams, queryParams } from './to-wire.js';

type Wire = Record<string, unknown>;

export function historyMethods(http: CamundaHttp) {
  const list = async <Q extends object, T>(
    path: string,
    query: Q | undefined,
    map: (w: Wire) => T,
  ): Promise<T[]> => (await http.json<Wire[]>('GET', path, { query: queryParams(query) })).map(map);
  const count = async (path: string, query: object | undefined): Promise<number> =>
    (await http.json<{ count: number }>('GET', `${path}/count`, { query: countParams(query) })).count;
  return {
    listHistoricProcessInstances: (q?: P.HistoricProcessInstanceQuery) =>
      list('/history/process-instance', q, H.historicProcessInstance),
    countHistoricProcessInstances: (q?: P.HistoricProcessInstanceQuery) =>
      count('/history/process-instance', q),
    listHistoricActivityInstances: (q?: P.HistoricActivityInstanceQuery) =>
      list('/history/activity-instance', q, H.historicActivityInstance),
    countHistoricActivityInstances: (q?: P.HistoricActivityInstanceQuery) =>
      count('/history/activity-instance', q),
    listHistoricVariableInstances: (q?: P.HistoricVariableInstanceQuery) =>
      list('/history/variable-instance', { deserializeValues: false, ...q }, H.historicVariableInstance),
    countHistoricVariableInstances: (q?: P.HistoricVariableInstanceQuery) =>
      count('/history/variable-instance', q),
    listHistoricIncidents: (q?: P.HistoricIncidentQuery) => list('/history/incident', q, H.historicIncident),
    countHistoricIncidents: (q?: P.HistoricIncidentQuery) => count('/history/incident', q),
    listHistoricTasks: (q?: P.HistoricTaskQuery) => list('/history/task', q, H.historicTask),
    countHistoricTasks: (q?: P.HistoricTaskQuery) => count('/history/task', q),
  };
}
