/**
 * npm run bench:workers: the real workers through the official client against npm start's engine
 * (the embedded engine behind /engine-rest on loopback, system clock, a temp DATA_DIR) and a real
 * SMTP server on loopback. Prints tasks/s per topic (a one-task diagram per topic, N instances
 * started first, then that topic's worker drains them), ms per PDF for each document, and the
 * latency from raising a Northamptonshire escalation to its first email received over SMTP.
 * Figures only: nothing is asserted (docs/benchmarks.md).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../src/clock/system-clock.js';
import { silentLogger } from '../src/log/logger.js';
import { openEmbeddedEngine } from '../src/engine/embedded/index.js';
import { createServer, listen } from '../src/engine/rest-server/index.js';
import { deployProcesses } from '../processes/deploy.js';
import { loadPartnerships } from '../processes/catalogue.js';
import { createWorkerApp } from '../workers/app.js';
import type { WorkerConfig } from '../workers/config.js';
import { exampleDirectory } from '../workers/notify/example-directory.js';
import { startWorkers } from '../workers/runtime/runner.js';
import { SmtpSink } from '../test/support/smtp-sink.js';
import { tempDir } from '../test/support/temp-dir.js';
import { fmt, ms, pct, sleep } from './figures.js';
import { benchDiagram, startVariables, TOPIC_TASKS } from './workers/workload.js';
import { pdfTimings } from './workers/pdf.js';

const N = Number(process.env.BENCH_TASKS ?? 400);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);

async function main(): Promise<void> {
  const dir = tempDir('bench-workers');
  const engine = await openEmbeddedEngine({
    databaseFile: join(dir.path, 'engine.sqlite'),
    clock: systemClock,
  });
  await deployProcesses(engine);
  const server = await listen(createServer({ engine, logger: silentLogger }), 0, '127.0.0.1');
  const smtp = await new SmtpSink().up();
  const directoryFile = join(dir.path, 'directory.json');
  writeFileSync(directoryFile, JSON.stringify(exampleDirectory(loadPartnerships())));
  const config: WorkerConfig = {
    engineUrl: server.engineRestUrl,
    auth: null,
    workerId: 'bench',
    maxTasks: 50,
    lockDuration: 60_000,
    asyncResponseTimeout: 5_000,
    smtpUrl: smtp.url,
    mailFrom: 'Escalations <escalations@bench.example.org>',
    directoryFile,
    publicUrl: 'https://escalations.example.org',
    dataDir: join(dir.path, 'data'),
    holidaysFile: null,
    dataKey: null,
  };
  const app = await createWorkerApp({
    config,
    clock: systemClock,
    logger: silentLogger,
    mayCreateKey: true,
    defaultPublicUrl: '',
  });
  const run = (topics: readonly string[]) =>
    startWorkers({
      ...config,
      baseUrl: server.engineRestUrl,
      logger: silentLogger,
      workers: app.workers.filter((w) => topics.includes(w.topic)),
    });
  console.log(`bench:workers — Node ${process.version}, ${N} tasks per topic, ${SAMPLES} raise samples`);

  for (const [topic, task] of Object.entries(TOPIC_TASKS)) {
    await engine.deploy({
      name: `bench-${topic}`,
      resources: [{ name: `bench-${topic}.bpmn`, content: Buffer.from(benchDiagram(topic, task)) }],
    });
    if (topic === 'escalation-form') seedSubjects(app, N);
    for (let i = 0; i < N; i++)
      await engine.startProcessInstance({
        definitionKey: `bench_${topic.replace('-', '_')}`,
        businessKey: `b-${topic}-${i}`,
        variables: startVariables(i),
      });
    const t0 = performance.now();
    const workers = run([topic]);
    while ((await engine.countExternalTasks({ topicName: topic })) > 0) await sleep(10);
    const seconds = ms(t0) / 1000;
    await workers.stop();
    console.log(
      `  ${topic.padEnd(20)} ${fmt(N / seconds, 0).padStart(7)} tasks/s  (${N} in ${fmt(seconds, 2)} s)`,
    );
  }

  for (const [form, timing] of Object.entries(await pdfTimings(50))) {
    console.log(`  PDF ${form.padEnd(36)} median ${fmt(timing.p50, 2)} ms, p99 ${fmt(timing.p99, 2)} ms`);
  }

  const workers = run(['escalation-schedule', 'escalation-notify', 'escalation-record', 'escalation-form']);
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const caseReference = `CR-2026-${String(90_000 + i)}`;
    const before = smtp.received.length;
    const t0 = performance.now();
    await engine.startProcessInstance({
      definitionKey: 'NorthamptonshireEscalation',
      businessKey: `lat-${i}`,
      variables: startVariables(i, caseReference),
    });
    while (!smtp.received.slice(before).some((m) => m.subject.includes(caseReference))) await sleep(1);
    latencies.push(ms(t0));
  }
  console.log(
    `  raise → first email over SMTP: p50 ${fmt(pct(latencies, 50))} ms, p99 ${fmt(pct(latencies, 99))} ms`,
  );
  await workers.stop();
  app.close();
  await server.close();
  await engine.close();
  await smtp.down();
  dir.remove();
}

function seedSubjects(app: Awaited<ReturnType<typeof createWorkerApp>>, n: number): void {
  for (let i = 0; i < n; i++) {
    app.stores.subjects.put(
      'liverpool',
      `CR-2026-${String(i).padStart(5, '0')}`,
      {
        name: 'Alex Example',
        dateOfBirth: '2015-03-03',
        address: '1 Example Row',
      },
      new Date(systemClock.now()),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
