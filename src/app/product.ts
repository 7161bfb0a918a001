/**
 * The whole product on one port, as `npm start` runs it: the embedded engine on SQLite in DATA_DIR
 * with every procedure deployed, `/engine-rest`, and the four workers in the same process polling
 * it through the official client over loopback HTTP (the same code path as against a remote
 * engine). `stop()` stops the workers first (they finish or unlock what they hold), then the server
 * (waiting long polls get []), then the engine.
 */
import { mkdirSync } from 'node:fs';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../log/logger.js';
import type { Config } from '../config.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../engine/embedded/index.js';
import { createServer, listen, type RunningServer } from '../engine/rest-server/index.js';
import { compileTrustProxy } from '../http/client-address.js';
import { deployProcesses, describeOlderVersions, diagramVersions } from '../../processes/deploy.js';
import type { WorkerConfig } from '../../workers/config.js';
import { createWorkerApp, type WorkerApp } from '../../workers/app.js';
import { startWorkers, type RunningWorkers } from '../../workers/runtime/runner.js';

export interface ProductOptions {
  config: Config;
  /** The workers' settings; null leaves them out (WORKERS=off). */
  workers: WorkerConfig | null;
  clock: Clock;
  logger: Logger;
}

export interface Product {
  engine: EmbeddedEngine;
  running: RunningServer;
  /** The workers' application (stores), when they run. */
  workerApp: WorkerApp | null;
  stop(): Promise<void>;
}

export async function startProduct({ config, workers, clock, logger }: ProductOptions): Promise<Product> {
  mkdirSync(config.dataDir, { recursive: true });
  const engine = await openEmbeddedEngine({
    databaseFile: config.databaseFile,
    clock,
    timezone: config.timezone,
    logger,
  });
  let running: RunningServer | null = null;
  try {
    // A diagram the engine refuses is a defect of this checkout: refuse to start rather than serve without it.
    const deployed = await deployProcesses(engine);
    logger.info('procedures deployed', {
      newDefinitions: Object.keys(deployed.deployedProcessDefinitions).length,
    });
    for (const line of describeOlderVersions(await diagramVersions(engine)))
      logger.info('running on an older version', { line });
    const app = createServer({
      engine,
      auth: config.auth,
      loopbackOnly: !config.publicAccess,
      trustProxy: compileTrustProxy(config.trustProxy),
      logger,
      timezone: config.timezone,
    });
    running = await listen(app, config.port, config.host);
    const started = workers ? await startWorkersOn(running, config, workers, clock, logger) : null;
    return { engine, running, workerApp: started?.app ?? null, stop: () => stop(engine, running!, started) };
  } catch (error) {
    await running?.close();
    await engine.close();
    throw error;
  }
}

async function startWorkersOn(
  running: RunningServer,
  config: Config,
  workers: WorkerConfig,
  clock: Clock,
  logger: Logger,
): Promise<{ app: WorkerApp; workers: RunningWorkers }> {
  const settings: WorkerConfig = {
    ...workers,
    engineUrl: running.engineRestUrl,
    auth: config.auth,
    dataDir: config.dataDir,
  };
  const app = await createWorkerApp({
    config: settings,
    clock,
    logger,
    mayCreateKey: true,
    defaultPublicUrl: `http://localhost:${running.port}`,
  });
  const started = startWorkers({
    baseUrl: running.engineRestUrl,
    auth: config.auth,
    workerId: settings.workerId,
    maxTasks: settings.maxTasks,
    lockDuration: settings.lockDuration,
    asyncResponseTimeout: settings.asyncResponseTimeout,
    workers: app.workers,
    logger,
  });
  logger.info('workers ready', {
    workerId: settings.workerId,
    delivery:
      app.delivery.mode === 'smtp' ? 'SMTP' : 'outbox only (no SMTP_URL): messages are kept, not sent',
    directory:
      app.delivery.directory === 'file'
        ? String(settings.directoryFile)
        : 'the example directory (example.org)',
  });
  return { app, workers: started };
}

async function stop(
  engine: EmbeddedEngine,
  running: RunningServer,
  started: { app: WorkerApp; workers: RunningWorkers } | null,
): Promise<void> {
  // Workers first: they complete or unlock their tasks through the server, which must still answer.
  await started?.workers.stop();
  started?.app.close();
  // close() stops new connections; engine.close() then answers waiting long polls with [].
  const closed = running.close();
  await engine.close();
  await closed;
}
