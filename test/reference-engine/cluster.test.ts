/**
 * Scale-out proof (issue 5): two Operaton nodes on one PostgreSQL; the partnerships' diagrams deployed unchanged
 * (processes/**, forms/**); official-client workers on the four escalation topics polling both nodes; Liverpool
 * escalations started on node A; node A killed (SIGKILL) mid-load. Stage 1's deadline (`${stage1Due}`, set by the
 * schedule worker) falls due during the outage. Every escalation must reach its line managers through the breach
 * path on node B, be resolved there by a person, and complete; no external task may be completed twice.
 * Run by `npm run test:cluster` (its own mocha invocation; not in the default spec glob).
 */
import { expect } from 'chai';
import type { Client } from 'camunda-external-task-client-js';
import { createCamundaRestEngine } from '../../src/engine/camunda-rest/index.js';
import { parseCamundaDate } from '../../src/engine/rest-server/wire/date-format.js';
import type { EnginePort } from '../../src/engine/port.js';
import { deployProcesses } from '../../processes/deploy.js';
import { resolved, SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';
import { parseStartVariables, toStartVariableMap } from '../../processes/variables.js';
import { Ledger, startWorker } from './cluster-workers.js';
import { startReferenceEngine, type ReferenceEngine } from './launcher.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

const KEY = 'LiverpoolEscalation';
const INSTANCES = 40;
// Short enough that tasks locked through the killed node are redelivered within the test.
const LOCK_MS = 10_000;
// Every Stage 1 deadline falls after the kill, so only node B can fire it.
const DEADLINE_AFTER_START_MS = 25_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Polls `count()` on node B until it reaches `target` (or 3 minutes pass); returns the last count. */
async function waitFor(count: () => Promise<number>, target: number): Promise<number> {
  let n = await count();
  for (let waited = 0; n < target && waited < 180_000; waited += 1000) {
    await sleep(1000);
    n = await count();
  }
  return n;
}

function startVariables(i: number, raisedAt: Date) {
  return toStartVariableMap(
    parseStartVariables({
      ...SAMPLE_ESCALATION,
      escalationId: `CLUSTER-${i}`,
      raisedAt,
      caseReference: `CR-2026-${String(i).padStart(5, '0')}`,
    }),
  );
}

describe('Operaton cluster on one PostgreSQL (scale-out), with the partnerships’ diagrams', () => {
  let postgres: ThrowawayPostgres;
  let nodeA: ReferenceEngine;
  let nodeB: ReferenceEngine;
  let engineA: EnginePort;
  let engineB: EnginePort;
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
    engineA = createCamundaRestEngine({ baseUrl: nodeA.url });
    engineB = createCamundaRestEngine({ baseUrl: nodeB.url });
  });

  after(async () => {
    clients.forEach((client) => client.stop());
    await Promise.all([engineA?.close(), engineB?.close()]);
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    postgres?.stop();
  });

  it('Given two nodes and workers on both, When node A is killed mid-load, Then every Liverpool escalation breaches Stage 1 on B, is resolved there and completes, and no task is completed twice', async () => {
    await deployProcesses(engineA);
    const raisedAt = new Date();
    const firstDue = new Date(raisedAt.getTime() + DEADLINE_AFTER_START_MS);
    const ledger = new Ledger();
    const options = { lockMs: LOCK_MS, firstDue, firstDueVariable: 'stage1Due' };
    clients.push(startWorker(nodeA.url, 'worker-a', ledger, options));
    clients.push(startWorker(nodeB.url, 'worker-b', ledger, options));
    for (let i = 0; i < INSTANCES; i++) {
      await engineA.startProcessInstance({
        definitionKey: KEY,
        businessKey: `CLUSTER-${i}`,
        variables: startVariables(i, raisedAt),
      });
    }
    // Mid-load: the first tasks of the escalations are being worked on through both nodes.
    const started = performance.now();
    while (ledger.completed.size < INSTANCES && performance.now() - started < 60_000) await sleep(50);
    await nodeA.kill();
    const killedAt = Date.now();
    expect(killedAt, 'the kill happened before the deadlines fell due').to.be.below(firstDue.getTime());

    const openOutcomes = () =>
      engineB.countUserTasks({
        processDefinitionKey: KEY,
        taskDefinitionKey: 'Stage1LineManager_RecordOutcome',
      });
    expect(await waitFor(openOutcomes, INSTANCES), 'escalations waiting for their line managers').to.equal(
      INSTANCES,
    );
    for (const task of await engineB.listUserTasks({
      processDefinitionKey: KEY,
      taskDefinitionKey: 'Stage1LineManager_RecordOutcome',
    })) {
      const variables = Object.fromEntries(
        Object.entries(resolved).map(([k, v]) => [k, { type: 'String' as const, value: v }]),
      );
      await engineB.completeUserTask(task.id, { variables });
    }
    const finished = () =>
      engineB.countHistoricProcessInstances({ processDefinitionKey: KEY, finished: true });
    expect(await waitFor(finished, INSTANCES), 'escalations completed').to.equal(INSTANCES);

    const history = await engineB.listHistoricProcessInstances({
      processDefinitionKey: KEY,
      maxResults: 1000,
    });
    expect(history.filter((p) => p.state === 'COMPLETED')).to.have.length(INSTANCES);
    const twice = [...ledger.completed].filter(([, n]) => n > 1);
    expect(twice, 'external tasks completed more than once').to.deep.equal([]);
    const serviceTasks = await json<unknown[]>(
      `${nodeB.url}/history/activity-instance?activityType=serviceTask&finished=true&maxResults=10000`,
    );
    expect(ledger.completed.size, 'every external task completed once').to.equal(serviceTasks.length);

    const deadlines = await json<{ endTime: string }[]>(
      `${nodeB.url}/history/activity-instance?activityId=Stage1_Deadline&finished=true&maxResults=1000`,
    );
    expect(deadlines).to.have.length(INSTANCES);
    for (const timer of deadlines) expect(parseCamundaDate(timer.endTime)?.getTime()).to.be.above(killedAt);
    const breaches = await json<unknown[]>(
      `${nodeB.url}/history/activity-instance?activityId=Stage1_NotifyBreach&finished=true&maxResults=1000`,
    );
    expect(breaches, 'every breach told the line managers').to.have.length(INSTANCES);
    const redelivered = [...ledger.handled].filter(([, n]) => n > 1).length;
    process.stderr.write(
      `    cluster: ${INSTANCES} escalations, ${ledger.completed.size} external tasks completed once each, ${redelivered} redelivered after the kill\n`,
    );
  });
});
