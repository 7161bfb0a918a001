import type { ExternalTaskQuery } from '../../port.js';
import { SqlQuery } from '../queries/sql-query.js';

export const EXTERNAL_TASK_SORT = {
  id: 'et.id',
  lockExpirationTime: 'et.lock_expiration',
  processInstanceId: 'et.process_instance_id',
  priority: 'et.priority',
  createTime: 'et.create_time',
} as const;

/** Camunda's `GET /external-task` filters; `locked` means a lock that has not expired at `now`. */
export function externalTaskQuery(query: ExternalTaskQuery, now: number): SqlQuery {
  return new SqlQuery('external_task et')
    .when(query.externalTaskId, 'et.id = ?', query.externalTaskId)
    .when(query.topicName, 'et.topic = ?', query.topicName)
    .when(query.workerId, 'et.worker_id = ?', query.workerId)
    .if(query.locked, 'et.lock_expiration > ?', now)
    .if(query.notLocked, '(et.lock_expiration IS NULL OR et.lock_expiration <= ?)', now)
    .if(query.withRetriesLeft, '(et.retries IS NULL OR et.retries > 0)')
    .if(query.noRetriesLeft, 'et.retries = 0')
    .when(query.activityId, 'et.activity_id = ?', query.activityId)
    .when(query.processInstanceId, 'et.process_instance_id = ?', query.processInstanceId)
    .when(query.processDefinitionId, 'et.definition_id = ?', query.processDefinitionId);
}
