/**
 * Scale-out proof (issues 5 and 13): two Operaton nodes on one PostgreSQL; the partnerships' diagrams deployed
 * unchanged; the REAL workers (workers/app.ts: one worker node, one DATA_DIR, a real SMTP server) polling both
 * engine nodes; Liverpool escalations started on node A; node A killed (SIGKILL) mid-load. Tasks locked through A
 * come back through B after their locks expire. Then every Stage 1 deadline is brought forward on B, whose job
 * executor fires it; every escalation reaches its line managers through the breach path, is resolved there and
 * completes. No email is sent twice, no record entry or document is lost or doubled, and the record verifies.
 * Only Liverpool escalations run on this fresh database, so history and job queries need no process filter.
 * Run by `npm run test:cluster` (its own mocha invocation; not in the default spec glob).
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../src/clock/system-clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { createCamundaRestEngine } from '../../src/engine/camunda-rest/index.js';
import type { EnginePort } from '../../src/engine/port.js';
import { deployProcesses } from '../../processes/deploy.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { resolved, SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';
import { parseStartVariables, toStageVariableMap, toStartVariableMap } from '../../processes/variables.js';
import { createWorkerApp, type WorkerApp } from '../../workers/app.js';
import type { WorkerConfig } from '../../workers/config.js';
import { exampleDirectory } from '../../workers/notify/example-directory.js';
import { startWorkers, type RunningWorkers } from '../../workers/runtime/runner.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { tempDir } from '../support/temp-dir.js';
import { externalTasksByTopic } from './cluster-topics.js';
import { startReferenceEngine, type ReferenceEngine } from './launcher.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

const KEY = 'LiverpoolEscalation';
const INSTANCES = 40;
// Short enough that tasks locked through the killed node are redelivered within the test.
const LOCK_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `count()` until it reaches `target` (or 3 minutes pass); returns the last count. */
async function waitFor(count: () => Promise<number>, target: number): Promise<number> {
  let n = await count();
  for (let waited = 0; n < target && waited < 180_000; waited += 500) {
    await sleep(500);
    n = await count();
  }
  return n;
}

function startVariables(i: number) {
  return toStartVariableMap(
    parseStartVariables({
      ...SAMPLE_ESCALATION,
      escalationId: `CLUSTER-${i}`,
      raisedAt: new Date(systemClock.now()),
      caseReference: `CR-2026-${String(i).padStart(5, '0')}`,
    }),
  );
}

