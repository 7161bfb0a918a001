/**
 * One fetch-and-lock attempt: pick unlocked tasks of the requested topics (each topic with its
 * own filters), lock them for the worker, and read their variables, all in one transaction, so
 * two callers can never lock the same task.
 */
import type { FetchAndLockInput, FetchTopic, LockedExternalTask } from '../../port.js';
import type { VariableMap } from '../../variables.js';
import type { Store } from '../store/database.js';
import type { ExternalTaskRow } from '../store/rows.js';
import { visibleVariables } from '../runtime/variables.js';
import { addVariableFilterFor } from './topic-filters.js';
import { toExternalTask } from './mappers.js';
import { taskScopeChain } from './task-scope.js';

export function fetchAndLockNow(store: Store, now: number, input: FetchAndLockInput): LockedExternalTask[] {
  if (input.maxTasks <= 0 || input.topics.length === 0) return [];
  return store.transaction(() => {
    const rows = candidates(store, now, input);
    return rows.map((row) => {
      const topic = input.topics.find((t) => t.topicName === row.topic)!;
      const lockExpiration = now + topic.lockDuration;
      store
        .sql('UPDATE external_task SET worker_id = ?, lock_expiration = ? WHERE id = ?')
        .run(input.workerId, lockExpiration, row.id);
      const locked = { ...row, worker_id: input.workerId, lock_expiration: lockExpiration };
      return {
        ...toExternalTask(locked),
        errorDetails: row.error_details,
        variables: variablesFor(store, row, topic),
      };
    });
  });
}

type Candidate = ExternalTaskRow & { seq: number };

/** The two lock states a fetchable task can be in; each is one index range. */
export const LOCK_STATES = ['et.lock_expiration IS NULL', 'et.lock_expiration <= ?'] as const;

/** The order a fetch returns tasks in: priority first with `usePriority`, then creation. */
export interface FetchOrder {
  usePriority: boolean;
  /** `sorting` createTime desc; creation ascending otherwise. */
  newestFirst: boolean;
}

/** The order `input` asks for. Camunda sorts only by createTime, so the first entry decides. */
export function fetchOrder(input: FetchAndLockInput): FetchOrder {
  return { usePriority: input.usePriority ?? false, newestFirst: input.sorting?.[0]?.sortOrder === 'desc' };
}

/**
 * The query for one topic and one lock state, in fetch order (creation is rowid). Parameters: the
 * topic's, `now` for an expired lock, then the limit. Newest first walks the same indexes
 * backwards, except with `usePriority`: `external_task_fetch` runs creation ascending within a
 * priority, so SQLite still reads it in priority order but sorts each priority's tasks it reads.
 */
export function candidateQuery(topic: FetchTopic, lock: (typeof LOCK_STATES)[number], order: FetchOrder) {
  const params: unknown[] = [];
  const clause = topicClause(topic, params);
  const creation = order.newestFirst ? 'et.rowid DESC' : 'et.rowid';
  const orderBy = order.usePriority ? `et.priority DESC, ${creation}` : creation;
  const text = `SELECT et.rowid AS seq, et.* FROM external_task et WHERE ${clause} AND ${lock}
    AND (et.retries IS NULL OR et.retries > 0) ORDER BY ${orderBy} LIMIT ?`;
  return { text, params };
}

/** Compares candidates in `order`, as {@link candidateQuery} returns them. */
function compareIn(order: FetchOrder): (a: Candidate, b: Candidate) => number {
  const byCreation = order.newestFirst
    ? (a: Candidate, b: Candidate) => b.seq - a.seq
    : (a: Candidate, b: Candidate) => a.seq - b.seq;
  if (!order.usePriority) return byCreation;
  return (a, b) => b.priority - a.priority || byCreation(a, b);
}

/**
 * The next fetchable tasks, in fetch order. Each topic is read as two index ranges that are
 * already in that order (`external_task_fetch`, `external_task_topic`): tasks never locked (or
 * unlocked), and tasks whose lock has expired; each stops after `maxTasks` rows, so a fetch costs
 * the same with 50 or 50,000 tasks waiting. The ranges are then merged in the same order.
 */
function candidates(store: Store, now: number, input: FetchAndLockInput): ExternalTaskRow[] {
  const order = fetchOrder(input);
  const found = new Map<string, Candidate>();
  for (const topic of input.topics) {
    for (const lock of LOCK_STATES) {
      const { text, params } = candidateQuery(topic, lock, order);
      if (lock !== LOCK_STATES[0]) params.push(now);
      const rows = store.sql(text).all(...params, input.maxTasks) as Candidate[];
      for (const row of rows) found.set(row.id, row);
    }
  }
  return [...found.values()].sort(compareIn(order)).slice(0, input.maxTasks);
}

function topicClause(topic: FetchTopic, params: unknown[]): string {
  const parts = ['et.topic = ?'];
  params.push(topic.topicName);
  const add = (value: unknown, clause: string): void => {
    if (value === undefined || value === null) return;
    parts.push(clause);
    params.push(value);
  };
  add(topic.businessKey, 'et.business_key = ?');
  add(topic.processDefinitionId, 'et.definition_id = ?');
  add(topic.processDefinitionKey, 'et.definition_key = ?');
  for (const [column, list] of [
    ['et.definition_id', topic.processDefinitionIdIn],
    ['et.definition_key', topic.processDefinitionKeyIn],
  ] as const) {
    if (!list) continue;
    parts.push(list.length ? `${column} IN (${list.map(() => '?').join(',')})` : '0');
    params.push(...list);
  }
  for (const [name, value] of Object.entries(topic.processVariables ?? {})) {
    parts.push(addVariableFilterFor(name, value, params));
  }
  return `(${parts.join(' AND ')})`;
}

function variablesFor(store: Store, row: ExternalTaskRow, topic: FetchTopic): VariableMap {
  if (Array.isArray(topic.variables) && topic.variables.length === 0) return {};
  const chain = taskScopeChain(store, row.activity_instance_id, row.process_instance_id);
  const scopes = topic.localVariables ? chain.slice(0, 1) : chain;
  const visible = visibleVariables(store, scopes, topic.variables ?? undefined);
  if (!topic.variables) return visible;
  // In the order the worker asked for them (the map is written in that order).
  const picked: VariableMap = {};
  for (const name of topic.variables) if (visible[name]) picked[name] = visible[name];
  return picked;
}
