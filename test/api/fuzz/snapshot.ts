/**
 * What a refused request must leave as it was, read straight from the stores and the engine: every
 * table of the application database a write of the API could touch (the escalations index and its
 * audience, subjects, the record, the outbox and invites, documents, users, tokens, sessions), the
 * audit log's length (compared apart: a refused attempt appends its own entry), and in the engine
 * the number of process instances (running and historic), deployments and definitions, and for each
 * target escalation its process variables and its open tasks with their variables.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import type { ApiHarness } from '../harness.js';

/** One state of everything, each part as a digest (or a count) that deep equality compares. */
export interface Snapshot {
  tables: Record<string, string>;
  engine: Record<string, string | number>;
  auditSeq: number;
}

/**
 * The tables compared, with their columns: every column, except that the bulky ones (mail bodies,
 * PDFs, sealed payloads) are compared by length, next to the hashes and ids that identify their
 * content; and the lockout counters, which a wrong password changes by design.
 */
const TABLES: Record<string, string> = {
  escalations: '*',
  escalation_audience: '*',
  subjects: '*',
  record_entries: '*',
  record_payloads: 'seq, length(sealed)',
  outbox:
    'id, effect_key, escalation_id, recipient, subject, length(text_body), length(html_body), length(ics), ' +
    'message_id, status, attempts, last_error, created_at, sent_at',
  invites: '*',
  documents: 'id, external_task_id, escalation_id, form, created_at, missing, length(pdf), length(json)',
  memberships: '*',
  tokens: '*',
  sessions: '*',
  users: 'id, username, email, password_hash, admin, disabled, created_at, updated_at',
};

const digest = (value: unknown): string =>
  createHash('sha256')
    .update(
      JSON.stringify(value, (_k, v: unknown) =>
        Buffer.isBuffer(v) || v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
      ),
    )
    .digest('hex');

/**
 * The state now; `targets` are the process instances whose variables and open tasks are compared.
 * `lockout`: a refusal may count a failed sign-in (POST /session), so the count of changed rows is
 * left out (the tables are still compared, the lockout columns aside).
 */
export async function snapshot(
  h: ApiHarness,
  targets: readonly string[],
  options: { lockout?: boolean } = {},
): Promise<Snapshot> {
  const db = h.product.stores.db;
  const { seq } = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM audit_entries').get() as {
    seq: number;
  };
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const tables = { ...tablesAt(h, changes, seq, options.lockout === true) };
  // Every row inserted, updated or deleted through the product's one connection (the API's and the
  // workers'), whatever the table: a refused request may add its audit entry and nothing else.
  if (!options.lockout) tables.changes = String(changes - seq);
  const e = h.product.engine;
  const engine: Record<string, string | number> = {
    instances: await e.countProcessInstances(),
    historicInstances: await e.countHistoricProcessInstances(),
    deployments: await e.countDeployments(),
    definitions: await e.countProcessDefinitions(),
  };
  for (const pid of targets) {
    engine[`variables ${pid}`] = digest(await e.getProcessVariables(pid).catch(() => 'ended'));
    const tasks = await e.listUserTasks({ processInstanceId: pid });
    const withVariables = [];
    for (const t of tasks)
      withVariables.push([t.id, t.taskDefinitionKey, await e.getUserTaskVariables(t.id)]);
    engine[`tasks ${pid}`] = digest(withVariables);
  }
  return { tables, engine, auditSeq: seq };
}

/** The last tables read, by harness, with the connection's change count (less audit entries) then. */
const lastRead = new WeakMap<ApiHarness, { changes: number; tables: Record<string, string> }>();

/**
 * The tables' digests. The product writes the application database through one connection, whose
 * `total_changes()` counts every row it inserted, updated or deleted: when that count, less the
 * audit entries appended, is what it was at the last read, no row of these tables can have changed
 * and the last digests are still theirs (reading them all again made each case of a long fuzz run
 * slower than the last). With `lockout` a refusal may change the lockout counters, so they are read.
 */
function tablesAt(h: ApiHarness, changes: number, seq: number, lockout: boolean): Record<string, string> {
  const last = lastRead.get(h);
  if (!lockout && last && last.changes === changes - seq) return last.tables;
  const db = h.product.stores.db;
  const tables: Record<string, string> = {};
  for (const [table, columns] of Object.entries(TABLES))
    tables[table] = digest(db.prepare(`SELECT ${columns} FROM ${table} ORDER BY rowid`).raw().all());
  lastRead.set(h, { changes: changes - seq, tables });
  return tables;
}

/** The audit entries appended after `seq`, as `action outcome`. */
export function auditSince(h: ApiHarness, seq: number): string[] {
  return (
    h.product.stores.db
      .prepare('SELECT action, outcome FROM audit_entries WHERE seq > ? ORDER BY seq')
      .all(seq) as { action: string; outcome: string }[]
  ).map((a) => `${a.action} ${a.outcome}`);
}

/**
 * Fails unless `after` equals `before` everywhere, with at most one audit entry appended: the
 * attempt's own, of one of `actions`, not `ok`.
 */
export function expectUnchanged(
  h: ApiHarness,
  before: Snapshot,
  after: Snapshot,
  actions: readonly string[],
  what: string,
): void {
  for (const table of Object.keys(before.tables))
    expect(after.tables[table], `${what}: table ${table} changed`).to.equal(before.tables[table]);
  for (const part of Object.keys(before.engine))
    expect(after.engine[part], `${what}: engine ${part} changed`).to.equal(before.engine[part]);
  const appended = auditSince(h, before.auditSeq);
  expect(appended.length, `${what}: audit entries ${appended.join(', ')}`).to.be.at.most(1);
  for (const entry of appended) {
    const [action, outcome] = entry.split(' ');
    expect(actions, `${what}: audited as ${entry}`).to.include(action);
    expect(outcome, `${what}: audited as ${entry}`).not.to.equal('ok');
  }
}
