import type { UserTaskQuery } from '../../port.js';
import { SqlQuery } from '../queries/sql-query.js';

export const USER_TASK_SORT = {
  id: 't.id',
  name: 't.name',
  created: 't.create_time',
  dueDate: 't.due',
  assignee: 't.assignee',
  priority: 't.priority',
  processInstanceId: 't.process_instance_id',
} as const;

const CANDIDATE = 'EXISTS (SELECT 1 FROM task_candidate c WHERE c.task_id = t.id AND c.group_id';

/** Camunda's `GET /task` filters. */
export function userTaskQuery(query: UserTaskQuery): SqlQuery {
  const q = new SqlQuery('user_task t JOIN process_definition d ON d.id = t.definition_id')
    .when(query.taskId, 't.id = ?', query.taskId)
    .when(query.processInstanceId, 't.process_instance_id = ?', query.processInstanceId)
    .in(query.processInstanceIdIn, 't.process_instance_id')
    .when(query.processInstanceBusinessKey, 't.business_key = ?', query.processInstanceBusinessKey)
    .when(query.processDefinitionId, 't.definition_id = ?', query.processDefinitionId)
    .when(query.processDefinitionKey, 'd.key = ?', query.processDefinitionKey)
    .when(query.taskDefinitionKey, 't.activity_id = ?', query.taskDefinitionKey)
    .when(query.assignee, 't.assignee = ?', query.assignee)
    .if(query.unassigned, 't.assignee IS NULL')
    .when(query.candidateGroup, `${CANDIDATE} = ?)`, query.candidateGroup)
    .when(query.dueBefore, 't.due < ?', query.dueBefore?.getTime())
    .when(query.dueAfter, 't.due > ?', query.dueAfter?.getTime());
  if (query.candidateGroups) {
    const marks = query.candidateGroups.map(() => '?').join(',');
    q.if(true, query.candidateGroups.length ? `${CANDIDATE} IN (${marks}))` : '0', ...query.candidateGroups);
  }
  return q;
}
