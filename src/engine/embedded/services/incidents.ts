/** Open incidents (failed external tasks and failed timer jobs). */
import type { Incident, IncidentQuery } from '../../port.js';
import type { EngineCore } from '../core.js';
import { orderBy, SqlQuery } from '../queries/sql-query.js';
import type { IncidentRow } from '../store/rows.js';
import { toIncident } from './mappers.js';

const SORT = { incidentId: 'id', incidentTimestamp: 'create_time', activityId: 'activity_id' } as const;

export class IncidentService {
  constructor(private readonly core: EngineCore) {}

  private query(query: IncidentQuery): SqlQuery {
    return new SqlQuery('incident')
      .when(query.incidentId, 'id = ?', query.incidentId)
      .when(query.incidentType, 'type = ?', query.incidentType)
      .when(query.processInstanceId, 'process_instance_id = ?', query.processInstanceId)
      .when(query.processDefinitionId, 'definition_id = ?', query.processDefinitionId)
      .when(query.activityId, 'activity_id = ?', query.activityId)
      .when(query.configuration, 'configuration = ?', query.configuration);
  }

  async listIncidents(query: IncidentQuery = {}): Promise<Incident[]> {
    const order = orderBy(SORT, query.sortBy, query.sortOrder, 'rowid');
    return this.query(query).list<IncidentRow>(this.core.store, '*', order, query).map(toIncident);
  }

  async countIncidents(query: IncidentQuery = {}): Promise<number> {
    return this.query(query).count(this.core.store);
  }
}