describe('Operaton cluster on one PostgreSQL (scale-out), with the partnerships’ diagrams and the real workers', () => {
  let postgres: ThrowawayPostgres;
  let nodeA: ReferenceEngine;
  let nodeB: ReferenceEngine;
  let engineA: EnginePort;
  let engineB: EnginePort;
  let smtp: SmtpSink;
  let dir: ReturnType<typeof tempDir>;
  let app: WorkerApp;
  const runners: RunningWorkers[] = [];

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
    smtp = await new SmtpSink().up();
    dir = tempDir('cluster-workers');
    const directoryFile = join(dir.path, 'directory.json');
    writeFileSync(directoryFile, JSON.stringify(exampleDirectory(loadPartnerships())));
    const config: WorkerConfig = {
      // The worker node's own REST calls (is a step still open?) go to the node that survives.
      engineUrl: nodeB.url,
      auth: null,
      workerId: 'worker-node',
      maxTasks: 10,
      lockDuration: LOCK_MS,
      asyncResponseTimeout: 2_000,
      smtpUrl: smtp.url,
      mailFrom: 'Escalations <escalations@cluster.example.org>',
      directoryFile,
      publicUrl: 'https://escalations.example.org',
      dataDir: join(dir.path, 'data'),
      holidaysFile: null,
      dataKey: null,
    };
    app = await createWorkerApp({
      config,
      clock: systemClock,
      logger: silentLogger,
      mayCreateKey: true,
      defaultPublicUrl: '',
    });
    for (const [node, id] of [
      [nodeA, 'worker-a'],
      [nodeB, 'worker-b'],
    ] as const) {
      runners.push(
        startWorkers({
          ...config,
          baseUrl: node.url,
          workerId: id,
          workers: app.workers,
          logger: silentLogger,
        }),
      );
    }
  });

  after(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    app?.close();
    await Promise.all([engineA?.close(), engineB?.close()]);
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await smtp?.down();
    dir?.remove();
    postgres?.stop();
  });

  it('Given two nodes and the workers polling both, When node A is killed mid-load, Then every Liverpool escalation completes through B with no email twice and no record entry or document lost', async () => {
    await deployProcesses(engineA);
    for (let i = 0; i < INSTANCES; i++) {
      await engineA.startProcessInstance({
        definitionKey: KEY,
        businessKey: `CLUSTER-${i}`,
        variables: startVariables(i),
      });
    }
    const doneTasks = () =>
      engineB.countHistoricActivityInstances({
        activityType: 'serviceTask',
        finished: true,
      });
    // Mid-load: the first tasks of the escalations are being worked on through both nodes.
    await waitFor(doneTasks, INSTANCES);
    await nodeA.kill();

    const atStage1 = () =>
      engineB.countUserTasks({ processDefinitionKey: KEY, taskDefinitionKey: 'Stage1_RecordOutcome' });
    expect(await waitFor(atStage1, INSTANCES), 'escalations waiting at Stage 1').to.equal(INSTANCES);
    // Time passes: node B's job executor fires every Stage 1 deadline.
    for (const job of await engineB.listJobs({ activityId: 'Stage1_Deadline' }))
      await engineB.setJobDueDate(job.id, new Date(systemClock.now()));
    const atLineManagers = () =>
      engineB.countUserTasks({
        processDefinitionKey: KEY,
        taskDefinitionKey: 'Stage1LineManager_RecordOutcome',
      });
    expect(await waitFor(atLineManagers, INSTANCES), 'escalations waiting for their line managers').to.equal(
      INSTANCES,
    );
    for (const task of await engineB.listUserTasks({
      processDefinitionKey: KEY,
      taskDefinitionKey: 'Stage1LineManager_RecordOutcome',
    }))
      await engineB.completeUserTask(task.id, { variables: toStageVariableMap(resolved) });
    const finished = () =>
      engineB.countHistoricProcessInstances({ processDefinitionKey: KEY, finished: true });
    expect(await waitFor(finished, INSTANCES), 'escalations completed').to.equal(INSTANCES);
    await expectEachEffectOnce();
  });

  /** Every finished record or form task left exactly one entry or document; every message went once. */
  async function expectEachEffectOnce(): Promise<void> {
    const topics = await externalTasksByTopic(
      loadPartnerships().find((p) => p.settings.id === 'liverpool')!.diagrams[0]!,
    );
    const finishedOf = async (topic: string) =>
      (
        await engineB.listHistoricActivityInstances({
          finished: true,
          maxResults: 100_000,
        })
      ).filter((a) => topics.get(topic)!.has(a.activityId));
    const records = await finishedOf('escalation-record');
    const entries = Array.from({ length: INSTANCES }, (_, i) =>
      app.stores.record.forEscalation(`CLUSTER-${i}`),
    ).flat();
    expect(entries.length, 'one record entry per finished record task').to.equal(records.length);
    expect(app.stores.record.verify()).to.deep.equal({ ok: true, count: entries.length });
    const forms = await finishedOf('escalation-form');
    const documents = Array.from({ length: INSTANCES }, (_, i) =>
      app.stores.documents.forEscalation(`CLUSTER-${i}`),
    ).flat();
    expect(documents.length, 'one document per finished form task').to.equal(forms.length);
    const messages = Array.from({ length: INSTANCES }, (_, i) =>
      app.stores.outbox.forEscalation(`CLUSTER-${i}`),
    ).flat();
    expect(messages.every((m) => m.status === 'sent')).to.equal(true);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size, 'no email received twice').to.equal(ids.length);
    expect(ids.length, 'every message sent was received').to.equal(messages.length);
    process.stderr.write(
      `    cluster: ${INSTANCES} escalations, ${entries.length} record entries, ${documents.length} documents, ${messages.length} emails, each once\n`,
    );
  }
});
