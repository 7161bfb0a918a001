/**
 * The whole product on one port, as `npm start` runs it: the engine (embedded on SQLite in DATA_DIR
 * behind `/engine-rest`, or, with ENGINE_URL, a remote Camunda 7 / Operaton through the REST adapter)
 * with every procedure deployed, the escalations API at `/api`, the web UI at `/`, and the four
 * workers in the same process polling the engine through the official client (over loopback when
 * embedded: the same code path as against a remote engine). The application's own data (users,
 * audit, record, outbox, documents, subjects) is in DATA_DIR either way. `stop()` stops the workers
 * first (they finish or unlock what they hold), then the server (waiting long polls get []), then
 * the engine.
 */
import { mkdirSync } from 'node:fs';
import express, { type Express } from 'express';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../log/logger.js';
import type { Config } from '../config.js';
import type { EnginePort } from '../engine/port.js';
import { openEmbeddedEngine } from '../engine/embedded/index.js';
import { createCamundaRestEngine } from '../engine/camunda-rest/index.js';
import { createServer, listen, type RunningServer } from '../engine/rest-server/index.js';
import { compileTrustProxy } from '../http/client-address.js';
import { openAppStores, type AppStores } from '../store/app-stores.js';
import { createApi } from '../api/app.js';
import { createWebUi } from '../web/server/web-ui.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { loadFormCatalogue } from '../../processes/forms-catalogue.js';
import { deployProcesses, describeOlderVersions, diagramVersions } from '../../processes/deploy.js';
import type { WorkerConfig } from '../../workers/config.js';
import { WorkerConfigError } from '../../workers/config.js';
import { createWorkerApp, type WorkerApp } from '../../workers/app.js';
import { startWorkers, type RunningWorkers } from '../../workers/runtime/runner.js';
import { DataKeyError } from '../crypto/data-key.js';
import type { EngineObserver } from '../engine/embedded/observer.js';
import { ProductOperations } from './operations.js';

export interface ProductOptions {
  config: Config;
  /** The workers' settings; null leaves them out (WORKERS=off). */
  workers: WorkerConfig | null;
  clock: Clock;
  logger: Logger;
  /** How often the retention sweep runs (default daily; docs/operations.md). */
  retentionIntervalMs?: number;
}

export interface Product {
  engine: EnginePort;
  running: RunningServer;
  stores: AppStores;
  /** The workers' application, when they run. */
  workerApp: WorkerApp | null;
  stop(): Promise<void>;
}

interface Engine {
  engine: EnginePort;
  /** The express app: with `/engine-rest` for the embedded engine, bare for a remote one. */
  app: Express;
  /** The base URL workers poll; null: this server's own /engine-rest once it listens. */
  restUrl: string | null;
}

export async function startProduct(options: ProductOptions): Promise<Product> {
  const { config, workers, clock, logger } = options;
  // /metrics, request ids and the retention sweep (operations.ts); the engine reports into its metrics.
  const ops = new ProductOperations({
    config,
    clock,
    logger,
    retentionIntervalMs: options.retentionIntervalMs,
  });
  const { engine, app, restUrl } = await openEngine(config, clock, logger, ops.metrics.engineObserver);
  let running: RunningServer | null = null;
  let stores: AppStores | null = null;
  try {
    // A diagram the engine refuses is a defect of this checkout: refuse to start rather than serve without it.
    const deployed = await deployProcesses(engine);
    logger.info('procedures deployed', {
      newDefinitions: Object.keys(deployed.deployedProcessDefinitions).length,
    });
    for (const line of describeOlderVersions(await diagramVersions(engine)))
      logger.info('running on an older version', { line });
    stores = openStores(config, restUrl);
    ops.attach(engine, stores);
    let started: { app: WorkerApp; workers: RunningWorkers } | null = null;
    app.use('/api', await apiOf(engine, stores, clock, logger, () => started !== null, config.holidaysFile));
    ops.mount(app);
    // The web UI at / (built first when stale); after /engine-rest and /api, which it never answers.
    app.use(await createWebUi({ logger }));
    running = await listen(app, config.port, config.host, ops.wrap);
    started = workers
      ? await startWorkersOn(
          running,
          restUrl ?? running.engineRestUrl,
          config,
          workers,
          stores,
          clock,
          logger,
        )
      : null;
    ops.start();
    return {
      engine,
      running,
      stores,
      workerApp: started?.app ?? null,
      stop: () => ops.stop().then(() => stop(engine, running!, stores!, started)),
    };
  } catch (error) {
    await ops.stop();
    await running?.close();
    stores?.close();
    await engine.close();
    throw error;
  }
}

