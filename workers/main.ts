/**
 * `npm run workers`: the four external-task workers against ENGINE_URL (our server or a Camunda 7 /
 * Operaton cluster), with the application's data in DATA_DIR. The only module of the workers that
 * reads the environment. SIGTERM / SIGINT: stop fetching, finish the tasks in flight (or unlock late
 * arrivals), close the database, exit 0.
 */
import { systemClock } from '../src/clock/system-clock.js';
import { jsonLineLogger } from '../src/log/logger.js';
import { loadWorkerConfig, WorkerConfigError } from './config.js';
import { createWorkerApp } from './app.js';
import { startWorkers } from './runtime/runner.js';

async function main(): Promise<void> {
  const logger = jsonLineLogger();
  let config;
  try {
    config = loadWorkerConfig(process.env);
    if (!config.engineUrl)
      throw new WorkerConfigError(['ENGINE_URL: required, e.g. http://127.0.0.1:8080/engine-rest']);
  } catch (error) {
    if (error instanceof WorkerConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let app;
  try {
    app = await createWorkerApp({
      config,
      clock: systemClock,
      logger,
      // Against a remote engine the key must come from DATA_KEY: a key file could be lost with one node.
      mayCreateKey: false,
      defaultPublicUrl: 'http://localhost:8080',
    });
  } catch (error) {
    process.stderr.write(`Invalid configuration: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const running = startWorkers({
    baseUrl: config.engineUrl!,
    auth: config.auth,
    workerId: config.workerId,
    maxTasks: config.maxTasks,
    lockDuration: config.lockDuration,
    asyncResponseTimeout: config.asyncResponseTimeout,
    workers: app.workers,
    logger,
  });
  logger.info('workers ready', {
    engineUrl: config.engineUrl,
    workerId: config.workerId,
    delivery: app.delivery.mode,
    directory: app.delivery.directory,
  });
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info('workers stopping', { signal, inFlight: running.inFlight() });
    await running.stop();
    app.close();
    logger.info('workers stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start the workers: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
