/** History queries (Camunda's `/history/*`). */
import type {
  HistoricActivityInstance,
  HistoricActivityInstanceQuery,
  HistoricIncident,
  HistoricIncidentQuery,
  HistoricProcessInstance,
  HistoricProcessInstanceQuery,
  HistoricTask,
  HistoricTaskQuery,
  HistoricVariableInstance,
  HistoricVariableInstanceQuery,
  Page,
} from '../../port.js';
import type { EngineCore } from '../core.js';
import { orderBy, SqlQuery } from '../queries/sql-query.js';
import * as map from './history-mappers.js';

type Row = Record<string, unknown>;
const ms = (d: Date | undefined): number | undefined => d?.getTime();

function processQuery(q: HistoricProcessInstanceQuery): SqlQuery {
  return new SqlQuery('hist_process_instance')
    .when(q.processInstanceId, 'id = ?', q.processInstanceId)
    .in(q.processInstanceIds, 'id')
    .when(q.processInstanceBusinessKey, 'business_key = ?', q.processInstanceBusinessKey)
    .when(q.processDefinitionKey, 'definition_key = ?', q.processDefinitionKey)
    .if(q.finished, 'end_time IS NOT NULL')
    .if(q.unfinished, 'end_time IS NULL')
    .when(q.startedBefore, 'start_time < ?', ms(q.startedBefore))
    .when(q.startedAfter, 'start_time > ?', ms(q.startedAfter))
    .when(q.finishedBefore, 'end_time < ?', ms(q.finishedBefore))
    .when(q.finishedAfter, 'end_time > ?', ms(q.finishedAfter));
}

function activityQuery(q: HistoricActivityInstanceQuery): SqlQuery {
  return new SqlQuery('hist_activity_instance')
    .when(q.processInstanceId, 'process_instance_id = ?', q.processInstanceId)
    .when(q.activityId, 'activity_id = ?', q.activityId)
    .when(q.activityType, 'activity_type = ?', q.activityType)
    .if(q.finished, 'end_time IS NOT NULL')
    .if(q.unfinished, 'end_time IS NULL');
}

function variableQuery(q: HistoricVariableInstanceQuery): SqlQuery {
  return new SqlQuery('hist_variable')
    .when(q.processInstanceId, 'process_instance_id = ?', q.processInstanceId)
    .when(q.variableName, 'name = ?', q.variableName)
    .when(q.variableNameLike, 'name LIKE ?', q.variableNameLike);
}

function incidentQuery(q: HistoricIncidentQuery): SqlQuery {
  return new SqlQuery('hist_incident')
    .when(q.processInstanceId, 'process_instance_id = ?', q.processInstanceId)
    .when(q.incidentType, 'type = ?', q.incidentType)
    .when(q.activityId, 'activity_id = ?', q.activityId)
    .if(q.open, "state = 'open'")
    .if(q.resolved, "state = 'resolved'");
}

function taskQuery(q: HistoricTaskQuery): SqlQuery {
  return new SqlQuery('hist_task')
    .when(q.taskId, 'id = ?', q.taskId)
    .when(q.processInstanceId, 'process_instance_id = ?', q.processInstanceId)
    .when(q.processDefinitionKey, 'definition_key = ?', q.processDefinitionKey)
    .when(q.taskDefinitionKey, 'task_definition_key = ?', q.taskDefinitionKey)
    .when(q.taskAssignee, 'assignee = ?', q.taskAssignee)
    .when(q.taskDueDateBefore, 'due < ?', ms(q.taskDueDateBefore))
    .if(q.finished, 'end_time IS NOT NULL')
    .if(q.unfinished, 'end_time IS NULL');
}

export class HistoryService {
  constructor(private readonly core: EngineCore) {}

  private list<T>(q: SqlQuery, order: string, page: Page, mapper: (r: Row) => T): T[] {
    return q.list<Row>(this.core.store, '*', order, page).map(mapper);
  }

  async listHistoricProcessInstances(
    q: HistoricProcessInstanceQuery = {},
  ): Promise<HistoricProcessInstance[]> {
    const sort = {
      instanceId: 'id',
      definitionKey: 'definition_key',
      businessKey: 'business_key',
      startTime: 'start_time',
      endTime: 'end_time',
    };
    return this.list(
      processQuery(q),
      orderBy(sort, q.sortBy, q.sortOrder, 'rowid'),
      q,
      map.toHistoricProcess,
    );
  }

  async countHistoricProcessInstances(q: HistoricProcessInstanceQuery = {}): Promise<number> {
    return processQuery(q).count(this.core.store);
  }

  async listHistoricActivityInstances(
    q: HistoricActivityInstanceQuery = {},
  ): Promise<HistoricActivityInstance[]> {
    const sort = {
      activityInstanceId: 'id',
      instanceId: 'process_instance_id',
      startTime: 'start_time',
      endTime: 'end_time',
      activityId: 'activity_id',
    };
    return this.list(
      activityQuery(q),
      orderBy(sort, q.sortBy, q.sortOrder, 'rowid'),
      q,
      map.toHistoricActivity,
    );
  }

  async countHistoricActivityInstances(q: HistoricActivityInstanceQuery = {}): Promise<number> {
    return activityQuery(q).count(this.core.store);
  }

  async listHistoricVariableInstances(
    q: HistoricVariableInstanceQuery = {},
  ): Promise<HistoricVariableInstance[]> {
    const sort = { instanceId: 'process_instance_id', variableName: 'name' };
    return this.list(
      variableQuery(q),
      orderBy(sort, q.sortBy, q.sortOrder, 'rowid'),
      q,
      map.toHistoricVariable,
    );
  }

  async countHistoricVariableInstances(q: HistoricVariableInstanceQuery = {}): Promise<number> {
    return variableQuery(q).count(this.core.store);
  }

  async listHistoricIncidents(q: HistoricIncidentQuery = {}): Promise<HistoricIncident[]> {
    const sort = { incidentId: 'id', createTime: 'create_time', endTime: 'end_time' };
    return this.list(
      incidentQuery(q),
      orderBy(sort, q.sortBy, q.sortOrder, 'rowid'),
      q,
      map.toHistoricIncident,
    );
  }

  async countHistoricIncidents(q: HistoricIncidentQuery = {}): Promise<number> {
    return incidentQuery(q).count(this.core.store);
  }

  async listHistoricTasks(q: HistoricTaskQuery = {}): Promise<HistoricTask[]> {
    const sort = {
      taskId: 'id',
      startTime: 'start_time',
      endTime: 'end_time',
      duration: '(end_time - start_time)',
    };
    return this.list(taskQuery(q), orderBy(sort, q.sortBy, q.sortOrder, 'rowid'), q, map.toHistoricTask);
  }

  async countHistoricTasks(q: HistoricTaskQuery = {}): Promise<number> {
    return taskQuery(q).count(this.core.store);
  }
}
