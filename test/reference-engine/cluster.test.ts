/**
 * Scale-out proof (issue 5): two Operaton nodes on one PostgreSQL, workers on the official client polling both,
 * escalation-like instances started on node A, node A killed (SIGKILL) mid-load. Every instance must complete,
 * no external task may be completed twice, and the stage timers that fall due during the outage fire on node B.
 * Run by `npm run test:cluster` (its own mocha invocation; not in the default spec glob).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, type Task, type TaskService } from 'camunda-external-task-client-js';
import { fixturesDir } from './fixtures.js';
import { startReferenceEngine, type ReferenceEngine } from './launcher.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

const INSTANCES = 40;
const TOPICS = ['cluster-notify', 'cluster-record'] as const;
// Short enough that tasks locked through the killed node are redelivered within the test.
const LOCK_MS = 10_000;
// Every stage deadline falls after the kill, so only node B can fire it.
const DEADLINE_AFTER_START_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Camunda's date format in UTC (+0000), which the engine accepts for Date variables. */
function camundaDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** What the workers did, per external task id. */
class Ledger {
  readonly handled = new Map<string, number>();
  readonly completed = new Map<string, number>();
  record(map: Map<string, number>, id: string): void {
    map.set(id, (map.get(id) ?? 0) + 1);
  }
}

function worker(baseUrl: string, workerId: string, ledger: Ledger): Client {
  const client = new Client({
    baseUrl,
    workerId,
    asyncResponseTimeout: 2000,
    lockDuration: LOCK_MS,
    maxTasks: 5,
    interval: 200,
  });
  for (const topic of TOPICS) {
    client.subscribe(topic, async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
      ledger.record(ledger.handled, task.id!);
      try {
        await taskService.complete(task);
        ledger.record(ledger.completed, task.id!);
      } catch {
        // The node died under us: the lock expires and the task is redelivered through the other node.
      }
    });
  }
  return client;
}

describe('Operaton cluster on one PostgreSQL (scale-out)', () => {
  let postgres: ThrowawayPostgres;
  let nodeA: ReferenceEngine;
  let nodeB: ReferenceEngine;
  const clients: Client[] = [];

  before(async () => {
    postgres = await startThrowawayPostgres();
    const database = {
      kind: 'jdbc' as const,
      url: postgres.jdbcUrl,
      username: postgres.username,
      password: '',
    };
    // One after the other: the first creates the schema.
    nodeA = await startReferenceEngine({ database });
    nodeB = await startReferenceEngine({ database });
  });

  after(async () => {
    clients.forEach((client) => client.stop());
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    postgres?.stop();
  });

  it('Given two nodes and workers on both, When node A is killed mid-load, Then every escalation completes on B, no task is completed twice and the deadlines fire on B', async () => {
    const form = new FormData();
    form.append('deployment-name', 'cluster');
    form.append(
      'cluster-escalation.bpmn',
      new Blob([readFileSync(join(fixturesDir, 'cluster-escalation.bpmn'))]),
      'cluster-escalation.bpmn',
    );
    await json(`${nodeA.url}/deployment/create`, { method: 'POST', body: form });

    const ledger = new Ledger();
    clients.push(worker(nodeA.url, 'worker-a', ledger), worker(nodeB.url, 'worker-b', ledger));
    const started = performance.now();
    const wallStart = new Date().getTime();
    for (let i = 0; i < INSTANCES; i++) {
      await json(`${nodeA.url}/process-definition/key/cluster-escalation/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          businessKey: `CLUSTER-${i}`,
          variables: { stageDue: { type: 'Date', value: camundaDate(wallStart + DEADLINE_AFTER_START_MS) } },
        }),
      });
    }
    // Mid-load: the first notifications are being worked on through both nodes.
    while (ledger.completed.size < INSTANCES / 4 && performance.now() - started < 60_000) await sleep(50);
    await nodeA.kill();
    const killedAt = new Date().getTime();
    expect(killedAt, 'the kill happened before the deadlines fell due').to.be.below(
      wallStart + DEADLINE_AFTER_START_MS,
    );

    const history = `${nodeB.url}/history/process-instance?processDefinitionKey=cluster-escalation`;
    for (let waited = 0; waited < 180_000; waited += 1000) {
      const { count } = await json<{ count: number }>(
        `${nodeB.url}/history/process-instance/count?processDefinitionKey=cluster-escalation&finished=true`,
      );
      if (count === INSTANCES) break;
      await sleep(1000);
    }
    const instances = await json<{ state: string }[]>(`${history}&maxResults=1000`);
    expect(instances.filter((p) => p.state === 'COMPLETED')).to.have.length(INSTANCES);

    const twice = [...ledger.completed].filter(([, n]) => n > 1);
    expect(twice, 'external tasks completed more than once').to.deep.equal([]);
    expect(ledger.completed.size).to.equal(INSTANCES * TOPICS.length);

    const timers = await json<{ endTime: string }[]>(
      `${nodeB.url}/history/activity-instance?activityId=StageDeadline&finished=true&maxResults=1000`,
    );
    expect(timers).to.have.length(INSTANCES);
    for (const timer of timers)
      expect(Date.parse(timer.endTime.replace(/(\d{2})(\d{2})$/, '$1:$2'))).to.be.above(killedAt);
    const redelivered = [...ledger.handled].filter(([, n]) => n > 1).length;
    process.stderr.write(
      `    cluster: ${INSTANCES} instances, ${ledger.completed.size} tasks completed once each, ${redelivered} redelivered after the kill\n`,
    );
  });
});