async function openEngine(
  config: Config,
  clock: Clock,
  logger: Logger,
  observer: EngineObserver,
): Promise<Engine> {
  if (config.engineUrl) {
    const engine = createCamundaRestEngine({ baseUrl: config.engineUrl, auth: config.auth });
    const app = express();
    app.disable('x-powered-by');
    if (config.trustProxy) app.set('trust proxy', compileTrustProxy(config.trustProxy));
    return { engine, app, restUrl: config.engineUrl };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const engine = await openEmbeddedEngine({
    databaseFile: config.databaseFile,
    clock,
    timezone: config.timezone,
    logger,
    observer,
  });
  const app = createServer({
    engine,
    auth: config.auth,
    loopbackOnly: !config.publicAccess,
    trustProxy: compileTrustProxy(config.trustProxy),
    logger,
    timezone: config.timezone,
  });
  return { engine, app, restUrl: null };
}

/** The application database and key; a key problem is a setting to fix (exit 2 naming DATA_KEY). */
function openStores(config: Config, remoteUrl: string | null): AppStores {
  try {
    return openAppStores({
      dataDir: config.dataDir,
      dataKey: config.dataKey,
      // The key file is for the embedded default only: against a cluster the key must be DATA_KEY.
      mayCreateKey: remoteUrl === null,
      uidDomain: config.publicUrl ? new URL(config.publicUrl).hostname : 'localhost',
    });
  } catch (error) {
    if (error instanceof DataKeyError) throw new WorkerConfigError([`DATA_KEY: ${error.message}`]);
    throw error;
  }
}

async function apiOf(
  engine: EnginePort,
  stores: AppStores,
  clock: Clock,
  logger: Logger,
  workersRunning: () => boolean,
  holidaysFile: string | null,
) {
  const partnerships = loadPartnerships();
  const byId = new Map<string, (typeof partnerships)[number]>(partnerships.map((p) => [p.settings.id, p]));
  return createApi({
    engine,
    stores,
    partnerships: byId,
    roles: (id) => byId.get(id)?.roles,
    forms: await loadFormCatalogue(),
    clock,
    logger,
    workersRunning,
    holidaysFile,
  });
}

async function startWorkersOn(
  running: RunningServer,
  restUrl: string,
  config: Config,
  workers: WorkerConfig,
  stores: AppStores,
  clock: Clock,
  logger: Logger,
): Promise<{ app: WorkerApp; workers: RunningWorkers }> {
  const settings: WorkerConfig = {
    ...workers,
    engineUrl: restUrl,
    auth: config.auth,
    dataDir: config.dataDir,
  };
  const app = await createWorkerApp({
    config: settings,
    clock,
    logger,
    mayCreateKey: config.engineUrl === null,
    defaultPublicUrl: `http://localhost:${running.port}`,
    stores,
  });
  const started = startWorkers({
    baseUrl: restUrl,
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
  engine: EnginePort,
  running: RunningServer,
  stores: AppStores,
  started: { app: WorkerApp; workers: RunningWorkers } | null,
): Promise<void> {
  // Workers first: they complete or unlock their tasks through the engine, which must still answer.
  await started?.workers.stop();
  started?.app.close();
  // close() stops new connections; engine.close() then answers waiting long polls with [].
  const closed = running.close();
  await engine.close();
  await closed;
  stores.close();
}
