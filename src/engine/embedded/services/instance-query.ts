/** The process instance list query (Camunda's `GET /process-instance` filters). */
import type { ProcessInstanceQuery } from '../../port.js';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import { SqlQuery } from '../queries/sql-query.js';
import { processVariableMatch } from '../queries/variable-match.js';

export const INSTANCE_FROM = 'process_instance pi JOIN process_definition pd ON pd.id = pi.definition_id';

export const INSTANCE_SORT = {
  instanceId: 'pi.id',
  definitionKey: 'pd.key',
  definitionId: 'pi.definition_id',
  businessKey: 'pi.business_key',
} as const;

export function instanceQuery(query: ProcessInstanceQuery = {}): SqlQuery {
  const q = new SqlQuery(INSTANCE_FROM)
    .in(query.processInstanceIds, 'pi.id')
    .when(query.businessKey, 'pi.business_key = ?', query.businessKey)
    .when(query.businessKeyLike, 'pi.business_key LIKE ?', query.businessKeyLike)
    .when(query.processDefinitionId, 'pi.definition_id = ?', query.processDefinitionId)
    .when(query.processDefinitionKey, 'pd.key = ?', query.processDefinitionKey)
    .if(query.withIncident, 'EXISTS (SELECT 1 FROM incident i WHERE i.process_instance_id = pi.id)');
  if (query.activityIdIn) {
    const marks = query.activityIdIn.map(() => '?').join(',');
    q.if(
      true,
      `EXISTS (SELECT 1 FROM activity_instance a WHERE a.process_instance_id = pi.id AND a.activity_id IN (${marks}))`,
      ...query.activityIdIn,
    );
  }
  for (const filter of query.variables ?? []) addVariableFilter(q, filter, 'pi.id');
  return q;
}

/** `name eq value` / `name neq value` on a process-level variable (String, number or Boolean). */
export function addVariableFilter(
  q: SqlQuery,
  filter: { name: string; operator: 'eq' | 'neq'; value: unknown },
  instanceColumn: string,
): void {
  const { column, value } = comparable(filter.value, filter.name);
  const match = processVariableMatch(instanceColumn, column);
  q.if(true, filter.operator === 'eq' ? match : `NOT ${match}`, filter.name, value);
}

function comparable(value: unknown, name: string): { column: string; value: unknown } {
  if (typeof value === 'string') return { column: 'text_value', value };
  if (typeof value === 'number') return { column: 'number_value', value };
  if (typeof value === 'boolean') return { column: 'number_value', value: value ? 1 : 0 };
  if (value instanceof Date) return { column: 'number_value', value: value.getTime() };
  throw new InvalidRequestError(
    `Variable filter on '${name}': only strings, numbers, booleans and dates`,
    'variables',
  );
}
