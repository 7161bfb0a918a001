/** Who a message correlates with: waiting subscriptions, and message start events of latest versions. */
import type { CorrelateMessageInput } from '../../port.js';
import type { TypedValue } from '../../variables.js';
import type { Store } from '../store/database.js';
import type { SubscriptionRow } from '../store/rows.js';
import { encodeValue } from '../values/variable-codec.js';
import { processVariableMatch } from '../queries/variable-match.js';

export interface StartMatch {
  definition_id: string;
  element_id: string;
}

export function matchingSubscriptions(store: Store, input: CorrelateMessageInput): SubscriptionRow[] {
  const clauses = ['ms.message_name = ?'];
  const params: unknown[] = [input.messageName];
  if (input.processInstanceId) {
    clauses.push('pi.id = ?');
    params.push(input.processInstanceId);
  }
  if (input.businessKey !== undefined && input.businessKey !== null) {
    clauses.push('pi.business_key = ?');
    params.push(input.businessKey);
  }
  for (const [name, value] of Object.entries(input.correlationKeys ?? {})) {
    clauses.push(variableClause(value));
    params.push(name, ...variableParams(value));
  }
  const text = `SELECT ms.* FROM message_subscription ms JOIN process_instance pi ON pi.id = ms.process_instance_id
    WHERE ${clauses.join(' AND ')} ORDER BY ms.rowid`;
  return store.sql(text).all(...params) as SubscriptionRow[];
}

function variableClause(value: TypedValue): string {
  const column = value.value === null ? 'type' : comparableColumn(value);
  return processVariableMatch('pi.id', column);
}

function comparableColumn(value: TypedValue): string {
  const stored = encodeValue(value);
  return stored.number_value !== null ? 'number_value' : 'text_value';
}

function variableParams(value: TypedValue): unknown[] {
  if (value.value === null) return ['Null'];
  const stored = encodeValue(value);
  return [stored.number_value ?? stored.text_value];
}

export function matchingStarts(store: Store, messageName: string): StartMatch[] {
  return store
    .sql(
      `SELECT ms.definition_id, ms.element_id FROM message_start ms JOIN process_definition d ON d.id = ms.definition_id
        WHERE ms.message_name = ? AND d.version = (SELECT max(version) FROM process_definition x WHERE x.key = d.key)
        ORDER BY d.rowid`,
    )
    .all(messageName) as StartMatch[];
}
