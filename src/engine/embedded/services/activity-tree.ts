/** Camunda's activity instance tree of a running process instance. */
import type { ActivityInstance } from '../../port.js';
import type { LoadedDefinition } from '../model/model-cache.js';
import type { Store } from '../store/database.js';
import type { ActivityRow, IncidentRow } from '../store/rows.js';

export function activityTree(store: Store, instanceId: string, loaded: LoadedDefinition): ActivityInstance {
  const activities = store
    .sql('SELECT * FROM activity_instance WHERE process_instance_id = ? ORDER BY rowid')
    .all(instanceId) as ActivityRow[];
  const incidents = store
    .sql('SELECT * FROM incident WHERE process_instance_id = ?')
    .all(instanceId) as IncidentRow[];
  const { model, definition } = loaded;
  const build = (row: ActivityRow): ActivityInstance => {
    const node = model.nodes.get(row.activity_id);
    const own = incidents.filter(
      (i) => i.activity_id === row.activity_id && i.execution_id === row.execution_id,
    );
    return {
      id: row.id,
      parentActivityInstanceId: row.parent_id,
      activityId: row.activity_id,
      activityName: node?.name ?? null,
      activityType: node?.activityType ?? 'unknown',
      processInstanceId: instanceId,
      processDefinitionId: definition.id,
      childActivityInstances: activities.filter((a) => a.parent_id === row.id).map(build),
      childTransitionInstances: [],
      executionIds: [row.execution_id],
      incidentIds: own.map((i) => i.id),
      incidents: own.map((i) => ({ id: i.id, activityId: i.activity_id })),
    };
  };
  return {
    id: instanceId,
    parentActivityInstanceId: null,
    activityId: definition.id,
    activityName: model.name,
    activityType: 'processDefinition',
    processInstanceId: instanceId,
    processDefinitionId: definition.id,
    childActivityInstances: activities.filter((a) => a.parent_id === instanceId).map(build),
    childTransitionInstances: [],
    executionIds: [instanceId],
    incidentIds: [],
    incidents: [],
  };
}
